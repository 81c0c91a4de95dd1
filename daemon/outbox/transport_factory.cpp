#include "daemon/outbox/transport_factory.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/mail/directory_transport.hpp"
#include "adapters/mail/smtp_credentials.hpp"
#include "adapters/mail/smtp_transport.hpp"

namespace okod {

std::shared_ptr<MailTransport> make_mail_transport(const MailConfig& config) {
    if (config.transport == MailTransportKind::directory)
        return std::make_shared<DirectoryTransport>(config.directory);
    SmtpSettings s;
    s.host = config.smtp_host;
    s.port = config.smtp_port;
    s.security = parse_smtp_security(config.smtp_security).value_or(SmtpSecurity::starttls);
    s.timeout = config.smtp_timeout;
    if (!config.smtp_credentials_file.empty()) {
        if (auto warning = credentials_permission_warning(config.smtp_credentials_file))
            spdlog::warn("{}", *warning);
        const auto credentials = load_smtp_credentials(config.smtp_credentials_file);
        s.username = credentials.username;
        s.password = credentials.password;
    }
    return std::make_shared<SmtpTransport>(std::move(s));
}

RetryPolicy retry_policy_of(const MailConfig& config) {
    return RetryPolicy{config.first_retry, config.max_retry};
}

std::string describe_transport(const MailConfig& config) {
    if (config.transport == MailTransportKind::directory)
        return fmt::format("directory {} (files only: nobody receives these e-mails)",
                           config.directory.string());
    return fmt::format(
        "SMTP {}:{} ({}{}), from {}", config.smtp_host, config.smtp_port, config.smtp_security,
        config.smtp_credentials_file.empty() ? "" : ", with login", config.from_address);
}

}  // namespace okod
