#pragma once
// The Clock port. The engine never asks the operating system for the time: it asks a
// Clock, so that tests and `okod simulate` can run years of cycles in milliseconds.
#include "time/instant.hpp"

namespace okod {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

// Wall-clock time, truncated to whole seconds.
class SystemClock final : public Clock {
public:
    Instant now() const override;
};

// A clock that only moves when told to. Not thread-safe; owned by one driver.
class VirtualClock final : public Clock {
public:
    explicit VirtualClock(Instant start) : now_(start) {}
    Instant now() const override { return now_; }
    // Moves forward only: a virtual clock going backwards would replay timers.
    void advance_to(Instant t) {
        if (t > now_) now_ = t;
    }
    void advance(std::chrono::seconds d) { now_ += d; }

private:
    Instant now_;
};

}  // namespace okod
