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
// `env` changes the environment it inherits: "NAME=value" sets NAME, "NAME" alone
// removes it (e.g. {"OKOD_URL=http://127.0.0.1:8470", "OKOD_TOKEN"}).
RunResult run_binary(const std::string& name, const std::vector<std::string>& args,
                     const std::vector<std::string>& env = {});

// Path inside the source tree (e.g. "config/okod.toml").
std::filesystem::path source_path(const std::string& relative);

void write_file(const std::filesystem::path& p, const std::string& text);
std::string read_file(const std::filesystem::path& p);

// An okod.toml in `dir` with the demo layout: store state/okod.sqlite, definitions/,
// calendars/school-holidays.json, municipalities/.
void write_demo_okod_toml(const std::filesystem::path& dir);
// The demo tree in `dir`: that okod.toml, the shipped definitions and calendar, and the
// demo municipality files (all, or only the named ones, e.g. "GM0935-maastricht.toml"),
// so a test can change any of them.
void copy_demo_config(const std::filesystem::path& dir,
                      const std::vector<std::string>& municipality_files = {});

// A store file as an older okod left it: the first `version` migrations applied, for a
// test to put rows in (with SqliteDb) before SqliteStore::open migrates the rest.
void create_store_at_schema_version(const std::filesystem::path& file, int version);

}  // namespace okod::test
