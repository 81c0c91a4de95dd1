#pragma once
// The real okod serving a store, started as systemd starts it (Type=notify): NOTIFY_SOCKET
// names a datagram socket of ours, so "ready" is the READY=1 datagram itself, timed from
// just before the spawn (exec and the dynamic loader included), as bench/run_notified.py
// does for the shell benchmarks. The destructor stops an okod still running.
#include <filesystem>
#include <memory>
#include <string>

namespace okod::test {
class ChildProcess;
}

namespace okod::bench {

namespace fs = std::filesystem;
class NotifySocket;

struct OkodRun {
    fs::path config;          // okod.toml
    std::string clock;        // --clock (ISO 8601)
    std::string clock_speed;  // --clock-speed
    std::string log_level = "info";
    fs::path log;  // okod's stdout and stderr (appended)
};

class ServedOkod {
public:
    // Starts okod and waits for READY=1 (at most 300 s); throws, with the log's tail, when
    // okod exits first or never gets ready.
    explicit ServedOkod(const OkodRun& run);
    ~ServedOkod();
    ServedOkod(const ServedOkod&) = delete;
    ServedOkod& operator=(const ServedOkod&) = delete;

    double ready_seconds() const { return ready_seconds_; }
    // SIGTERM and wait for the exit (at most 60 s); throws unless okod exits with 0.
    void stop();

private:
    OkodRun run_;
    std::unique_ptr<NotifySocket> notify_;
    std::unique_ptr<test::ChildProcess> process_;
    double ready_seconds_ = 0;
};

}  // namespace okod::bench
