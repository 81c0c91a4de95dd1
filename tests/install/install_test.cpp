// `cmake --install` as a package build does it: staged with DESTDIR into a temp dir,
// then the staged files are checked against each other, run, and handed to
// systemd-analyze.
//
// DESTDIR, not --prefix: the unit's ExecStart and the config's paths are fixed when
// configuring, so with --prefix they would point outside the tree under test. Inside
// the staged tree every absolute path P lives at <stage>/P (staged(P) below).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct Output {
    int exit_code = -1;
    std::string text;  // stdout and stderr together
};

// Runs any program (absolute path), without a shell.
Output run_program(const fs::path& exe, const std::vector<std::string>& args,
                   const std::vector<std::string>& env = {}) {
    TempDir log_dir;
    const fs::path log = log_dir / "output";
    ChildProcess child(exe, args, log, env);
    const auto code = child.wait_for(300s);
    return {code.value_or(-1), read_file(log)};
}

// A value from the build's CMakeCache.txt ("NAME:TYPE=value"): how this test finds
// the cmake that configured the build, and the install prefix it was given.
std::string cache_value(const std::string& name) {
    std::ifstream cache(fs::path(OKOD_BINARY_DIR) / "CMakeCache.txt");
    for (std::string line; std::getline(cache, line);)
        if (line.rfind(name + ":", 0) == 0) return line.substr(line.find('=') + 1);
    return {};
}

std::optional<fs::path> find_in_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const fs::path candidate = fs::path(dir) / program;
        if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

// "Key=value" lines of a unit or "key = \"value\"" lines of a TOML file, first match.
std::string setting(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string{};
}

class Install : public ::testing::Test {
protected:
    // One staged install for all tests of this suite: copying the binaries is the slow part.
    static void SetUpTestSuite() {
        stage_ = std::make_unique<TempDir>();
        const std::string cmake = cache_value("CMAKE_COMMAND");
        if (cmake.empty()) {
            install_ = {-1, "no CMAKE_COMMAND in " OKOD_BINARY_DIR "/CMakeCache.txt"};
            return;
        }
        install_ = run_program(cmake, {"--install", OKOD_BINARY_DIR},
                               {"DESTDIR=" + stage_->path().string()});
    }
    static void TearDownTestSuite() { stage_.reset(); }

    void SetUp() override { ASSERT_EQ(install_.exit_code, 0) << install_.text; }

    static fs::path staged(const fs::path& absolute) {
        return stage_->path() / absolute.relative_path();
    }

    static fs::path prefix() { return cache_value("CMAKE_INSTALL_PREFIX"); }
    static fs::path bindir() { return prefix() / cache_value("CMAKE_INSTALL_BINDIR"); }
    static fs::path datadir() { return OKOD_DATADIR; }     // where okod looks by default
    static fs::path confdir() { return OKOD_SYSCONFDIR; }  // ditto
    static fs::path unit_file() { return prefix() / "lib/systemd/system/okod.service"; }
    static fs::path examples_dir() {
        return prefix() / cache_value("CMAKE_INSTALL_DATAROOTDIR") /
               "doc/okod/examples/municipalities";
    }

    // The installed config with its absolute paths moved into the stage, written to
    // `dir` (its relative municipalities dir then resolves inside `dir`).
    static fs::path staged_config(const fs::path& dir) {
        const std::string text = read_file(staged(confdir() / "okod.toml"));
        const fs::path out = dir / "okod.staged.toml";
        write_file(out, std::regex_replace(text,
                                           std::regex(R"(= ")"
                                                      "/"),
                                           "= \"" + stage_->path().string() + "/"));
        return out;
    }

    static inline std::unique_ptr<TempDir> stage_;
    static inline Output install_;
};

// `systemd-analyze verify` exits 0 on unknown keys and unparsable values (it logs
// "..., ignoring." and goes on), so a unit passes only with exit 0 AND no output.
struct Verdict {
    bool passed = false;
    std::string output;
};

// Verifies `unit_text` as okod.service. ExecStart's binary is looked up on this
// machine, so it is pointed at the staged binary (after checking that exists).
Verdict verify_unit(const fs::path& analyze, const std::string& unit_text, const fs::path& stage) {
    TempDir dir;
    const std::string exec = "\nExecStart=" + setting(unit_text, R"(\nExecStart=(/\S+))");
    std::string moved = unit_text;
    if (const auto at = moved.find(exec); at != std::string::npos)
        moved.insert(at + std::string("\nExecStart=").size(), stage.string());
    write_file(dir / "okod.service", moved);
    const Output out = run_program(analyze, {"verify", (dir / "okod.service").string()});
    return {out.exit_code == 0 && out.text.empty(), out.text};
}

TEST_F(Install, puts_every_file_where_okod_and_systemd_look) {
    for (const fs::path& file : {
             bindir() / "okod",
             bindir() / "okoctl",
             datadir() / "definitions/oko-cycle.toml",
             datadir() / "definitions/roles.toml",
             datadir() / "calendars/school-holidays.json",
             unit_file(),
             prefix() / "lib/sysusers.d/okod.conf",
             confdir() / "okod.toml",
             examples_dir() / "GM0935-maastricht.toml",
         })
        EXPECT_TRUE(fs::is_regular_file(staged(file))) << file << " is not installed";
    for (const char* exe : {"okod", "okoctl"})
        EXPECT_EQ(access(staged(bindir() / exe).c_str(), X_OK), 0) << exe << " is not executable";
    // A real install starts without municipalities; the examples stay in the docs.
    const fs::path municipalities = staged(confdir() / "municipalities");
    ASSERT_TRUE(fs::is_directory(municipalities));
    EXPECT_TRUE(fs::is_empty(municipalities));
}

TEST_F(Install, installed_okoctl_accepts_the_installed_definitions) {
    std::vector<std::string> args{"validate"};
    for (const auto& e : fs::directory_iterator(staged(datadir() / "definitions")))
        args.push_back(e.path().string());
    ASSERT_GE(args.size(), 3u) << "definitions and roles.toml";
    const Output out = run_program(staged(bindir() / "okoctl"), args);
    EXPECT_EQ(out.exit_code, 0) << out.text;
}

TEST_F(Install, installed_config_points_at_the_installed_files_and_the_state_directory) {
    const std::string config = read_file(staged(confdir() / "okod.toml"));
    const std::string unit = read_file(staged(unit_file()));
    EXPECT_EQ(setting(config, R"re(\n\[definitions\]\n(?:#.*\n)*dir = "([^"]*)")re"),
              (datadir() / "definitions").string());
    EXPECT_EQ(setting(config, R"re(school_holidays = "([^"]*)")re"),
              (datadir() / "calendars/school-holidays.json").string());
    EXPECT_EQ(setting(config, R"re(\n\[municipalities\]\n(?:#.*\n)*dir = "([^"]*)")re"),
              "municipalities");
    // The store lies in the unit's StateDirectory, which is the service user's home.
    const std::string state_dir = setting(unit, R"(\nStateDirectory=(\S+))");
    ASSERT_FALSE(state_dir.empty());
    EXPECT_EQ(setting(config, R"re(\n\[store\]\n(?:#.*\n)*path = "([^"]*)")re"),
              "/var/lib/" + state_dir + "/okod.sqlite");
    EXPECT_NE(
        read_file(staged(prefix() / "lib/sysusers.d/okod.conf")).find(" /var/lib/" + state_dir),
        std::string::npos);
    EXPECT_FALSE(std::regex_search(config, std::regex("@[A-Z_]+@"))) << "an unsubstituted @VAR@:\n"
                                                                     << config;
}

TEST_F(Install, installed_okod_loads_the_installed_config_with_no_municipalities) {
    TempDir tmp;
    const fs::path config = staged_config(staged(confdir()));  // beside the real one
    const Output out = run_program(staged(bindir() / "okod"),
                                   {"simulate", "--config", config.string(), "--from", "2026-01-01",
                                    "--to", "2026-01-31", "--store", (tmp / "x.sqlite").string()});
    EXPECT_EQ(out.exit_code, 0) << out.text;
    fs::remove(config);
}

TEST_F(Install, installed_okod_runs_the_example_municipalities_from_the_docs) {
    TempDir tmp;
    const fs::path config = staged_config(tmp.path());
    fs::create_directories(tmp / "municipalities");
    for (const auto& e : fs::directory_iterator(staged(examples_dir())))
        fs::copy(e.path(), tmp / "municipalities" / e.path().filename(),
                 fs::copy_options::recursive);  // plans/ too
    const Output out = run_program(staged(bindir() / "okod"),
                                   {"simulate", "--config", config.string(), "--from", "2026-01-01",
                                    "--to", "2026-03-31", "--store", (tmp / "x.sqlite").string()});
    EXPECT_EQ(out.exit_code, 0) << out.text;
    EXPECT_NE(out.text.find("GM0935"), std::string::npos) << out.text;
}

TEST_F(Install, unit_runs_okod_as_a_notify_service_with_the_installed_config) {
    const std::string unit = read_file(staged(unit_file()));
    EXPECT_FALSE(std::regex_search(unit, std::regex("@[A-Z_]+@"))) << "an unsubstituted @VAR@:\n"
                                                                   << unit;
    EXPECT_EQ(setting(unit, R"(\nExecStart=(.*))"),
              (bindir() / "okod").string() + " run --config " + (confdir() / "okod.toml").string());
    EXPECT_EQ(setting(unit, R"(\nType=(.*))"), "notify");
    EXPECT_EQ(setting(unit, R"(\nWatchdogSec=(.*))"), "30s");
    EXPECT_EQ(setting(unit, R"(\nExecReload=(.*))"), "/bin/kill -HUP $MAINPID");
    EXPECT_EQ(setting(unit, R"(\nUser=(.*))"), "okod");
    EXPECT_EQ(setting(unit, R"(\nCapabilityBoundingSet=(.*))"), "");
    EXPECT_EQ(setting(unit, R"(\nProtectSystem=(.*))"), "strict");
}

TEST_F(Install, unit_passes_systemd_analyze_verify) {
    const auto analyze = find_in_path("systemd-analyze");
    if (!analyze) GTEST_SKIP() << "systemd-analyze is not installed (apt-get install systemd)";
    const std::string unit = read_file(staged(unit_file()));
    const fs::path exec = setting(unit, R"(\nExecStart=(/\S+))");
    ASSERT_TRUE(fs::is_regular_file(staged(exec))) << exec << " is not in the staged tree";
    const Verdict v = verify_unit(*analyze, unit, stage_->path());
    EXPECT_TRUE(v.passed) << v.output;
}

// The check above is only worth something if it can fail: a typo'd key and a bad
// value are mere warnings to systemd-analyze (exit 0), yet must fail it.
TEST_F(Install, verify_rejects_a_typo_and_a_bad_value) {
    const auto analyze = find_in_path("systemd-analyze");
    if (!analyze) GTEST_SKIP() << "systemd-analyze is not installed (apt-get install systemd)";
    const std::string unit = read_file(staged(unit_file()));
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\nProtectClock=yes", "\nProtectClok=yes"},
             {"\nWatchdogSec=30s", "\nWatchdogSec=30x"},
             {"\nType=notify", "\nType=notfy"},
             {"\n[Service]", "\n[Servce]"},
         }) {
        ASSERT_NE(unit.find(from), std::string::npos) << from;
        std::string broken = unit;
        broken.replace(broken.find(from), from.size(), to);
        const Verdict v = verify_unit(*analyze, broken, stage_->path());
        EXPECT_FALSE(v.passed) << "not caught: " << to;
    }
}

// The hardening as systemd scores it (0 best, 10 worst); okod's unit scores 1.1. The
// threshold catches a lost block of hardening, not a single knob.
TEST_F(Install, unit_exposure_stays_below_2) {
    const auto analyze = find_in_path("systemd-analyze");
    if (!analyze) GTEST_SKIP() << "systemd-analyze is not installed (apt-get install systemd)";
    TempDir dir;
    write_file(dir / "okod.service", read_file(staged(unit_file())));
    // --offline reads the file instead of asking a running systemd (not PID 1 here);
    // --threshold is in tenths.
    const Output out = run_program(*analyze, {"security", "--offline=true", "--threshold=20",
                                              (dir / "okod.service").string()});
    EXPECT_EQ(out.exit_code, 0) << out.text;
}

}  // namespace
}  // namespace okod::test
