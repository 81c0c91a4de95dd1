#include "daemon/run/run_clock.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

using std::chrono::system_clock;
constexpr const char* kAnchorKey = "accelerated_clock";
// How far a resumed accelerated clock may have run ahead of its start.
constexpr auto kMaxResumedSpan = std::chrono::hours{24 * 366 * 10};

// "<virtual start, unix s> <speed> <real anchor, unix µs>"
std::string encode(Instant start, double speed, system_clock::time_point anchor) {
    return fmt::format(
        "{} {} {}", start.time_since_epoch().count(), speed,
        std::chrono::duration_cast<std::chrono::microseconds>(anchor.time_since_epoch()).count());
}

struct KeptClock {
    Instant start;
    double speed = 1.0;
    system_clock::time_point anchor;
};

std::optional<KeptClock> decode(const std::string& text) {
    std::istringstream in(text);
    std::int64_t start = 0, anchor_us = 0;
    double speed = 0;
    if (!(in >> start >> speed >> anchor_us) || speed <= 0) return std::nullopt;
    return KeptClock{Instant{std::chrono::seconds{start}}, speed,
                     system_clock::time_point{std::chrono::microseconds{anchor_us}}};
}

// A demo store picked up again days later would be centuries ahead: say so rather than
// race through them.
void refuse_if_far_ahead(const RunClock& clock, Instant virtual_start, double speed) {
    if (clock.now() - virtual_start > kMaxResumedSpan)
        throw std::runtime_error(fmt::format(
            "this store's accelerated clock started at {} and would now show {}: it was "
            "last used long ago at {} x speed. Remove the store (and its -wal/-shm files) "
            "to start the demo afresh, or choose another --clock",
            format_iso_local(virtual_start), format_iso_local(clock.now()), speed));
}

}  // namespace

RunClock::RunClock() = default;

RunClock::RunClock(Instant virtual_start, double speed, system_clock::time_point real_anchor)
    : virtual_start_(virtual_start), speed_(speed), real_anchor_(real_anchor) {}

RunClock RunClock::wall(Store& store) {
    // okod on the wall clock: okoctl must no longer follow an earlier demo timeline.
    if (const auto text = store.meta(kAnchorKey); text && !text->empty()) {
        auto tx = store.begin();
        store.set_meta(kAnchorKey, "");
        tx->commit();
    }
    return RunClock();
}

RunClock RunClock::accelerated(Store& store, Instant virtual_start, double speed) {
    if (const auto text = store.meta(kAnchorKey)) {
        const auto kept = decode(*text);
        if (kept && kept->start == virtual_start && kept->speed == speed) {
            RunClock resumed(virtual_start, speed, kept->anchor);
            refuse_if_far_ahead(resumed, virtual_start, speed);
            return resumed;
        }
    }
    const auto anchor = system_clock::now();
    auto tx = store.begin();
    store.set_meta(kAnchorKey, encode(virtual_start, speed, anchor));
    tx->commit();
    return RunClock(virtual_start, speed, anchor);
}

std::optional<RunClock> RunClock::resume(Store& store) {
    const auto text = store.meta(kAnchorKey);
    if (!text || text->empty()) return std::nullopt;  // empty: okod runs on the wall clock
    const auto kept = decode(*text);
    if (!kept)
        throw std::runtime_error(
            fmt::format("this store's accelerated clock is unreadable: '{}'", *text));
    RunClock resumed(kept->start, kept->speed, kept->anchor);
    refuse_if_far_ahead(resumed, kept->start, kept->speed);
    return resumed;
}

Instant RunClock::now() const {
    if (!virtual_start_)
        return std::chrono::time_point_cast<std::chrono::seconds>(system_clock::now());
    const std::chrono::duration<double> real = system_clock::now() - real_anchor_;
    const auto elapsed =
        std::chrono::seconds{static_cast<std::int64_t>(std::floor(real.count() * speed_))};
    return *virtual_start_ + elapsed;
}

std::chrono::nanoseconds RunClock::real_delay_until(Instant t) const {
    using namespace std::chrono;
    // On an accelerated clock a hair past the moment it shows t, so that on waking now()
    // (which floors) shows t despite rounding. (Waiting a whole virtual second more, as
    // before, made every timer that much late: 1 ms at 1000 x, a second at 1 x.)
    const auto at = virtual_start_ ? real_moment(t) + microseconds{1} : system_clock::time_point{t};
    const auto d = at - system_clock::now();
    return d > system_clock::duration::zero() ? duration_cast<nanoseconds>(d) : nanoseconds::zero();
}

std::chrono::system_clock::time_point RunClock::real_moment(Instant t) const {
    using namespace std::chrono;
    if (!virtual_start_) return t;
    const duration<double> virtual_offset = t - *virtual_start_;
    return real_anchor_ + ceil<system_clock::duration>(virtual_offset / speed_);
}

std::string RunClock::describe() const {
    if (!virtual_start_) return "wall clock";
    return fmt::format("accelerated clock: {} x real time, now {}", speed_,
                       format_iso_local(now()));
}

}  // namespace okod
