// The default retry policy rides out a mail server that is down for about a day, as
// okod.toml promises: found by scripts/soak.sh, where 8 attempts gave up after 2 hours
// 7 minutes and SMTP outages of a few hours turned reminders into dead letters.
#include "adapters/config/mail_config.hpp"
#include "daemon/outbox/transport_factory.hpp"
#include "outbox/retry_policy.hpp"

#include <gtest/gtest.h>

namespace okod {
namespace {

using namespace std::chrono_literals;

// From the first attempt to the last one before the message becomes a dead letter.
std::chrono::seconds patience(const RetryPolicy& p) {
    std::chrono::seconds waited{0};
    for (int attempts = 1; !p.exhausted(attempts); ++attempts) waited += p.delay_after(attempts);
    return waited;
}

TEST(RetryPolicy, defaults_ride_out_a_mail_outage_of_a_day) {
    EXPECT_GE(patience(RetryPolicy{}), 24h);
    EXPECT_EQ(patience(RetryPolicy{}), 95460s);  // 1 + 2 + ... + 256 min, then 3 x 6 h
    EXPECT_GE(patience(retry_policy_of(MailConfig{})), 24h);
}

TEST(RetryPolicy, waits_double_from_the_first_retry_up_to_the_longest) {
    const RetryPolicy p{100, 60s, 6h};
    EXPECT_EQ(p.delay_after(1), 60s);
    EXPECT_EQ(p.delay_after(2), 120s);
    EXPECT_EQ(p.delay_after(9), 15360s);
    EXPECT_EQ(p.delay_after(10), 6h);
    EXPECT_EQ(p.delay_after(99), 6h);
    EXPECT_FALSE(p.exhausted(99));
    EXPECT_TRUE(p.exhausted(100));
}

}  // namespace
}  // namespace okod
