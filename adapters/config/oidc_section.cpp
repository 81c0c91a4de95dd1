#include "adapters/config/oidc_section.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "adapters/config/mail_section.hpp"

namespace okod {

namespace fs = std::filesystem;

std::optional<OidcConfig> read_oidc_section(TomlFields& f, const toml::table& root,
                                            const fs::path& base) {
    const toml::table* t = f.optional_table(root, "oidc");
    if (!t) return std::nullopt;
    f.allow_only(*t, "[oidc]",
                 {"issuer", "client_id", "client_secret_file", "client_auth", "redirect_uri",
                  "scopes", "person_claim", "leeway_seconds", "timeout_seconds"});
    OidcConfig c;
    const auto at = [&](std::string_view key) { return (*t)[key].node(); };

    c.issuer = f.required_string(*t, "issuer");
    if (!c.issuer.empty() && !is_secure_or_loopback_url(c.issuer))
        f.error(at("issuer"), fmt::format("issuer must be an https:// URL (http only to 127.0.0.1 "
                                          "or localhost), not '{}'",
                                          c.issuer));
    c.client_id = f.required_string(*t, "client_id");

    if (auto word = f.optional_string(*t, "client_auth")) {
        if (auto auth = parse_oidc_client_auth(*word))
            c.auth = *auth;
        else
            f.error(at("client_auth"),
                    fmt::format("client_auth must be client_secret_basic, client_secret_post or "
                                "none, not '{}'",
                                *word));
    }
    if (auto file = f.optional_string(*t, "client_secret_file")) {
        c.client_secret_file = resolve_config_path(base, *file);
        std::error_code ec;
        if (c.auth == OidcClientAuth::none)
            f.error(at("client_secret_file"),
                    "client_auth = \"none\" sends no secret: remove client_secret_file");
        else if (!fs::is_regular_file(c.client_secret_file, ec))
            f.error(at("client_secret_file"), fmt::format("client_secret_file '{}' does not exist",
                                                          c.client_secret_file.string()));
    } else if (c.auth != OidcClientAuth::none) {
        f.error(t,
                "missing client_secret_file = \"...\" (a file holding the client secret), or "
                "client_auth = \"none\" for a public client");
    }

    c.redirect_uri = f.required_string(*t, "redirect_uri");
    if (!c.redirect_uri.empty() && (!is_secure_or_loopback_url(c.redirect_uri) ||
                                    c.redirect_uri.find('#') != std::string::npos))
        f.error(at("redirect_uri"),
                fmt::format("redirect_uri must be an https:// URL without #fragment (http only to "
                            "127.0.0.1 or localhost), not '{}'",
                            c.redirect_uri));

    if (t->get("scopes")) {
        c.scopes = f.string_array(*t, "scopes");
        if (std::find(c.scopes.begin(), c.scopes.end(), "openid") == c.scopes.end())
            f.error(at("scopes"), "scopes must include \"openid\"");
    }
    if (auto claim = f.optional_string(*t, "person_claim")) {
        if (*claim == "email" || *claim == "preferred_username")
            c.person_claim = *claim;
        else
            f.error(
                at("person_claim"),
                fmt::format("person_claim must be email or preferred_username, not '{}'", *claim));
    }
    c.leeway_seconds = f.integer_in(*t, "leeway_seconds", c.leeway_seconds, 0, 300);
    c.timeout_seconds = f.integer_in(*t, "timeout_seconds", c.timeout_seconds, 1, 120);
    return c;
}

}  // namespace okod
