#include "served_okod.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>

#include "bench_support.hpp"
#include "support/child_process.hpp"

namespace okod::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The last lines of okod's log, for an error message.
std::string tail_of(const fs::path& log) {
    std::string text;
    try {
        text = read_file(log);
    } catch (const std::exception&) {
        return "(no log)";
    }
    std::size_t at = text.size();
    for (int lines = 0; lines < 15 && at > 0; ++lines) at = text.rfind('\n', at - 1);
    return at == std::string::npos ? text : text.substr(at + 1);
}

}  // namespace

// A bound AF_UNIX datagram socket, closed and unlinked with this object.
class NotifySocket {
public:
    NotifySocket() {
        static int made = 0;
        path_ = fs::temp_directory_path() /
                fmt::format("okod-bench-notify-{}-{}.sock", ::getpid(), ++made);
        fs::remove(path_);
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        if (fd_ < 0 || path_.string().size() >= sizeof addr.sun_path)
            throw std::runtime_error("cannot make a notify socket");
        std::strcpy(addr.sun_path, path_.c_str());
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
            throw std::runtime_error("cannot bind " + path_.string());
    }
    ~NotifySocket() {
        ::close(fd_);
        std::error_code ec;
        fs::remove(path_, ec);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    const fs::path& path() const { return path_; }
    // Waits at most `ms` for a datagram; "" when none came.
    std::string receive(int ms) const {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, ms) <= 0) return {};
        char buffer[4096];
        const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
    }

private:
    fs::path path_;
    int fd_ = -1;
};

ServedOkod::ServedOkod(const OkodRun& run) : run_(run), notify_(std::make_unique<NotifySocket>()) {
    const NotifySocket& notify = *notify_;
    std::vector<std::string> args{"run", "--config", run.config.string(), "--log-level",
                                  run.log_level};
    if (!run.clock.empty()) {
        args.insert(args.end(), {"--clock", run.clock});
        if (!run.clock_speed.empty()) args.insert(args.end(), {"--clock-speed", run.clock_speed});
    }
    const auto started = Clock::now();
    process_ = std::make_unique<test::ChildProcess>(
        test::binary_path("okod"), args, run.log,
        std::vector<std::string>{"NOTIFY_SOCKET=" + notify.path().string()});
    const auto deadline = started + std::chrono::seconds{300};
    while (Clock::now() < deadline) {
        const std::string message = notify.receive(50);
        if (message.rfind("READY=1", 0) == 0 || message.find("\nREADY=1") != std::string::npos) {
            ready_seconds_ = std::chrono::duration<double>(Clock::now() - started).count();
            return;
        }
        if (!process_->running())
            throw std::runtime_error(fmt::format("okod exited before READY=1; the end of {}:\n{}",
                                                 run.log.string(), tail_of(run.log)));
    }
    throw std::runtime_error(fmt::format("okod sent no READY=1 within 300 s; the end of {}:\n{}",
                                         run.log.string(), tail_of(run.log)));
}

// Kept while okod runs: it notifies STOPPING=1 too, as under systemd.
ServedOkod::~ServedOkod() {
    if (process_ && process_->running()) {
        process_->signal(SIGTERM);
        process_->wait_for(std::chrono::seconds{60});
    }
}

void ServedOkod::stop() {
    process_->signal(SIGTERM);
    const auto code = process_->wait_for(std::chrono::seconds{60});
    if (code != 0)
        throw std::runtime_error(
            fmt::format("okod did not stop cleanly ({}); the end of {}:\n{}",
                        code ? fmt::format("exit {}", *code) : std::string("still running"),
                        run_.log.string(), tail_of(run_.log)));
}

}  // namespace okod::bench
