// SystemdNotifier against a stand-in for systemd: a datagram socket named by
// NOTIFY_SOCKET, read back by the test.
#include "daemon/run/systemd_notify.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

// Sets (or with nullopt, unsets) one environment variable for a test's lifetime.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            setenv(name, value->c_str(), 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_)
            setenv(name_, old_->c_str(), 1);
        else
            unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

// What systemd would receive: one datagram per notification.
class FakeSystemd {
public:
    FakeSystemd() : path_((dir_ / "notify").string()), env_("NOTIFY_SOCKET", path_) {
        fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path_.c_str(), sizeof addr.sun_path - 1);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
            throw std::runtime_error("cannot bind " + path_);
        timeval timeout{1, 0};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~FakeSystemd() { ::close(fd_); }

    std::string receive() {
        char buf[4096];
        const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
        return n < 0 ? std::string("<nothing received>") : std::string(buf, static_cast<size_t>(n));
    }

private:
    TempDir dir_;
    std::string path_;
    ScopedEnv env_;
    int fd_ = -1;
};

TEST(SystemdNotifier, does_nothing_when_not_started_by_systemd) {
    ScopedEnv no_socket("NOTIFY_SOCKET", std::nullopt);
    ScopedEnv watchdog("WATCHDOG_USEC", "30000000");
    SystemdNotifier notify;
    EXPECT_FALSE(notify.enabled());
    EXPECT_EQ(notify.watchdog_interval(), std::nullopt);
    notify.ready("ignored");
    notify.watchdog();
}

TEST(SystemdNotifier, sends_ready_with_the_status_on_one_line) {
    FakeSystemd systemd;
    SystemdNotifier notify;
    ASSERT_TRUE(notify.enabled());
    notify.ready("3 municipalities\n120 timers");
    EXPECT_EQ(systemd.receive(), "READY=1\nSTATUS=3 municipalities 120 timers");
}

TEST(SystemdNotifier, sends_each_state_change_as_systemd_spells_it) {
    FakeSystemd systemd;
    SystemdNotifier notify;
    notify.reloading();
    const std::string reloading = systemd.receive();
    EXPECT_EQ(reloading.rfind("RELOADING=1\nMONOTONIC_USEC=", 0), 0u) << reloading;
    notify.reloaded("config reloaded");
    EXPECT_EQ(systemd.receive(), "READY=1\nSTATUS=config reloaded");
    notify.status("sending 2 e-mails");
    EXPECT_EQ(systemd.receive(), "STATUS=sending 2 e-mails");
    notify.watchdog();
    EXPECT_EQ(systemd.receive(), "WATCHDOG=1");
    notify.stopping();
    EXPECT_EQ(systemd.receive(), "STOPPING=1");
}

TEST(SystemdNotifier, pings_the_watchdog_at_half_of_WatchdogSec) {
    FakeSystemd systemd;
    ScopedEnv usec("WATCHDOG_USEC", "30000000");
    ScopedEnv pid("WATCHDOG_PID", std::to_string(getpid()));
    EXPECT_EQ(SystemdNotifier().watchdog_interval(), std::chrono::microseconds{15s});
}

TEST(SystemdNotifier, has_no_watchdog_when_it_is_meant_for_another_process) {
    FakeSystemd systemd;
    ScopedEnv usec("WATCHDOG_USEC", "30000000");
    ScopedEnv pid("WATCHDOG_PID", std::to_string(getpid() + 1));
    EXPECT_EQ(SystemdNotifier().watchdog_interval(), std::nullopt);
}

TEST(SystemdNotifier, has_no_watchdog_when_the_unit_sets_none) {
    FakeSystemd systemd;
    ScopedEnv usec("WATCHDOG_USEC", std::nullopt);
    EXPECT_EQ(SystemdNotifier().watchdog_interval(), std::nullopt);
}

}  // namespace
}  // namespace okod::test
