#include "adapters/mail/smtp_credentials.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <fstream>
#include <stdexcept>

namespace okod {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& file, const std::string& problem) {
    throw std::runtime_error(fmt::format("SMTP credentials file {}: {}", file.string(), problem));
}

std::string required(const toml::table& t, const fs::path& file, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) fail(file, fmt::format("missing {} = \"...\"", key));
    const auto line = n->source().begin.line;
    if (!n->is_string())
        fail(file, fmt::format("line {}: {} must be a string in quotes", line, key));
    std::string value = n->value<std::string>().value_or("");
    if (value.empty()) fail(file, fmt::format("line {}: {} is empty", line, key));
    return value;
}

}  // namespace

SmtpCredentials load_smtp_credentials(const fs::path& file) {
    // toml++ reports a missing file as a parse error at line 0; say it plainly.
    if (std::ifstream probe(file); !probe) fail(file, "cannot be read (missing, or no permission)");
    toml::table t;
    try {
        t = toml::parse_file(file.string());
    } catch (const toml::parse_error& e) {
        // toml++'s description can quote what it saw ("saw 'x'"); on the password's
        // line that is part of the password, so only the position is reported.
        fail(file, fmt::format("line {}, column {}: not valid TOML; expected username = \"...\" "
                               "and password = \"...\" (the content is not shown here)",
                               e.source().begin.line, e.source().begin.column));
    }
    for (const auto& [key, node] : t)
        if (key.str() != "username" && key.str() != "password")
            fail(file, fmt::format("line {}: unknown key '{}' (expected username and password)",
                                   node.source().begin.line, key.str()));
    return {required(t, file, "username"), required(t, file, "password")};
}

std::optional<std::string> credentials_permission_warning(const fs::path& file,
                                                          std::string_view what) {
    std::error_code ec;
    const auto perms = fs::status(file, ec).permissions();
    if (ec) return std::nullopt;
    constexpr auto others = fs::perms::group_read | fs::perms::group_write |
                            fs::perms::others_read | fs::perms::others_write;
    if ((perms & others) == fs::perms::none) return std::nullopt;
    return fmt::format(
        "{} {} can be read by other users (mode {:04o}); "
        "run: chmod 600 {}",
        what, file.string(), static_cast<unsigned>(perms & fs::perms::mask), file.string());
}

}  // namespace okod
