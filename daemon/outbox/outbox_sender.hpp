#pragma once
// Delivers the outbox: picks the next message that is ready, composes the e-mail in
// the recipient's language, and records what the transport said, one transaction per
// message.
//
// Exactly once, as far as SMTP allows: an item is marked sent in the transaction right
// after the server accepted it. A crash before that commit sends it again on restart
// (never loses it); the window is the few microseconds between the server's "250 OK"
// and our commit, and the resent message carries the same Message-ID, so mail clients
// show it once.
//
// The send itself is not done here: the daemon runs the blocking transport on a worker
// thread and calls record() back on its strand. deliver_ready() does both in a row for
// tests and one-shot use.
//
// One mail per person per day (outbox_digest.cpp): the reminders to one person that wait
// together, untried, and fell due on the same Amsterdam day go as one digest mail. The rows
// it carries are fixed in the store before it is first tried, and every outcome is
// recorded for all of them in one transaction, so the guarantee above holds for it: a
// restart resends the same rows under the same Message-ID.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "adapters/mail/reminder_mail.hpp"
#include "daemon/outbox/annual_report_attacher.hpp"
#include "definition/registry.hpp"
#include "model/store.hpp"
#include "outbox/mail.hpp"
#include "outbox/retry_policy.hpp"
#include "time/clock.hpp"

namespace okod {

// A yearly report ordered for a Delivery (OutboxSender::order_reports()), to be built
// where a second of work holds nothing up.
struct ReportOrder {
    Task task;
    int year = 0;
    Instant now;
    ReminderContext context;  // the message is composed again with the report
    MailIdentity from;
};

struct Delivery {
    OutboxItem item;  // a digest's first row
    // Every row a digest mail carries, `item` first; empty for a mail about one item.
    std::vector<OutboxItem> digest;
    MailMessage message;
    std::optional<PdfJob> pdf;          // printed and attached by send_delivery()
    std::optional<ReportOrder> report;  // built by attach_ordered_report()
};

// Builds `d.report` with `attacher` and composes `d.message` again with it attached, on
// the thread that sends (the daemon's mail thread: `attacher` has a read-only store of
// its own there). Without a report it goes as it is (logged).
void attach_ordered_report(Delivery& d, AnnualReportAttacher& attacher);

// Sends `d` through `transport` on the calling thread (the daemon's mail thread): prints
// its PDF first, if it has one to print. A message with attachments that the server
// refuses for good (a gateway that takes no attachments, or none this large) goes again
// at once without them, with a line saying so: the reminder itself must arrive.
SendResult send_delivery(MailTransport& transport, Delivery& d);

// The links the mails carry ([http] public_url; issue 19). Without a public URL the
// mails have none.
struct MailLinkSettings {
    std::string public_url;  // "https://oko.maastricht.nl", no trailing slash; empty: no links
    std::string key;         // signs the one-click links (adapters/auth/mail_link.hpp)
    // How long a one-click link works after its mail was written. Past the task's step it
    // does not work anyway: the task is closed then.
    std::chrono::days valid_for{30};
};

class OutboxSender {
public:
    OutboxSender(Store& store, const DefinitionRegistry& definitions, const Clock& clock,
                 MailIdentity identity, RetryPolicy policy);

    // The next pending message whose attempt is due now, composed; nullopt if none. A
    // message whose task was closed meanwhile is marked obsolete on the way (a write).
    std::optional<Delivery> next_ready();
    // Records the outcome of one attempt: sent, retry later, or (refused) dead letter.
    void record(const Delivery& d, const SendResult& result);
    // Reminders and overdue notices of tasks with attach = "annual_report" carry the
    // report `attacher` makes; without one (tests of plain reminders) they go without.
    void set_attacher(AnnualReportAttacher* attacher) { attacher_ = attacher; }
    // Instead: next_ready() only orders the report (Delivery::report), for
    // attach_ordered_report() on the mail thread; building it takes a second on a large
    // store, which the daemon's strand (every timer) must not wait for.
    void order_reports() { order_reports_ = true; }
    // Sign-in links (OutboxKind::sign_in) are composed by `compose`, which makes the link
    // when the mail goes out (its secret exists only in the mail), or nullopt when it is
    // no use any more (asked for longer ago than a link works: marked obsolete). Without
    // one, sign-in mails are obsolete at once.
    using SignInComposer =
        std::function<std::optional<MailMessage>(const OutboxItem&, std::string& why_not)>;
    void set_sign_in_composer(SignInComposer compose) { sign_in_ = std::move(compose); }
    void set_links(MailLinkSettings links) { links_ = std::move(links); }
    // When the next pending message may be tried (for the daemon's timer).
    std::optional<Instant> next_attempt() { return store_.next_outbox_attempt(); }

    // Sends every ready message through `transport`, at most `limit`; returns how many
    // attempts were made.
    int deliver_ready(MailTransport& transport, int limit = 1000);

private:
    std::optional<std::string> obsolete_reason(const OutboxItem& item);
    void retire(OutboxItem item, const std::string& reason);
    void log_undeliverable(const OutboxItem& item, const std::string& subject, Instant now);
    ReminderContext context_for(const OutboxItem& item, Delivery& d);
    // Digests (outbox_digest.cpp): the rows the mail for `first` carries with it (none:
    // it goes alone), fixed in the store when first formed; and the digest's mail.
    std::vector<OutboxItem> digest_for(const OutboxItem& first);
    bool goes_alone(const OutboxItem& item);
    void compose_digest(Delivery& d);
    void add_links(ReminderContext& c, const std::string& task_role) const;
    void attach_report(ReminderContext& c, const Task& task, const Definition& definition,
                       Delivery& d);

    Store& store_;
    const DefinitionRegistry& definitions_;
    const Clock& clock_;
    MailIdentity identity_;
    RetryPolicy policy_;
    AnnualReportAttacher* attacher_ = nullptr;
    bool order_reports_ = false;
    SignInComposer sign_in_;
    MailLinkSettings links_;
};

}  // namespace okod
