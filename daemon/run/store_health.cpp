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
constexpr auto kLongestBackoff = std::chrono::seconds{60};

}  // namespace

void StoreHealth::failed(std::string_view what, std::string_view error, Instant now) {
    ++failures_;
    const bool first = !since_;
    const bool changed = error != error_;
    if (first) since_ = now;
    what_ = what;
    error_ = error;
    if (first || changed || now - last_logged_ >= kRepeatEvery) {
        last_logged_ = now;
        spdlog::error(
            "{}: the store cannot be written ({}); e-mail is paused and okod tries again "
            "every {} s at most, sending nothing it cannot record{}",
            what_, error_, kLongestBackoff.count(),
            first ? "" : fmt::format(" (since {})", format_iso_local(*since_)));
    }
}

void StoreHealth::succeeded(Instant now) {
    if (!since_) return;
    const auto lasted = std::chrono::duration_cast<std::chrono::seconds>(now - *since_);
    spdlog::info("the store is writable again after {} s and {} failed tries; e-mail resumes",
                 lasted.count(), failures_);
    since_.reset();
    failures_ = 0;
    error_.clear();
}

std::optional<std::string> StoreHealth::problem() const {
    if (!since_) return std::nullopt;
    return fmt::format(
        "the store cannot be written since {} ({}: {}); e-mail is paused until it can",
        format_iso_local(*since_), what_, error_);
}

std::chrono::seconds StoreHealth::backoff() const {
    std::chrono::seconds wait{1};
    for (int i = 1; i < failures_ && wait < kLongestBackoff; ++i) wait *= 2;
    return std::min(wait, kLongestBackoff);
}

}  // namespace okod
