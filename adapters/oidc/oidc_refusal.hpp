#pragma once
// Why an OpenID Connect sign-in did not succeed: one word per cause, for the sign-in
// route to map to a page and a log line (with the detail sentence beside it).
#include <optional>
#include <string>
#include <string_view>

namespace okod {

enum class OidcRefusal {
    provider_unreachable,    // no answer, or not JSON, from discovery, keys or token endpoint
    provider_misconfigured,  // discovery names another issuer, lacks an endpoint, no S256
    provider_error,          // the callback carries ?error= (the user cancelled, access denied)
    wrong_state,             // the callback's state is not the one begin() made
    code_refused,            // the token endpoint refused the code (used twice, expired, ...)
    malformed_token,         // no ID token, or not a signed JWT with a JSON payload
    unsupported_algorithm,   // signed with something other than RS256 or ES256
    unknown_key,             // no key of the provider's JWKS fits, even after a refetch
    bad_signature,
    wrong_issuer,
    wrong_audience,  // aud does not name okod's client_id, or azp names another client
    expired,
    not_yet_valid,  // iat or nbf later than now (beyond the leeway)
    wrong_nonce,
    missing_claim,  // sub, exp, iat, or the configured person claim
    email_not_verified,
};

std::string_view oidc_refusal_name(OidcRefusal r);

// A value, or the refusal and a sentence for the log (never a secret or a token).
template <typename T>
struct OidcOutcome {
    std::optional<T> value;
    OidcRefusal refusal = OidcRefusal::provider_unreachable;  // meaningful without value
    std::string detail;

    explicit operator bool() const { return value.has_value(); }
    static OidcOutcome refused(OidcRefusal r, std::string why) { return {{}, r, std::move(why)}; }
};

}  // namespace okod
