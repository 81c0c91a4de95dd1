#include "daemon/run/store_health.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

// A fault that lasts is repeated in the log this often, not at every retry: a full disk
// over a weekend must not fill the journal too.
constexpr auto kRepeatEvery = std::chrono::minutes{10};
constexpr auto kFirstBackoff = std::chrono::milliseconds{250};
constexpr auto kLongestBackoff = std::chrono::milliseconds{60'000};

}  // namespace

void StoreHealth::failed(std::string_view what, std::string_view error, Instant now) {
    ++failures_;
    ++backoff_step_;
    const auto real_now = steady::now();
    const bool first = !since_;
    const bool changed = error != error_;
    if (first) {
        since_ = now;
        began_ = real_now;
    }
    what_ = what;
    error_ = error;
    if (first || changed || real_now - last_logged_ >= kRepeatEvery) {
        last_logged_ = real_now;
        spdlog::error(
            "{}: the store cannot be written ({}); e-mail is paused and okod tries again "
            "every {} s at most, sending nothing it cannot record{}",
            what_, error_,
            std::chrono::duration_cast<std::chrono::seconds>(kLongestBackoff).count(),
            first ? "" : fmt::format(" (since {})", format_iso_local(*since_)));
    }
}

void StoreHealth::succeeded() {
    if (!since_) return;
    const std::chrono::duration<double> lasted = steady::now() - began_;
    spdlog::info("the store is writable again after {:.1f} s and {} failed tries; e-mail resumes",
                 lasted.count(), failures_);
    since_.reset();
    failures_ = 0;
    backoff_step_ = 0;
    error_.clear();
}

std::optional<std::string> StoreHealth::problem() const {
    if (!since_) return std::nullopt;
    return fmt::format(
        "the store cannot be written since {} ({}: {}); e-mail is paused until it can",
        format_iso_local(*since_), what_, error_);
}

std::chrono::milliseconds StoreHealth::backoff() const {
    std::chrono::milliseconds wait = kFirstBackoff;
    for (int i = 1; i < backoff_step_ && wait < kLongestBackoff; ++i) wait *= 2;
    return std::min(wait, kLongestBackoff);
}

}  // namespace okod
