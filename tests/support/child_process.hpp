#pragma once
// A real process under test (okod, smtp-sink): started without a shell, output to a
// log file, stopped by signal. The destructor kills and reaps whatever still runs, so a
// failing test never leaves a daemon behind.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace okod::test {

class ChildProcess {
public:
    // Starts `exe` with `args`; stdout and stderr both go to `log_file` (appended).
    // `env` entries ("NAME=value") are added to this process's environment.
    ChildProcess(const std::filesystem::path& exe, const std::vector<std::string>& args,
                 const std::filesystem::path& log_file, const std::vector<std::string>& env = {});
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();        // false once it exited (and was reaped)
    void signal(int sig);  // no-op when it already exited
    // Waits at most `timeout` for the exit; the exit code, 128+signal when killed, or
    // nullopt when it is still running.
    std::optional<int> wait_for(std::chrono::milliseconds timeout);
    void kill_hard();  // SIGKILL and reap

private:
    bool reap(int options);
    pid_t pid_ = -1;
    std::optional<int> exit_code_;
};

// One of our built binaries ("okod", "okoctl").
std::filesystem::path binary_path(const std::string& name);

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_loopback_port();

// Polls `condition` every few milliseconds until it holds or `timeout` passes. For
// waiting on another process (a file appearing, a row committed), never on our own
// timers: those run on a virtual clock.
bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

}  // namespace okod::test
