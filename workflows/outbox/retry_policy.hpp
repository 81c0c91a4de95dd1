#pragma once
// When to try a failed delivery again: exponential backoff, then a dead letter.
// A mail server that is down for an afternoon costs a handful of attempts, not a
// thousand; a message that can never be delivered stops being retried and shows up
// in `okoctl outbox --status dead`.
#include <algorithm>
#include <chrono>

namespace okod {

struct RetryPolicy {
    // 13: the last attempt comes 26.5 hours after the first (waits of 1, 2, 4, ... 256
    // minutes, then 6 hours), so a mail server that is down for a day costs no e-mail.
    // (8 gave up after 2 hours 7 minutes, before the waits ever reached the 6 hours.)
    int max_attempts = 13;
    std::chrono::seconds first_retry{60};
    std::chrono::seconds max_retry{std::chrono::hours{6}};

    // The wait after the `attempts`-th failed attempt (1-based): first_retry, then
    // doubling, never more than max_retry.
    std::chrono::seconds delay_after(int attempts) const {
        auto delay = first_retry;
        for (int i = 1; i < attempts && delay < max_retry; ++i) delay *= 2;
        return std::min(delay, max_retry);
    }
    bool exhausted(int attempts) const { return attempts >= max_attempts; }
};

}  // namespace okod
