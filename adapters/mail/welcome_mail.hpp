#pragma once
// The welcome of a successor in a warm hand-over (issue 20): by name, who they take
// over from and which roles, their first tasks with links into the dashboard, and who
// coordinates. Dutch by default, English for people who chose it; the register ("je",
// "u") from the role taken over, as for the reminders.
#include <optional>
#include <string>
#include <vector>

#include "adapters/mail/reminder_mail.hpp"
#include "model/instance.hpp"
#include "outbox/mail.hpp"

namespace okod {

struct WelcomeTask {
    std::string title;  // in the recipient's language, names rendered
    std::optional<Instant> due;
    std::string url;  // {public_url}/#/taak/{id}; empty without a public URL
};

struct WelcomeMailContext {
    OutboxItem item;  // recipient, language, key; due: when it goes out (the mail's date)
    std::string municipality_name;
    std::string person_name;         // the successor
    std::string leaver_name;         // who they take over from; empty when not known
    std::optional<Date> leave_date;  // the leaver's last day
    std::vector<std::string> roles;  // the roles taken over, in the recipient's language
    std::vector<WelcomeTask> tasks;  // their first tasks, earliest deadline first
    std::string dashboard_url;       // {public_url}/; empty without one
    MailContact regisseur;           // who coordinates; name may be empty
};

MailMessage compose_welcome_mail(const WelcomeMailContext& context, const MailIdentity& from);

}  // namespace okod
