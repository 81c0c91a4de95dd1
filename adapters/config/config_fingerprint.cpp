#include "adapters/config/config_fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <string_view>
#include <vector>

namespace okod {
namespace {

namespace fs = std::filesystem;

// "path size hash", or "path absent" for a file that cannot be read.
std::string file_line(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fmt::format("{} absent\n", file.string());
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return fmt::format("{} {} {:016x}\n", file.string(), bytes.size(),
                       std::hash<std::string_view>{}(bytes));
}

// The .toml files in `dir` (as the loaders read them: not its subdirectories), sorted
// so that the fingerprint does not depend on the directory's order.
std::vector<fs::path> toml_files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return files;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file(ec) && e.path().extension() == ".toml") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

std::string config_fingerprint(const Config& settings) {
    // Of okod.toml only what the plan depends on (the paths are in the lines below): its
    // port, mail server or limits can change without planning again.
    std::string out =
        fmt::format("engine {} {} {}\n", settings.engine.due_time.minutes,
                    settings.engine.reminder_time.minutes, static_cast<int>(settings.language));
    for (const auto* dir :
         {&settings.municipalities_dir, &settings.plans_dir, &settings.definitions_dir}) {
        out += fmt::format("in {}\n", dir->string());
        for (const auto& f : toml_files_in(*dir)) out += file_line(f);
    }
    if (!settings.school_holidays_file.empty()) out += file_line(settings.school_holidays_file);
    return out;
}

}  // namespace okod
