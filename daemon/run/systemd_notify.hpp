#pragma once
// SystemdNotifier: tells systemd (Type=notify) how the service is doing, through
// sd_notify(3). Owns nothing but what it read from the environment at construction.
//
// When okod is not started by systemd (no NOTIFY_SOCKET) every call is a cheap no-op,
// so callers never ask "are we under systemd?". Failures to send are logged, never
// thrown: a missed status line must not stop the daemon. Thread-safe (sd_notify opens
// a fresh datagram socket per call).
//
//   SystemdNotifier notify;
//   notify.ready("3 municipalities, 120 timers pending");
//   if (auto every = notify.watchdog_interval()) arm_timer(*every, [&] { notify.watchdog(); });
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace okod {

class SystemdNotifier {
public:
    SystemdNotifier();  // reads NOTIFY_SOCKET and the watchdog settings (WATCHDOG_USEC/PID)

    // True when started by systemd with a notify socket.
    bool enabled() const { return enabled_; }

    void ready(std::string_view status);     // start-up done
    void reloading();                        // SIGHUP received, re-reading config
    void reloaded(std::string_view status);  // reload finished (or kept the old config)
    void stopping();                         // SIGTERM received, finishing up
    void status(std::string_view status);    // free text for `systemctl status`
    void watchdog();                         // "still alive"

    // How often to call watchdog(): half of WatchdogSec=, or nullopt when the unit asks
    // for no watchdog (or okod is not under systemd).
    std::optional<std::chrono::microseconds> watchdog_interval() const {
        return watchdog_interval_;
    }

private:
    void send(const std::string& message);

    bool enabled_ = false;
    std::optional<std::chrono::microseconds> watchdog_interval_;
};

}  // namespace okod
