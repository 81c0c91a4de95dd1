#pragma once
// Writes the e-mails the outbox sends about a task: a reminder before the deadline,
// the overdue notice, the escalation to the regisseur, and the vacancy alert when
// nobody holds the role a message was for. Dutch by default, English for people who
// asked for it. Every mail says which municipality, which task, when it is due, which
// workflow step it belongs to and what to do.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/instance.hpp"
#include "model/text.hpp"
#include "outbox/mail.hpp"

namespace okod {

// Who the mail comes from: "oko@gemeente.nl", "OKO-regie Maastricht".
struct MailIdentity {
    std::string from_address;
    std::string from_name;
};

// Someone the reader can turn to: "Bram Hendriks", "bram.hendriks@ggdzl.nl".
struct MailContact {
    std::string name;
    std::string email;  // may be empty
};

// Everything a mail about one outbox item needs, looked up by the caller (names in
// the recipient's language where the model has two).
struct ReminderContext {
    // for a vacancy, role is
    // the role nobody holds. language, lead_days, due, late, key, recipient.
    OutboxItem item;
    std::string municipality_name;  // "Maastricht"
    std::string municipality_code;  // "GM0935"
    std::string person_name;        // the recipient
    Text role_name;                 // display name of item.role
    Text workflow_name;             // "OKO-cyclus"
    Text state_name;                // the workflow step of the task: "Monitoring"
    Text task_title;                // imperative: "Jeugdmonitor afnemen op school"
    std::string task_item;          // the fan-out item, or empty
    std::string task_role_name;     // role holding the task (escalation and vacancy mails)
    std::optional<Instant> due;     // the task's deadline; item.due when absent
    std::int64_t task_id = 0;
    std::string regisseur_name;  // who coordinates; may be empty
    std::string regisseur_email;
    // The role the recipient is addressed in, when it is not item.role (a vacancy alert
    // goes to the regisseur, or the steering group): it sets the register ("je", "u").
    std::string recipient_role;
    // Who holds the task now (escalations name them, so the reader can act).
    std::vector<MailContact> task_holders;
    // Links into okod ([http] public_url); all empty without one. complete_url is the
    // one-click "Afgerond" link, only in the mails to a person who holds the task.
    std::string task_url;       // {public_url}/#/taak/{id}
    std::string dashboard_url;  // {public_url}/
    std::string complete_url;   // {public_url}/mail/afgerond/{token}
    // Files sent along (the draft yearly report), with a paragraph that says what they
    // are and what to do with them, in the recipient's language.
    std::vector<MailAttachment> attachments;
    std::string attachment_note;
};

struct MailLayout;

// The message an outbox item becomes: `layout` rendered as text and HTML, to the
// item's recipient, its Message-ID and X-Okod-Key from the item's key, dated `date`.
// Every okod mail is made here (reminders, sign-in links, welcomes).
MailMessage outbox_message(const MailLayout& layout, const std::string& subject,
                           const OutboxItem& item, const std::string& to_name, Instant date,
                           const MailIdentity& from);

// A task's page in the dashboard, the link every mail about a task carries:
// "{public_url}/#/taak/{id}" (public_url without a trailing slash).
std::string task_url(std::string_view public_url, std::int64_t task_id);

// Message-ID and date depend only on the item (its key and created_at), so a retry
// renders the same mail.
MailMessage compose_reminder_mail(const ReminderContext& context, const MailIdentity& from);

}  // namespace okod
