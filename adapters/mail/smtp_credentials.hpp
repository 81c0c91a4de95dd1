#pragma once
// The SMTP login, kept in its own small TOML file so the main configuration can be
// world-readable while the password is not:
//
//     username = "oko-maastricht"
//     password = "..."
//
// Errors name the file (and line and column for syntax errors) but never quote the
// file's content: the text around a syntax error may be the password.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace okod {

struct SmtpCredentials {
    std::string username;
    std::string password;
};

// Throws std::runtime_error when the file is missing, unreadable, not TOML, or lacks
// a non-empty string username and password.
SmtpCredentials load_smtp_credentials(const std::filesystem::path& file);

// A warning when group or others may read the file ("chmod 600 ..."); nullopt when
// only the owner can, or when the file cannot be inspected (loading will say why).
// `what` names the file in the warning (the OIDC client secret's file uses it too).
std::optional<std::string> credentials_permission_warning(
    const std::filesystem::path& file, std::string_view what = "SMTP credentials file");

}  // namespace okod
