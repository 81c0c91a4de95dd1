// The retry policy waits longer and longer, but never longer than its cap, and never
// gives up on its own: a mail server down over a long weekend (72 hours) is tried again
// at least every six hours, so the reminders go out within six hours of its return.
#include "outbox/retry_policy.hpp"

#include <gtest/gtest.h>

#include "adapters/config/mail_config.hpp"
#include "daemon/outbox/transport_factory.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

TEST(RetryPolicy, waits_double_from_the_first_retry_up_to_the_longest) {
    const RetryPolicy p{60s, 6h};
    EXPECT_EQ(p.delay_after(1), 60s);
    EXPECT_EQ(p.delay_after(2), 120s);
    EXPECT_EQ(p.delay_after(9), 15360s);
    EXPECT_EQ(p.delay_after(10), 6h);
    EXPECT_EQ(p.delay_after(1000), 6h);
}

TEST(RetryPolicy, defaults_try_again_at_least_every_six_hours_through_a_long_weekend) {
    const RetryPolicy p = retry_policy_of(MailConfig{});
    std::chrono::seconds waited{0};
    int attempts = 1;
    for (; waited < 72h; ++attempts) {
        EXPECT_LE(p.delay_after(attempts), 6h);
        waited += p.delay_after(attempts);
    }
    // Waits of 1 + 2 + ... + 256 minutes, then 6 hours each: 20 tries within the 72 hours,
    // the 21st the first after them.
    EXPECT_EQ(attempts, 21);
}

}  // namespace
}  // namespace okod
