#pragma once
// The mail transport a config asks for: SMTP (with credentials read from their own
// file) or a directory of .eml files.
#include <memory>

#include "adapters/config/mail_config.hpp"
#include "outbox/mail.hpp"
#include "outbox/retry_policy.hpp"

namespace okod {

// Throws std::runtime_error naming the file when the credentials cannot be read.
std::shared_ptr<MailTransport> make_mail_transport(const MailConfig& config);

RetryPolicy retry_policy_of(const MailConfig& config);

// "SMTP 127.0.0.1:25 (starttls, as okod@...)" or "directory /var/lib/okod/mail", for the log.
std::string describe_transport(const MailConfig& config);

}  // namespace okod
