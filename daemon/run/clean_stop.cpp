#include "daemon/run/clean_stop.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace okod {
namespace {

std::filesystem::path mark_of(const std::filesystem::path& store) {
    auto mark = store;
    mark += ".clean";
    return mark;
}

std::string file_fingerprint(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return "-";
    return fmt::format("{}:{}:{}:{}.{}", st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec,
                       st.st_mtim.tv_nsec);
}

}  // namespace

std::string store_fingerprint(const std::filesystem::path& store) {
    std::error_code ec;
    if (!std::filesystem::exists(store, ec)) return {};
    auto wal = store;
    wal += "-wal";
    return "okod clean stop " + file_fingerprint(store) + " wal " + file_fingerprint(wal);
}

bool take_clean_stop_mark(const std::filesystem::path& store) {
    const auto mark = mark_of(store);
    std::string line;
    {
        std::ifstream in(mark);
        std::getline(in, line);
    }
    std::error_code ec;
    std::filesystem::remove(mark, ec);
    return !line.empty() && line == store_fingerprint(store);
}

void write_clean_stop_mark(const std::filesystem::path& store) {
    const auto fingerprint = store_fingerprint(store);
    if (fingerprint.empty()) return;
    std::ofstream out(mark_of(store), std::ios::trunc);
    out << fingerprint << '\n';  // a full disk loses the mark: the next start checks
}

}  // namespace okod
