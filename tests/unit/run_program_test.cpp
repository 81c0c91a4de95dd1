// Running a converter: its own environment, none of our descriptors, and a time limit
// that kills it with everything it started.
#include "adapters/process/run_program.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>

#include "support/child_process.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

TEST(RunProgram, the_program_sees_only_the_environment_it_is_given_and_none_of_our_files) {
    test::TempDir dir;
    setenv("OKOD_TOKEN", "okod_secret", 1);
    const int ours = open("/dev/null", O_RDONLY);  // not close-on-exec
    ASSERT_GE(ours, 3);
    const auto r =
        run_program({"sh", "-c", "echo token=$OKOD_TOKEN home=$HOME; ls /proc/self/fd | wc -l"},
                    {"PATH=/usr/bin:/bin", "HOME=/nowhere"}, dir / "log", 10s);
    close(ours);
    unsetenv("OKOD_TOKEN");
    ASSERT_TRUE(r.ok()) << r.error;
    const std::string out = test::read_file(dir / "log");
    EXPECT_NE(out.find("token= home=/nowhere"), std::string::npos) << out;
    EXPECT_NE(out.find("4\n"), std::string::npos) << out;  // 0, 1, 2 and ls's own directory handle
}

TEST(RunProgram, a_program_that_takes_too_long_is_killed_with_its_children) {
    test::TempDir dir;
    const auto started = std::chrono::steady_clock::now();
    // The shell starts a child and writes its pid; both sleep far beyond the limit.
    const auto r = run_program(
        {"sh", "-c", "sleep 100 & echo $! > " + (dir / "child").string() + "; sleep 100"},
        {"PATH=/usr/bin:/bin"}, dir / "log", 500ms);
    EXPECT_TRUE(r.started);
    EXPECT_TRUE(r.timed_out);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.error.find("did not finish within 0 s"), std::string::npos) << r.error;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
    const pid_t child = std::stoi(test::read_file(dir / "child"));
    // Killed with its parent's group (then reaped by init): gone within a bounded wait.
    EXPECT_TRUE(test::wait_until([&] { return kill(child, 0) != 0; }, 5s))
        << "pid " << child << " still runs";
}

TEST(RunProgram, exit_codes_and_missing_programs_are_told_apart) {
    test::TempDir dir;
    const auto failed = run_program({"sh", "-c", "exit 3"}, {}, dir / "log", 10s);
    EXPECT_TRUE(failed.started);
    EXPECT_EQ(failed.exit_code, 3);
    EXPECT_EQ(failed.error, "sh exited with 3");
    const auto missing = run_program({"okod-no-such-converter"}, {}, dir / "log", 10s);
    EXPECT_FALSE(missing.started);
    EXPECT_NE(missing.error.find("cannot run okod-no-such-converter"), std::string::npos)
        << missing.error;
}

}  // namespace
}  // namespace okod
