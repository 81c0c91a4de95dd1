#pragma once
// Whether okod can write its store, as the scheduler and the outbox last found it: a
// full disk, a store locked by another process for longer than the busy timeout, a
// read-only file. Says so once when writing starts to fail (and every ten minutes while
// it goes on), once when it works again, and answers /ready and `systemctl status`
// meanwhile. Owns no I/O but the log. Used on the daemon's strand only.
//
//   health.failed("recording e-mail 12 as sent", e.what(), clock.now());
//   ...
//   health.succeeded(clock.now());   // logs "writable again after 2 min"
//   if (auto p = health.problem()) serve 503 with *p;
#include <optional>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod {

class StoreHealth {
public:
    // A write failed. `what` says what okod was doing, `error` what SQLite said.
    void failed(std::string_view what, std::string_view error, Instant now);
    // A write committed: the fault, if there was one, is over.
    void succeeded(Instant now);

    bool healthy() const { return !since_; }
    // For /ready, okoctl outbox and systemd: "the store cannot be written since ...
    // (...): e-mail is paused", or nullopt when all is well.
    std::optional<std::string> problem() const;
    // How long to wait before the next try: 1 s, doubling to a minute.
    std::chrono::seconds backoff() const;

private:
    std::optional<Instant> since_;
    Instant last_logged_{};
    std::string what_;
    std::string error_;
    int failures_ = 0;
};

}  // namespace okod
