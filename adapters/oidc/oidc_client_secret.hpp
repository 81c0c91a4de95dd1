#pragma once
// The OIDC client secret, alone in a file of its own (as Entra ID or Keycloak shows it,
// one line), so okod.toml can stay world-readable while the secret is not. A trailing
// newline is ignored. Errors name the file but never quote its content.
#include <filesystem>
#include <string>

namespace okod {

// Throws std::runtime_error when the file is missing, unreadable, empty or has more
// than one line.
std::string load_oidc_client_secret(const std::filesystem::path& file);

}  // namespace okod
