#pragma once
// Reading [mail], [mail.smtp] and [outbox] (internal to the config loader).
#include "adapters/config/mail_config.hpp"
#include "adapters/toml/toml_fields.hpp"

namespace okod {

// A path from the config file: absolute as written, or relative to `base` (the
// directory of the file), so a config tree can be moved as a whole.
std::filesystem::path resolve_config_path(const std::filesystem::path& base, const std::string& p);

// `base` resolves relative paths; without a [mail] section mail goes to `default_dir`.
MailConfig read_mail_section(TomlFields& f, const toml::table& root,
                             const std::filesystem::path& base,
                             const std::filesystem::path& default_dir);

}  // namespace okod
