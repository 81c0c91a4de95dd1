#include "daemon/privacy/mail_retention.hpp"

#include "adapters/mail/eml_retention.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {
// Rows per transaction: a first prune of a decade's outbox must not hold the write
// lock for long, and the scheduler's steps wait behind it.
constexpr int kBatch = 1000;
}  // namespace

Instant mail_retention_cutoff(Instant now, int months) {
    const Date today = local_date(now);
    date::year_month ym = date::year_month{today.year(), today.month()} - date::months{months};
    Date day{ym / today.day()};
    if (!day.ok()) day = Date{ym / date::last};  // 31 March minus one month: 28/29 February
    return at_local(day, TimeOfDay{0});
}

RetentionOutcome apply_mail_retention(Store& store, const Config& config, Instant now) {
    RetentionOutcome r;
    r.cutoff = mail_retention_cutoff(now, config.privacy.mail_retention_months);
    for (;;) {
        auto tx = store.begin();
        const auto n = store.forget_mail_recipients(r.cutoff, kBatch);
        tx->commit();
        r.addresses += n;
        if (n < kBatch) break;
    }
    if (config.mail.transport == MailTransportKind::directory)
        r.files = remove_eml_sent_before(config.mail.directory, r.cutoff);
    return r;
}

}  // namespace okod
