#pragma once
// Runs another program to its end, with a time limit: for the PDF printers (chromium,
// weasyprint, wkhtmltopdf), which okod and okoctl start but do not link.
//
// The program gets no shell (arguments are passed as they are, so a path with spaces
// or quotes stays one argument), only the environment `env` (NAME=value; not ours,
// which may hold a token), stdin from /dev/null, stdout and stderr in `log_file`, none
// of our other file descriptors (okod's sockets), default signal handling and an empty
// signal mask. It runs in its own process group, so that a program that does not
// finish in time is killed with every helper process it started (chromium starts
// several), and so are helpers it leaves behind when it ends.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace okod {

struct ProgramResult {
    bool started = false;    // false: the program could not be run at all (see error)
    bool timed_out = false;  // killed after the time limit
    int exit_code = -1;      // when it exited by itself
    std::string error;       // why it could not be started, or how it ended badly
    bool ok() const { return started && !timed_out && exit_code == 0; }
};

ProgramResult run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          const std::filesystem::path& log_file,
                          std::chrono::milliseconds time_limit);

// The first of `names` found as an executable on PATH (or given as an absolute path).
std::optional<std::filesystem::path> find_program(const std::vector<std::string>& names);

}  // namespace okod
