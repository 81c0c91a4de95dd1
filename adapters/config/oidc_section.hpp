#pragma once
// Reading [oidc] (internal to the config loader).
#include <optional>

#include "adapters/oidc/oidc_config.hpp"
#include "adapters/toml/toml_fields.hpp"

namespace okod {

// nullopt without an [oidc] section (sign-in with OpenID Connect is off); every
// problem is recorded in `f` with its line and column. `base` resolves
// client_secret_file.
std::optional<OidcConfig> read_oidc_section(TomlFields& f, const toml::table& root,
                                            const std::filesystem::path& base);

}  // namespace okod
