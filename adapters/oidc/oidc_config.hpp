#pragma once
// Sign-in with the municipality's identity provider (Entra ID, Keycloak, ...): the
// [oidc] section of okod.toml. Absent: OpenID Connect sign-in is off.
//
//     [oidc]
//     issuer = "https://login.microsoftonline.com/<tenant-id>/v2.0"
//     client_id = "3f0c...-..."
//     client_secret_file = "oidc-secret"      # the secret alone, chmod 600
//     redirect_uri = "https://oko.example.nl/auth/oidc/callback"
//     scopes = ["openid", "email", "profile"] # the default
//     person_claim = "email"                  # or "preferred_username"
//
// A plain value: copy freely.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace okod {

// How okod proves it is the registered client at the token endpoint (RFC 6749 2.3.1,
// OpenID Connect Core 9): the secret in an Authorization: Basic header, in the form
// body, or no secret (a public client; PKCE alone binds the code).
enum class OidcClientAuth { client_secret_basic, client_secret_post, none };

struct OidcConfig {
    // Exactly as the provider's discovery document names itself: https, or http on a
    // loopback address (a test provider).
    std::string issuer;
    std::string client_id;
    // The client secret, alone in its own file (trailing newline ignored), so okod.toml
    // can stay world-readable. Empty: auth must be none.
    std::filesystem::path client_secret_file;
    OidcClientAuth auth = OidcClientAuth::client_secret_basic;
    // Where the provider sends the browser back: okod's GET /auth/oidc/callback as the
    // browser reaches it (through the TLS proxy), registered with the provider as is.
    std::string redirect_uri;
    std::vector<std::string> scopes{"openid", "email", "profile"};
    // The ID token claim that names an okod person: their e-mail address (matched
    // without regard to case), or the login name.
    std::string person_claim = "email";
    // Clock difference allowed between okod and the provider for exp and iat.
    int leeway_seconds = 60;
    // How long one request to the provider (discovery, keys, token) may take.
    int timeout_seconds = 10;
};

// Whether `url` may be an issuer or an endpoint okod talks to: https, or plain http to
// a loopback address (127.0.0.1, [::1], localhost) for a provider on this machine.
bool is_secure_or_loopback_url(std::string_view url);

// "client_secret_basic", ...; nullopt for another word.
std::optional<OidcClientAuth> parse_oidc_client_auth(std::string_view word);

}  // namespace okod
