#pragma once
// Checking an OpenID Connect ID token (OpenID Connect Core 3.1.3.7) with libcjose: the
// signature with a key of the provider's JWKS (RS256 with an RSA key, ES256 with a
// P-256 key; nothing else, so neither "none" nor an HMAC keyed with a public key is
// ever accepted), then iss, aud and azp, exp, iat and nbf within the leeway, and the
// nonce. Thread-safe: no state of its own.
#include <boost/json/object.hpp>
#include <chrono>
#include <string>
#include <string_view>

#include "adapters/oidc/oidc_refusal.hpp"
#include "time/instant.hpp"

namespace okod {

struct IdTokenExpectations {
    std::string issuer;     // exactly as in the discovery document
    std::string client_id;  // must be in aud; azp, when present, must be it
    std::string nonce;      // the one begin() sent
    std::chrono::seconds leeway{60};
};

// The token's claims, or why not. `jwks_json` is the provider's key set as its jwks_uri
// served it; unknown_key means no key in it has the token's kid (or, without a kid,
// fits its algorithm): a caller with an older copy fetches the keys again.
OidcOutcome<boost::json::object> verify_id_token(std::string_view token, std::string_view jwks_json,
                                                 const IdTokenExpectations& expected, Instant now);

}  // namespace okod
