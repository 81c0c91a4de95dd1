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
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod {

class StoreHealth {
public:
    // A write failed. `what` says what okod was doing, `error` what SQLite said; `now`
    // is okod's clock (the demo clock too), for "since" in the messages. How often to
    // log, how long to wait and how long it lasted are real time (steady_clock): on a
    // demo clock at 300,000 x ten minutes pass in two milliseconds.
    void failed(std::string_view what, std::string_view error, Instant now);
    // A write committed: the fault, if there was one, is over.
    void succeeded();

    bool healthy() const { return !since_; }
    // For /ready, okoctl outbox and systemd: "the store cannot be written since ...
    // (...): e-mail is paused", or nullopt when all is well.
    std::optional<std::string> problem() const;
    // How long to wait before the next try: 250 ms, doubling to a minute.
    std::chrono::milliseconds backoff() const;
    // Something that may have ended the fault happened (a file deleted beside the
    // store): the waits start again from the shortest.
    void expect_recovery() { backoff_step_ = 0; }

private:
    using steady = std::chrono::steady_clock;
    std::optional<Instant> since_;
    steady::time_point began_{};
    steady::time_point last_logged_{};
    std::string what_;
    std::string error_;
    int failures_ = 0;
    int backoff_step_ = 0;  // failures since the last expect_recovery()
};

}  // namespace okod
