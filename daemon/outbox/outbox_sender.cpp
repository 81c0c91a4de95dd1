#include "daemon/outbox/outbox_sender.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "adapters/auth/mail_link.hpp"
#include "adapters/auth/token_secret.hpp"
#include "daemon/outbox/welcome_context.hpp"
#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "report/report_attachment.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

std::vector<std::int64_t> ids_of(const std::vector<OutboxItem>& items) {
    std::vector<std::int64_t> ids;
    for (const auto& i : items) ids.push_back(i.id);
    return ids;
}

void report_not_attached(const OutboxItem& item, const std::exception& e) {
    spdlog::error("mail {}: the yearly report could not be attached, the mail goes without it: {}",
                  item.id, e.what());
}

}  // namespace

OutboxSender::OutboxSender(Store& store, const DefinitionRegistry& definitions, const Clock& clock,
                           MailIdentity identity, RetryPolicy policy)
    : store_(store),
      definitions_(definitions),
      clock_(clock),
      identity_(std::move(identity)),
      policy_(policy) {}

ReminderContext OutboxSender::context_for(const OutboxItem& item, Delivery& d) {
    ReminderContext c;
    c.item = item;
    c.municipality_code = item.municipality;
    const auto m = store_.municipality(item.municipality);
    c.municipality_name = m ? m->name : item.municipality;
    const auto person = store_.person(item.person_id);
    c.person_name = person ? person->name : item.person_id;
    const auto& roles = definitions_.roles();
    c.role_name = {roles.name(item.role, Language::nl), roles.name(item.role, Language::en)};
    c.task_id = item.task_id;
    c.due = item.due;
    if (const auto task = store_.task(item.task_id)) {
        c.task_title = render_person_refs(task->title, person_names(store_));
        c.task_item = task->item;
        c.task_role_name = roles.name(task->role, item.language);
        c.due = task->due ? task->due : item.due;
        if (const auto instance = store_.instance(task->instance_id)) {
            if (const Definition* def =
                    definitions_.get(instance->definition_id, instance->definition_version)) {
                c.workflow_name = def->name;
                if (const StateSpec* s = def->state(task->state)) c.state_name = s->name;
                if ((attacher_ || order_reports_) && gets_annual_report(item, *task, *def))
                    attach_report(c, *task, *def, d);
            }
        }
        if (c.workflow_name.nl.empty()) c.workflow_name = {task->workflow, task->workflow};
        if (c.state_name.nl.empty()) c.state_name = {task->state, task->state};
    }
    const Date today = local_date(clock_.now());
    const auto regisseurs =
        store_.holders_of_role(item.municipality, std::string(kRegisseurRole), today);
    if (!regisseurs.empty()) {
        c.regisseur_name = regisseurs.front().name;
        c.regisseur_email = regisseurs.front().email;
    }
    // A vacancy alert goes to the regisseur, or to the steering group when there is none.
    if (item.kind == OutboxKind::vacancy) {
        const bool to_regisseur =
            std::any_of(regisseurs.begin(), regisseurs.end(),
                        [&](const Person& p) { return p.id == item.person_id; });
        c.recipient_role = to_regisseur ? kRegisseurRole : kSteeringGroupRole;
    }
    const auto task = store_.task(item.task_id);
    if (task && item.kind == OutboxKind::escalation)
        for (const auto& p : store_.holders_of_role(item.municipality, task->role, today))
            c.task_holders.push_back({p.name, p.email});
    add_links(c, task ? task->role : std::string());
    return c;
}

// The dashboard's page of the task, the dashboard, and for the task's holder the
// one-click completion link: signed for this task and this person, valid from when the
// mail was written (so a retry carries the same link).
void OutboxSender::add_links(ReminderContext& c, const std::string& task_role) const {
    if (links_.public_url.empty()) return;
    const OutboxItem& item = c.item;
    c.dashboard_url = links_.public_url + "/";
    c.task_url = task_url(links_.public_url, item.task_id);
    const bool to_holder =
        (item.kind == OutboxKind::reminder || item.kind == OutboxKind::overdue) &&
        item.role == task_role && !item.person_id.empty();
    if (!to_holder || links_.key.empty()) return;
    const MailLinkClaim claim{std::string(kCompleteTaskLink), item.task_id, item.person_id,
                              item.created_at + links_.valid_for};
    c.complete_url =
        links_.public_url + std::string(kMailLinkPath) + sign_mail_link(claim, links_.key);
}

// Whatever goes wrong here, the mail goes without the report: a reminder is never held
// back by its attachment.
void OutboxSender::attach_report(ReminderContext& c, const Task& task, const Definition& definition,
                                 Delivery& d) {
    try {
        TaskFilter f;
        f.instance_id = task.instance_id;
        const int year =
            attached_report_year(task, definition, store_.tasks_matching(f), clock_.now());
        if (order_reports_) {  // the context is added once it is complete (next_ready())
            d.report = ReportOrder{task, year, clock_.now(), {}, identity_};
            return;
        }
        auto report = attacher_->attach(task, year, c.item.language, clock_.now());
        if (!report) return;
        c.attachments = std::move(report->files);
        c.attachment_note = std::move(report->note);
        d.pdf = std::move(report->pdf);
    } catch (const std::exception& e) {
        report_not_attached(d.item, e);
        c.attachments.clear();
        c.attachment_note.clear();
        d.pdf.reset();
    }
}

void attach_ordered_report(Delivery& d, AnnualReportAttacher& attacher) {
    if (!d.report) return;
    ReportOrder order = std::move(*d.report);
    d.report.reset();
    try {
        auto report = attacher.attach(order.task, order.year, d.item.language, order.now);
        if (!report) return;
        order.context.attachments = std::move(report->files);
        order.context.attachment_note = std::move(report->note);
        d.message = compose_reminder_mail(order.context, order.from);
        d.pdf = std::move(report->pdf);
    } catch (const std::exception& e) {
        report_not_attached(d.item, e);
    }
}

SendResult send_delivery(MailTransport& transport, Delivery& d) {
    if (d.pdf) {
        try {
            print_report_pdf(*d.pdf, d.message);
        } catch (const std::exception& e) {
            spdlog::warn("{}: no PDF, the HTML goes alone: {}", d.pdf->filename, e.what());
        }
    }
    SendResult r = transport.send(d.message);
    if (r.outcome != SendResult::Outcome::rejected || d.message.attachments.empty()) return r;
    spdlog::warn("mail {} to {} refused with its attachments ({}); sending it without them",
                 d.item.id, d.item.recipient, r.error);
    d.message.attachments.clear();
    const bool en = d.item.language == Language::en;
    const std::string line = en ? "(The mail server did not accept the attachment. Get the report "
                                  "with okoctl report annual.)"
                                : "(De mailserver nam de bijlage niet aan. Haal de rapportage op "
                                  "met okoctl report annual.)";
    d.message.text += "\n" + line + "\n";
    if (const auto body_end = d.message.html.rfind("</body>"); body_end != std::string::npos)
        d.message.html.insert(body_end, "<p>" + line + "</p>\n");
    return transport.send(d.message);
}

std::optional<Delivery> OutboxSender::next_ready() {
    for (;;) {
        auto ready = store_.outbox_ready(clock_.now(), 1);
        if (ready.empty()) return std::nullopt;
        Delivery d;
        d.item = std::move(ready.front());
        if (d.item.kind == OutboxKind::sign_in) {
            std::string why_not = "not sent: okod signs nobody in by e-mail here";
            auto message = sign_in_ ? sign_in_(d.item, why_not) : std::nullopt;
            if (!message) {
                retire(d.item, why_not);
                continue;
            }
            d.message = std::move(*message);
            return d;
        }
        if (const auto reason = obsolete_reason(d.item)) {
            retire(d.item, *reason);
            continue;
        }
        if (d.item.kind == OutboxKind::welcome) {
            d.message =
                compose_welcome_mail(welcome_context(store_, definitions_, d.item,
                                                     local_date(clock_.now()), links_.public_url),
                                     identity_);
        } else if (auto digest = digest_for(d.item); !digest.empty()) {
            d.item = digest.front();
            d.digest = std::move(digest);
            compose_digest(d);
        } else {
            auto context = context_for(d.item, d);
            d.message = compose_reminder_mail(context, identity_);
            if (d.report) d.report->context = std::move(context);
        }
        if (!d.item.recipient.empty()) return d;
        // No address to try: a dead letter at once, visible in `okoctl outbox`.
        record(d, {SendResult::Outcome::rejected,
                   fmt::format("person '{}' has no e-mail address", d.item.person_id)});
    }
}

// A message about a task is worth sending while the task is open: after an outage the
// reminder of a task that was completed meanwhile would only confuse its reader. A
// welcome, while its reader still takes over the role.
std::optional<std::string> OutboxSender::obsolete_reason(const OutboxItem& item) {
    if (item.kind == OutboxKind::welcome)
        return welcome_obsolete(store_, item, local_date(clock_.now()));
    const auto task = store_.task(item.task_id);
    if (!task) return fmt::format("not sent: task {} no longer exists", item.task_id);
    if (!is_closed(task->status)) return std::nullopt;
    return fmt::format("not sent: the task was {} on {} before this {} could be delivered",
                       to_string(task->status),
                       task->closed_at ? format_iso_local(*task->closed_at) : std::string("?"),
                       to_string(item.kind));
}

void OutboxSender::retire(OutboxItem item, const std::string& reason) {
    auto tx = store_.begin();
    item.status = OutboxStatus::obsolete;
    item.next_attempt_at.reset();
    item.last_error = reason;
    store_.update_outbox(item);
    tx->commit();
    spdlog::info("mail {} to {} ({}) is obsolete: {}", item.id, item.recipient,
                 to_string(item.kind), reason);
}

void OutboxSender::record(const Delivery& d, const SendResult& result) {
    const Instant now = clock_.now();
    // A digest's rows share its fate: one transaction records the attempt for all of
    // them, so they stay together (the same next attempt) and none is sent twice.
    std::vector<OutboxItem> items = d.digest.empty() ? std::vector<OutboxItem>{d.item} : d.digest;
    auto tx = store_.begin();
    for (OutboxItem& item : items) {
        item.attempts += 1;
        if (result.ok()) {
            item.status = OutboxStatus::sent;
            item.sent_at = now;
            item.next_attempt_at.reset();
        } else {
            item.last_error = result.error;
            // Only a permanent refusal makes a dead letter. A transient failure (the
            // server down, a 4xx) is tried again, for as long as the task is open
            // (next_ready()).
            if (result.outcome != SendResult::Outcome::rejected) {
                item.next_attempt_at = now + policy_.delay_after(item.attempts);
            } else {
                item.status = OutboxStatus::dead;
                item.next_attempt_at.reset();
            }
            // A municipality's audit log notes its undeliverable mail; a sign-in link is
            // about no municipality (okod's log and the outbox say it went undelivered).
            if (item.status == OutboxStatus::dead && item.kind != OutboxKind::sign_in)
                log_undeliverable(item, d.message.subject, now);
        }
        store_.update_outbox(item);
    }
    tx->commit();

    const OutboxItem& item = items.front();
    const std::string what = d.digest.empty()
                                 ? std::string(to_string(item.kind))
                                 : fmt::format("digest of {} reminders: mails {}", items.size(),
                                               fmt::join(ids_of(items), ", "));
    if (result.ok())
        spdlog::info("mail {} sent to {} ({}, attempt {})", item.id, item.recipient, what,
                     item.attempts);
    else if (item.status == OutboxStatus::dead)
        spdlog::error(
            "mail {} to {} ({}) was refused (attempt {}), kept as dead letter (okoctl outbox "
            "retry sends it again): {}",
            item.id, item.recipient, what, item.attempts, result.error);
    else
        spdlog::warn("mail {} to {} ({}) not sent (attempt {}), next try {}: {}", item.id,
                     item.recipient, what, item.attempts, format_iso_local(*item.next_attempt_at),
                     result.error);
}

void OutboxSender::log_undeliverable(const OutboxItem& item, const std::string& subject,
                                     Instant now) {
    Event e;
    e.at = now;
    e.municipality = item.municipality;
    e.kind = EventKind::mail_undeliverable;
    e.role = item.role;
    e.person = item.person_id;
    e.title = subject;
    e.due = item.due;
    e.lead_days = item.lead_days;
    e.note = fmt::format("{} (after {} attempts)", item.last_error, item.attempts);
    if (const auto task = store_.task(item.task_id)) {
        e.instance_id = task->instance_id;
        e.workflow = task->workflow;
        e.task = task->key;
        e.title = task->title.nl;
        e.state = task->state;
    }
    store_.append_event(e);
}

int OutboxSender::deliver_ready(MailTransport& transport, int limit) {
    int attempts = 0;
    while (attempts < limit) {
        auto d = next_ready();
        if (!d) break;
        record(*d, send_delivery(transport, *d));
        ++attempts;
    }
    return attempts;
}

}  // namespace okod
