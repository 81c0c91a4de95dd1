// When okod writes a token's last_used_at (issue 16): the first use, then at most once a
// minute per token, so a busy client does not cost a write per request.
#include <gtest/gtest.h>

#include "daemon/api/token_auth.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

TEST(TokenUsage, records_the_first_use_then_at_most_once_a_minute_per_token) {
    TokenUsage usage;
    EXPECT_TRUE(usage.due(1, at(1000)));
    EXPECT_FALSE(usage.due(1, at(1001)));
    EXPECT_FALSE(usage.due(1, at(1059)));
    EXPECT_TRUE(usage.due(2, at(1059)));  // another token has its own minute
    EXPECT_TRUE(usage.due(1, at(1060)));
    EXPECT_FALSE(usage.due(1, at(1100)));
    EXPECT_TRUE(usage.due(1, at(900)));  // a clock set back records again rather than never
}

}  // namespace
}  // namespace okod
