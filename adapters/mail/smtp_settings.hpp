#pragma once
// How to reach the mail server. A plain struct so the config loader can fill it
// without seeing libcurl; SmtpTransport (smtp_transport.hpp) turns it into a session.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace okod {

enum class SmtpSecurity {
    none,      // plain SMTP: only for a relay on localhost or a test server
    starttls,  // plain connect, then STARTTLS; refuses to send when the server lacks it
    tls,       // implicit TLS from the first byte (smtps, usually port 465)
};

std::optional<SmtpSecurity> parse_smtp_security(
    std::string_view text);  // "none" | "starttls" | "tls"
std::string_view to_string(SmtpSecurity s);

struct SmtpSettings {
    std::string host = "127.0.0.1";
    int port = 25;
    SmtpSecurity security = SmtpSecurity::starttls;
    std::string username;  // empty: no AUTH
    std::string password;  // never logged, never in an error text
    // Bounds connecting; the whole exchange of one message gets twice this.
    std::chrono::seconds timeout{30};
    std::string helo_domain;  // empty: libcurl's default (this machine's host name)
};

}  // namespace okod
