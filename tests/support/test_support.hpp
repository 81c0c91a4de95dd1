#pragma once
// Small helpers shared by tests: temporary directories and running our binaries.
#include <filesystem>
#include <string>
#include <vector>

namespace okod::test {

// A fresh directory under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs one of our built binaries ("okod", "okoctl") with arguments, no shell involved.
RunResult run_binary(const std::string& name, const std::vector<std::string>& args);

// Path inside the source tree (e.g. "config/okod.toml").
std::filesystem::path source_path(const std::string& relative);

void write_file(const std::filesystem::path& p, const std::string& text);
std::string read_file(const std::filesystem::path& p);

}  // namespace okod::test
