#include "daemon/privacy/retention_timer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "daemon/privacy/mail_retention.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {
constexpr auto kEvery = std::chrono::hours{24};
// A wall-clock step or a suspended machine can make a computed wait wrong: look again
// at least this often.
constexpr std::chrono::nanoseconds kMaxWait = std::chrono::hours{1};
}  // namespace

RetentionTimer::RetentionTimer(boost::asio::any_io_executor strand, Store& store,
                               const Config& config, const RunClock& clock)
    : timer_(std::move(strand)), store_(store), config_(config), clock_(clock) {}

// The first run waits for the loop: a first prune of a large outbox must not hold up
// okod's start (READY=1) or a reload's answer.
void RetentionTimer::start() {
    next_ = clock_.now();
    arm();
}

void RetentionTimer::run() {
    const Instant now = clock_.now();
    next_ = now + kEvery;
    try {
        const auto r = apply_mail_retention(store_, config_, now);
        if (r.addresses > 0 || r.files > 0)
            spdlog::info(
                "retention ([privacy] mail_retention_months = {}): addresses of {} e-mails sent "
                "before {} cleared, {} .eml files removed",
                config_.privacy.mail_retention_months, r.addresses,
                format_date(local_date(r.cutoff)), r.files);
    } catch (const std::exception& e) {
        // Retention can wait a day; it must not stop okod. Next time it catches up.
        spdlog::warn("retention: cannot prune the outbox now, trying again later: {}", e.what());
    }
}

void RetentionTimer::arm() {
    timer_.expires_after(std::min(clock_.real_delay_until(next_), kMaxWait));
    timer_.async_wait([this](boost::system::error_code ec) {
        if (ec) return;  // cancelled: `this` may be gone
        if (clock_.now() >= next_) run();
        arm();
    });
}

}  // namespace okod
