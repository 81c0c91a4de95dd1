#include "support/test_support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_store.hpp"

extern char** environ;

namespace okod::test {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "okod-test-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path source_path(const std::string& relative) {
    return std::filesystem::path(OKOD_SOURCE_DIR) / relative;
}

void write_file(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

namespace {

// This process's environment with `changes` applied ("NAME=value" sets, "NAME" unsets).
std::vector<std::string> changed_environment(const std::vector<std::string>& changes) {
    auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> result;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        const bool changed = std::any_of(changes.begin(), changes.end(), [&](const std::string& c) {
            return name_of(c) == name_of(entry);
        });
        if (!changed) result.push_back(entry);
    }
    for (const auto& c : changes)
        if (c.find('=') != std::string::npos) result.push_back(c);
    return result;
}

}  // namespace

RunResult run_binary(const std::string& name, const std::vector<std::string>& args,
                     const std::vector<std::string>& env) {
    TempDir tmp;
    const auto out_path = tmp / "stdout";
    const auto err_path = tmp / "stderr";
    const std::string exe = std::string(OKOD_BINARY_DIR) + "/" + name;

    std::vector<std::string> storage{exe};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_storage = changed_environment(env);
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + exe);
    int status = 0;
    waitpid(pid, &status, 0);

    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

void write_demo_okod_toml(const std::filesystem::path& dir) {
    write_file(dir / "okod.toml", R"([store]
path = "state/okod.sqlite"
[definitions]
dir = "definitions"
[calendar]
school_holidays = "calendars/school-holidays.json"
[municipalities]
dir = "municipalities"
)");
}

void copy_demo_config(const std::filesystem::path& dir,
                      const std::vector<std::string>& municipality_files) {
    namespace fs = std::filesystem;
    write_demo_okod_toml(dir);
    fs::copy(source_path("workflows/definitions"), dir / "definitions",
             fs::copy_options::recursive);
    fs::copy(source_path("config/calendars"), dir / "calendars", fs::copy_options::recursive);
    if (municipality_files.empty()) {
        fs::copy(source_path("config/municipalities"), dir / "municipalities",
                 fs::copy_options::recursive);
        return;
    }
    fs::create_directories(dir / "municipalities");
    for (const auto& name : municipality_files)
        fs::copy(source_path("config/municipalities/" + name), dir / "municipalities" / name);
}

void create_store_at_schema_version(const std::filesystem::path& file, int version) {
    const auto migrations = sqlite_migrations();
    if (version < 0 || static_cast<std::size_t>(version) >= migrations.size())
        throw std::invalid_argument("no older schema version " + std::to_string(version));
    SqliteDb db(file.string());
    for (std::size_t i = 0; i < static_cast<std::size_t>(version); ++i) db.exec(migrations[i]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace okod::test
