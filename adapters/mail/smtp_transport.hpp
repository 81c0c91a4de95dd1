#pragma once
// Sends mail to an SMTP server through libcurl. One connection stays open between
// sends, so a burst of reminders costs one TLS handshake and one login, and the
// server's "250 OK" reaches us without a QUIT round trip in between (which keeps the
// window between the server accepting and the outbox committing short). A connection
// the server closed in the meantime is noticed and replaced on the next send.
//
// Not thread-safe: one caller at a time, as MailTransport promises. The password is
// handed to libcurl and never appears in logs or error texts.
#include <memory>
#include <string>

#include "adapters/mail/smtp_settings.hpp"
#include "outbox/mail.hpp"

namespace okod {

class SmtpTransport final : public MailTransport {
public:
    explicit SmtpTransport(SmtpSettings settings);
    ~SmtpTransport() override;
    SmtpTransport(const SmtpTransport&) = delete;
    SmtpTransport& operator=(const SmtpTransport&) = delete;

    // sent on 250; retry when the server cannot be reached, times out, answers 4xx or
    // refuses the login (a configuration problem: mail waits until it is fixed);
    // rejected on other 5xx answers and on a recipient address that cannot be sent to.
    SendResult send(const MailMessage& message) override;

    // "smtp://mail.example.nl:587 (starttls, AUTH as oko)": for start-up logs.
    std::string describe() const;

private:
    struct Session;  // the curl handle; curl.h stays out of this header
    SmtpSettings settings_;
    std::unique_ptr<Session> session_;
};

}  // namespace okod
