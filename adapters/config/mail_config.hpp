#pragma once
// How okod delivers its e-mail: the [mail] and [outbox] sections of okod.toml.
#include <chrono>
#include <filesystem>
#include <string>

namespace okod {

enum class MailTransportKind {
    smtp,       // a mail server (the service)
    directory,  // one .eml file per message in a directory (the demo; nobody receives it)
};

struct MailConfig {
    MailTransportKind transport = MailTransportKind::directory;
    bool configured = false;  // false: no [mail] section, the directory default applies
    std::string from_address = "okod@localhost";
    std::string from_name = "OKO-regie";

    // transport = "smtp"
    std::string smtp_host = "127.0.0.1";
    int smtp_port = 25;
    std::string smtp_security = "starttls";       // "none" | "starttls" | "tls"
    std::filesystem::path smtp_credentials_file;  // empty: no AUTH
    std::chrono::seconds smtp_timeout{30};

    // transport = "directory"
    std::filesystem::path directory;

    // [outbox]: a failed delivery is tried again after first_retry, doubling up to
    // max_retry, for as long as its task is open (RetryPolicy). The old max_attempts key
    // is still accepted and ignored: a count of attempts no longer makes a dead letter.
    std::chrono::seconds first_retry{60};
    std::chrono::seconds max_retry{std::chrono::hours{6}};
};

}  // namespace okod
