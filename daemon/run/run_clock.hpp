#pragma once
// The daemon's clock: the wall clock, or for demos and integration tests an
// accelerated one (`--clock 2026-03-01T08:00:00+01:00 --clock-speed 3600`: one real
// second is an hour), so the real process lives through weeks in seconds.
//
// The accelerated clock is anchored to a real moment. okod keeps the anchor in the
// store, so a process that is killed and started again with the same --clock and
// --clock-speed continues on the same timeline, and the time it was down counts
// (missed reminders then go out late, as after a real outage).
#include <chrono>
#include <optional>
#include <string>

#include "model/store.hpp"
#include "time/clock.hpp"

namespace okod {

class RunClock final : public Clock {
public:
    RunClock();  // the wall clock
    RunClock(Instant virtual_start, double speed,
             std::chrono::system_clock::time_point real_anchor);

    // The wall clock, forgetting any accelerated timeline `store` kept (so okoctl,
    // which follows that timeline, follows the wall clock too).
    static RunClock wall(Store& store);
    // An accelerated clock continuing the timeline kept in `store`, or starting one
    // now when the store has none for this start and speed.
    static RunClock accelerated(Store& store, Instant virtual_start, double speed);
    // The accelerated clock an okod started with --clock keeps in `store`, running on;
    // nullopt when there is none (okod runs on the wall clock). Writes nothing: this is
    // how okoctl acts on okod's timeline. Throws, as accelerated() does, when that clock
    // would now be implausibly far ahead.
    static std::optional<RunClock> resume(Store& store);

    Instant now() const override;
    // How long to wait in real time until the clock shows `t` (zero if it already has).
    std::chrono::nanoseconds real_delay_until(Instant t) const;
    // The real moment at which the clock shows (or showed) `t`: `t` itself on the wall
    // clock. What the scheduler's lateness is measured from.
    std::chrono::system_clock::time_point real_moment(Instant t) const;
    bool is_accelerated() const { return speed_ != 1.0 || virtual_start_.has_value(); }
    double speed() const { return speed_; }
    std::string describe() const;

private:
    std::optional<Instant> virtual_start_;
    double speed_ = 1.0;
    std::chrono::system_clock::time_point real_anchor_{};
};

}  // namespace okod
