#pragma once
// Composes the sign-in mails of the outbox (OutboxKind::sign_in, queued by POST
// /auth/link): makes the one-time link when the mail goes out, so its secret exists
// only in the mail and, hashed, in the store; a retry after a failed attempt carries a
// new link. A request older than a link works ([auth] link_minutes) is no use any
// more: the mail is marked obsolete instead of sending a link that arrives expired.
//
// The link points at [http] public_url, or at http://address:port without one.
// Runs on okod's strand with the writer's store (OutboxSender::next_ready()).
#include <optional>
#include <string>

#include "adapters/mail/reminder_mail.hpp"
#include "outbox/mail.hpp"

namespace okod {

struct OutboxItem;
struct Runtime;

// The base of links in mails: "https://oko.gemeente.nl", no slash at the end.
std::string public_base_url(const Runtime& runtime);

std::optional<MailMessage> compose_sign_in(Runtime& runtime, const MailIdentity& from,
                                           const OutboxItem& item, std::string& why_not);

}  // namespace okod
