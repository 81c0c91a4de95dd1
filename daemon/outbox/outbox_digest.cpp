// OutboxSender: one mail per person per day (issue 20). The engine still decides each
// reminder on its own (one outbox row, one event-log line, per task and person); the
// sender puts the ones that go to one person together.
//
// When the sender picks a reminder not tried before, it takes every other reminder to the
// same person not tried before that fell due on the same Amsterdam day, and, if any,
// writes the digest into the store (each row's digest_id: the first row's id) before
// the mail is first tried. From then on those rows go together: every attempt is the same
// mail under the same Message-ID, recorded for all of them in one transaction. So:
// - nothing twice: a row already sent is never pending again, so never in a digest; a
//   restart after the server's "250 OK" resends the same digest (one Message-ID);
// - nothing lost: a reminder that comes later the same day goes in a mail of its own
//   (or a digest of its own); it never joins a digest that may already be delivered,
//   nor does a reminder once tried alone join one (it may have been delivered alone);
// - no reminder for done work: a row whose task was closed meanwhile is left out and
//   marked obsolete, at every attempt.
// Reminders only: an overdue notice comes at the deadline, an escalation and a vacancy
// alert ask something else of their reader; they keep their own mails. A reminder that
// carries the yearly report goes alone too: the report is an attachment to its task.
#include <fmt/format.h>

#include <algorithm>

#include "adapters/mail/digest_mail.hpp"
#include "daemon/outbox/outbox_sender.hpp"
#include "report/report_attachment.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// A day's reminders to one person beyond this go in a second digest: a mail should stay
// readable, and the query that finds them stays bounded.
constexpr int kMostPerDigest = 50;

}  // namespace

bool OutboxSender::goes_alone(const OutboxItem& item) {
    const auto task = store_.task(item.task_id);
    if (!task) return true;
    const auto instance = store_.instance(task->instance_id);
    const Definition* definition =
        instance ? definitions_.get(instance->definition_id, instance->definition_version)
                 : nullptr;
    return definition && gets_annual_report(item, *task, *definition);
}

std::vector<OutboxItem> OutboxSender::digest_for(const OutboxItem& first) {
    if (first.kind != OutboxKind::reminder || first.person_id.empty()) return {};
    const bool formed = first.digest_id.has_value();
    if (!formed && (first.attempts > 0 || goes_alone(first))) return {};
    const Date day = local_date(first.created_at);
    const auto rows = formed ? store_.outbox_digest(*first.digest_id)
                             : store_.outbox_digest_candidates(first.person_id, kMostPerDigest);
    std::vector<OutboxItem> kept;
    for (const auto& row : rows) {
        if (row.status != OutboxStatus::pending) continue;  // sent, or left out before
        if (!formed && (local_date(row.created_at) != day || goes_alone(row))) continue;
        if (row.id != first.id) {
            if (const auto reason = obsolete_reason(row)) {
                retire(row, *reason);
                continue;
            }
        }
        kept.push_back(row);
    }
    // A digest once formed stays one, down to a single task: the same rows go again
    // under the Message-ID they may already have been delivered with.
    if (formed) return kept;
    const bool has_first = std::any_of(kept.begin(), kept.end(),
                                       [&](const OutboxItem& o) { return o.id == first.id; });
    if (kept.size() < 2 || !has_first) return {};
    auto tx = store_.begin();
    for (auto& row : kept) {
        row.digest_id = kept.front().id;
        store_.update_outbox(row);
    }
    tx->commit();
    return kept;
}

void OutboxSender::compose_digest(Delivery& d) {
    const OutboxItem& first = d.item;
    DigestContext c;
    c.item = first;
    // Named by its digest_id, not by the first row still pending: the key (and so the
    // Message-ID) stays the same when a row is left out at a later attempt.
    c.key = fmt::format("digest/{}/{}/{}", format_date(local_date(first.created_at)),
                        first.person_id, first.digest_id.value_or(first.id));
    const auto person = store_.person(first.person_id);
    c.person_name = person ? person->name : first.person_id;
    for (const auto& row : d.digest) c.reminders.push_back(context_for(row, d));
    if (!links_.public_url.empty()) c.dashboard_url = links_.public_url + "/";
    d.message = compose_digest_mail(c, identity_);
}

}  // namespace okod
