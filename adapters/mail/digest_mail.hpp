#pragma once
// Writes the digest: one e-mail for the reminders a person has due on one day, instead of
// one per task (issue 20: a content meeting of the execution plan reminded every kernteam
// member three times, the regisseur once more for each role). It lists each task with its
// municipality, deadline, how far ahead (or overdue) in words, its link into the dashboard
// and, for its holder, the one-click "Afgerond" link; earliest deadline first. Dutch by
// default, English for people who asked for it; "u" when any of the tasks is the
// recipient's in a role addressed so (mail_register.hpp), "je" otherwise.
#include <string>
#include <vector>

#include "adapters/mail/reminder_mail.hpp"

namespace okod {

struct DigestContext {
    // The row the digest is named after (its first): recipient, language, created_at.
    OutboxItem item;
    // "digest/2026-03-03/maastricht-bram/12": the Message-ID is made from it and it goes
    // as X-Okod-Key, so every attempt at this digest is recognisably one message.
    std::string key;
    std::string person_name;
    // One per task, each as the single reminder would have it (links included).
    std::vector<ReminderContext> reminders;
    std::string dashboard_url;  // {public_url}/, or empty
};

MailMessage compose_digest_mail(const DigestContext& context, const MailIdentity& from);

}  // namespace okod
