#include "daemon/run/systemd_notify.hpp"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <cstring>
#include <ctime>

namespace okod {
namespace {

// One STATUS= line: a newline in the text would start another assignment.
std::string status_line(std::string_view status) {
    std::string line = "STATUS=";
    for (const char c : status) line += (c == '\n' || c == '\r') ? ' ' : c;
    return line;
}

// systemd >= 253 (Type=notify-reload) wants RELOADING=1 paired with the CLOCK_MONOTONIC
// time of the reload, to tell this reload from a later one; older versions ignore it.
std::string monotonic_usec() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    const auto usec = static_cast<unsigned long long>(ts.tv_sec) * 1'000'000ULL +
                      static_cast<unsigned long long>(ts.tv_nsec) / 1'000ULL;
    return "MONOTONIC_USEC=" + std::to_string(usec);
}

}  // namespace

SystemdNotifier::SystemdNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    enabled_ = socket != nullptr && *socket != '\0';
    uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) is this process.
    if (enabled_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        watchdog_interval_ = std::chrono::microseconds{usec / 2};
}

void SystemdNotifier::ready(std::string_view status) { send("READY=1\n" + status_line(status)); }

void SystemdNotifier::reloading() { send("RELOADING=1\n" + monotonic_usec()); }

void SystemdNotifier::reloaded(std::string_view status) { send("READY=1\n" + status_line(status)); }

void SystemdNotifier::stopping() { send("STOPPING=1"); }

void SystemdNotifier::status(std::string_view status) { send(status_line(status)); }

void SystemdNotifier::watchdog() { send("WATCHDOG=1"); }

void SystemdNotifier::send(const std::string& message) {
    if (!enabled_) return;
    if (const int r = sd_notify(0, message.c_str()); r < 0)
        spdlog::warn("sd_notify '{}' failed: {}", message.substr(0, message.find('\n')),
                     std::strerror(-r));
}

}  // namespace okod
