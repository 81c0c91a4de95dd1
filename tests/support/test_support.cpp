#include "support/test_support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

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

RunResult run_binary(const std::string& name, const std::vector<std::string>& args) {
    TempDir tmp;
    const auto out_path = tmp / "stdout";
    const auto err_path = tmp / "stderr";
    const std::string exe = std::string(OKOD_BINARY_DIR) + "/" + name;

    std::vector<std::string> storage{exe};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ);
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

void copy_demo_config(const std::filesystem::path& dir, const std::vector<std::string>& municipality_files) {
    namespace fs = std::filesystem;
    write_demo_okod_toml(dir);
    fs::copy(source_path("workflows/definitions"), dir / "definitions", fs::copy_options::recursive);
    fs::copy(source_path("config/calendars"), dir / "calendars", fs::copy_options::recursive);
    if (municipality_files.empty()) {
        fs::copy(source_path("config/municipalities"), dir / "municipalities", fs::copy_options::recursive);
        return;
    }
    fs::create_directories(dir / "municipalities");
    for (const auto& name : municipality_files)
        fs::copy(source_path("config/municipalities/" + name), dir / "municipalities" / name);
}

}  // namespace okod::test
