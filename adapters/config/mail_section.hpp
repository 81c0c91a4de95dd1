#pragma once
// Reading [mail], [mail.smtp] and [outbox] (internal to the config loader).
#include "adapters/config/mail_config.hpp"
#include "adapters/toml/toml_fields.hpp"

namespace okod {

// `base` resolves relative paths; without a [mail] section mail goes to `default_dir`.
MailConfig read_mail_section(TomlFields& f, const toml::table& root, const std::filesystem::path& base,
                             const std::filesystem::path& default_dir);

}  // namespace okod
