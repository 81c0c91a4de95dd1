#include "adapters/config/mail_section.hpp"

#include <fmt/format.h>

#include "model/input_rules.hpp"

namespace okod {

namespace fs = std::filesystem;

fs::path resolve_config_path(const fs::path& base, const std::string& p) {
    const fs::path path{p};
    return path.is_absolute() ? path : (base / path).lexically_normal();
}

namespace {

void read_smtp(TomlFields& f, const toml::table& smtp, const fs::path& base, MailConfig& m) {
    f.allow_only(smtp, "[mail.smtp]",
                 {"host", "port", "security", "credentials_file", "timeout_seconds"});
    m.smtp_host = f.optional_string(smtp, "host").value_or(m.smtp_host);
    m.smtp_port = f.integer_in(smtp, "port", m.smtp_port, 1, 65535);
    if (auto s = f.optional_string(smtp, "security")) {
        if (*s == "none" || *s == "starttls" || *s == "tls")
            m.smtp_security = *s;
        else
            f.error(smtp["security"].node(),
                    fmt::format("security must be none, starttls or tls, not '{}'", *s));
    }
    if (auto c = f.optional_string(smtp, "credentials_file"))
        m.smtp_credentials_file = resolve_config_path(base, *c);
    m.smtp_timeout = std::chrono::seconds{
        f.integer_in(smtp, "timeout_seconds", static_cast<int>(m.smtp_timeout.count()), 1, 600)};
}

void read_outbox(TomlFields& f, const toml::table& outbox, MailConfig& m) {
    f.allow_only(outbox, "[outbox]", {"max_attempts", "first_retry_seconds", "max_retry_seconds"});
    // max_attempts: still in installed okod.toml files (a conffile), so still accepted and
    // checked, but no longer used: transient failures are retried while the task is open.
    (void)f.integer_in(outbox, "max_attempts", 13, 1, 1000);
    m.first_retry = std::chrono::seconds{f.integer_in(
        outbox, "first_retry_seconds", static_cast<int>(m.first_retry.count()), 1, 86400)};
    m.max_retry = std::chrono::seconds{f.integer_in(
        outbox, "max_retry_seconds", static_cast<int>(m.max_retry.count()), 1, 7 * 86400)};
    if (m.max_retry < m.first_retry)
        f.error(outbox["max_retry_seconds"].node(),
                "max_retry_seconds is shorter than first_retry_seconds");
}

}  // namespace

MailConfig read_mail_section(TomlFields& f, const toml::table& root, const fs::path& base,
                             const fs::path& default_dir) {
    MailConfig m;
    m.directory = default_dir;
    if (const toml::table* outbox = f.optional_table(root, "outbox")) read_outbox(f, *outbox, m);
    const toml::table* mail = f.optional_table(root, "mail");
    if (!mail) return m;
    m.configured = true;
    f.allow_only(*mail, "[mail]", {"transport", "from", "from_name", "directory", "smtp"});
    const std::string transport = f.required_string(*mail, "transport");
    if (transport == "smtp")
        m.transport = MailTransportKind::smtp;
    else if (transport == "directory")
        m.transport = MailTransportKind::directory;
    else if (!transport.empty())
        f.error((*mail)["transport"].node(),
                fmt::format("transport must be smtp or directory, not '{}'", transport));
    m.from_address = f.required_string(*mail, "from");
    if (!m.from_address.empty())
        if (auto problem = email_problem("from", m.from_address))
            f.error((*mail)["from"].node(), *problem);
    m.from_name = f.optional_string(*mail, "from_name").value_or(m.from_name);
    // The sender's name goes into the From header.
    if (auto problem = text_problem("from_name", m.from_name))
        f.error((*mail)["from_name"].node(), *problem);
    if (auto d = f.optional_string(*mail, "directory")) m.directory = resolve_config_path(base, *d);
    const toml::table* smtp = f.optional_table(*mail, "smtp");
    if (smtp) read_smtp(f, *smtp, base, m);
    if (m.transport == MailTransportKind::smtp && !smtp)
        f.error(mail,
                "transport = \"smtp\" needs a [mail.smtp] table with at least host = \"...\"");
    return m;
}

}  // namespace okod
