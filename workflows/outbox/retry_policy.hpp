#pragma once
// When to try a failed delivery again: exponential backoff up to a cap, for as long as
// the message still matters. A mail server that is down for an afternoon costs a handful
// of attempts, not a thousand; one that is down over a long weekend costs no reminder:
// a transient failure is never turned into a dead letter by the count of attempts alone
// (OutboxSender stops when the task is closed, and a permanent refusal stops at once).
#include <algorithm>
#include <chrono>

namespace okod {

struct RetryPolicy {
    std::chrono::seconds first_retry{60};
    std::chrono::seconds max_retry{std::chrono::hours{6}};

    // The wait after the `attempts`-th failed attempt (1-based): first_retry, then
    // doubling, never more than max_retry.
    std::chrono::seconds delay_after(int attempts) const {
        auto delay = first_retry;
        for (int i = 1; i < attempts && delay < max_retry; ++i) delay *= 2;
        return std::min(delay, max_retry);
    }
};

}  // namespace okod
