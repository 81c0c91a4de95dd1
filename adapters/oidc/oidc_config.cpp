#include "adapters/oidc/oidc_config.hpp"

namespace okod {

bool is_secure_or_loopback_url(std::string_view url) {
    if (url.starts_with("https://")) return url.size() > 8;
    if (!url.starts_with("http://")) return false;
    const std::string_view rest = url.substr(7);
    for (std::string_view host : {"127.0.0.1", "[::1]", "localhost"}) {
        if (!rest.starts_with(host)) continue;
        const std::string_view after = rest.substr(host.size());
        // "http://127.0.0.1.evil.example" is not loopback: the host must end there.
        if (after.empty() || after.front() == ':' || after.front() == '/') return true;
    }
    return false;
}

std::optional<OidcClientAuth> parse_oidc_client_auth(std::string_view word) {
    if (word == "client_secret_basic") return OidcClientAuth::client_secret_basic;
    if (word == "client_secret_post") return OidcClientAuth::client_secret_post;
    if (word == "none") return OidcClientAuth::none;
    return std::nullopt;
}

}  // namespace okod
