#pragma once
// A complete okod installation in a temp directory for tests with the real process:
// okod.toml, the shipped roles, a short "drill" workflow whose reminders fall due within
// a few simulated days, three municipalities with people in every role, and helpers to
// start okod on an accelerated clock and look into its store and log.
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/instance.hpp"
#include "support/child_process.hpp"
#include "support/test_support.hpp"

namespace okod::test {

class DaemonWorld {
public:
    // Mail goes over SMTP to 127.0.0.1:smtp_port (or to a directory when smtp_port is 0).
    // Maastricht, Groningen and Utrecht, plus `extra_municipalities` synthetic ones
    // (GM1001, ...) for more mail at once.
    explicit DaemonWorld(int smtp_port, int extra_municipalities = 0);

    std::filesystem::path config() const { return dir_ / "okod.toml"; }
    std::filesystem::path store() const { return dir_ / "state" / "okod.sqlite"; }
    std::filesystem::path log() const { return dir_ / "okod.log"; }
    std::filesystem::path definitions() const { return dir_ / "definitions"; }
    std::filesystem::path dir() const { return dir_.path(); }
    // Adds an [http] section: the API (/ready) on 127.0.0.1:port; `more` lines for it,
    // e.g. "public_url = ...\n".
    void enable_http(int port, const std::string& more = "") const;

    // The demo clock every start uses: 2026-03-02 08:00, `speed` simulated seconds per
    // real second. Restarts continue the same timeline (okod keeps the anchor).
    static constexpr const char* kClockStart = "2026-03-02T08:00:00+01:00";
    // Another `clock_start` moves the demo clock there (a jump ahead in time).
    std::unique_ptr<ChildProcess> start_okod(double speed,
                                             const std::string& clock_start = kClockStart) const;
    // Waits until the log says "ready" `count` times in all (one per start).
    bool wait_ready(int count, std::chrono::milliseconds timeout = std::chrono::seconds{20}) const;

    // The outbox keys `okod simulate` decides on for the same config over the drill's
    // days: what must arrive, each exactly once.
    std::set<std::string> expected_keys() const;

    std::vector<OutboxItem> outbox() const;  // reads the live store
    // Has okod marked every one of `keys` sent?
    bool all_sent(const std::set<std::string>& keys) const;
    int log_count(const std::string& needle) const;
    std::string log_text() const { return read_file(log()); }

private:
    TempDir dir_;
};

}  // namespace okod::test
