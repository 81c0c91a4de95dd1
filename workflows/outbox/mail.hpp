#pragma once
// The e-mail port: what the outbox hands to a transport (SMTP, a directory of .eml
// files) and what it hears back. Adapters implement MailTransport (adapters/mail/).
#include <string>
#include <vector>

#include "time/instant.hpp"

namespace okod {

// A file sent with the mail, e.g. the draft yearly report.
struct MailAttachment {
    std::string filename;      // ASCII: "jaarrapportage-GM0935-2026.html"
    std::string content_type;  // "text/html; charset=UTF-8", "application/pdf"
    std::string data;          // the bytes
};

struct MailMessage {
    std::string from_address;  // "oko@maastricht.nl"
    std::string from_name;     // "OKO Maastricht"; may be empty
    std::string to_address;
    std::string to_name;
    std::string subject;  // UTF-8; the transport encodes it for the wire
    std::string text;     // plain-text body, UTF-8
    std::string html;     // HTML body, UTF-8; empty: text only
    // Stable per outbox key, so a message that is ever sent twice (a crash between the
    // server's "250 OK" and our commit) is recognisably the same message.
    std::string message_id;       // "<...@okod>"
    std::string idempotency_key;  // the outbox key, sent as X-Okod-Key
    Instant date{};
    std::vector<MailAttachment> attachments;
};

struct SendResult {
    enum class Outcome {
        sent,      // the server accepted it
        retry,     // temporary: connection refused, timeout, 4xx
        rejected,  // permanent: 5xx for this recipient or message; retrying will not help
    };
    Outcome outcome = Outcome::sent;
    std::string error;  // for the outbox's last_error; never contains credentials

    bool ok() const { return outcome == Outcome::sent; }
};

// Delivers one message, blocking. Called from one thread at a time.
class MailTransport {
public:
    virtual ~MailTransport() = default;
    virtual SendResult send(const MailMessage& message) = 0;
};

}  // namespace okod
