#pragma once
// Renders a MailMessage as the bytes an SMTP server or an .eml reader expects:
// RFC 5322 headers and a MIME body (text/plain, plus text/html when there is HTML),
// CRLF line ends throughout. Deterministic: the same message renders the same bytes,
// so a resend after a crash is byte-for-byte the same mail.
#include <string>

#include "outbox/mail.hpp"

namespace okod {

std::string render_mime(const MailMessage& message);

// "Tue, 30 Sep 2025 17:00:00 +0200": the RFC 5322 date in Amsterdam local time.
std::string rfc5322_date(Instant t);

}  // namespace okod
