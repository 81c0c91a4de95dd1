#include "daemon/run/run_clock.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace okod {
namespace {

using namespace std::chrono_literals;
using std::chrono::system_clock;

const Instant kStart{std::chrono::seconds{1'700'000'000}};

TEST(RunClock, real_moment_is_the_instant_itself_on_the_wall_clock) {
    const RunClock wall;
    EXPECT_EQ(wall.real_moment(kStart), system_clock::time_point{kStart});
}

TEST(RunClock, real_moment_of_an_accelerated_clock_follows_its_anchor_and_speed) {
    const auto anchor = system_clock::time_point{std::chrono::seconds{1'800'000'000}};
    const RunClock clock(kStart, 1000.0, anchor);
    EXPECT_EQ(clock.real_moment(kStart), anchor);
    EXPECT_EQ(clock.real_moment(kStart + 5s), anchor + 5ms);
    EXPECT_EQ(clock.real_moment(kStart + 3600s), anchor + 3600ms);
    EXPECT_EQ(clock.real_moment(kStart - 2s), anchor - 2ms);
}

// Rounded up: at that real moment now() (which floors) already shows the instant. A
// third of a real second at 3 x is 333,333,333.3 ns: 333,333,334 ns, not ...333.
TEST(RunClock, real_moment_rounds_up_so_the_clock_shows_the_instant_by_then) {
    const auto anchor = system_clock::time_point{std::chrono::seconds{1'800'000'000}};
    const RunClock clock(kStart, 3.0, anchor);
    EXPECT_EQ(clock.real_moment(kStart + 1s), anchor + 333'333'334ns);
    EXPECT_EQ(clock.real_moment(kStart + 3s), anchor + 1s);
}

// The scheduler waits until the moment the clock shows a timer's due time, not a whole
// virtual second longer (which made every timer 1 ms late at 1000 x, a second at 1 x).
TEST(RunClock, an_accelerated_clock_waits_until_it_shows_the_instant) {
    const auto anchor = system_clock::now();
    const RunClock clock(kStart, 1000.0, anchor);
    const auto wait = clock.real_delay_until(kStart + 1000s);  // one real second after the anchor
    EXPECT_LE(wait, 1s + 1us);
    EXPECT_GT(wait, 900ms);

    const RunClock real_speed(kStart, 1.0, anchor);
    const auto wait_1x = real_speed.real_delay_until(kStart + 10s);
    EXPECT_LE(wait_1x, 10s + 1us);
    EXPECT_GT(wait_1x, 9s);
}

TEST(RunClock, a_moment_the_clock_has_passed_needs_no_wait) {
    const RunClock clock(kStart, 3600.0, system_clock::now() - 1h);
    EXPECT_EQ(clock.real_delay_until(kStart + 60s), std::chrono::nanoseconds::zero());
    const RunClock wall;
    EXPECT_EQ(wall.real_delay_until(kStart), std::chrono::nanoseconds::zero());
}

}  // namespace
}  // namespace okod
