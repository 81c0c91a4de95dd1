#pragma once
// The e-mail with a one-time sign-in link (issue 19): who asked, the link, how long it
// works, and what to do when it was not them. Dutch by default, English for people who
// chose it; "u" throughout, as for everyone okod signs in.
#include <string>

#include "adapters/mail/reminder_mail.hpp"
#include "model/instance.hpp"
#include "outbox/mail.hpp"

namespace okod {

struct SignInMailContext {
    OutboxItem item;          // recipient, language, key, created_at
    std::string person_name;  // the recipient
    std::string link;         // "https://oko.gemeente.nl/auth/link/okodlink_..."
    int link_minutes = 15;    // how long the link works
};

MailMessage compose_sign_in_mail(const SignInMailContext& context, const MailIdentity& from);

}  // namespace okod
