#pragma once
// `okod run` (and plain `okod`): parse the options, set up logging, run the daemon.
#include <filesystem>
#include <string>

namespace okod {

struct RunArgs {
    std::filesystem::path config;
    std::string clock;       // empty: wall clock; else an ISO instant to start from
    double clock_speed = 0;  // 0: not given
    std::string log_level = "info";
};

// Returns the process exit code: 0 after SIGTERM/SIGINT, 1 when okod cannot start,
// 2 for a bad option value.
int run_daemon(const RunArgs& args);

}  // namespace okod
