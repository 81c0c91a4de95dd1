#include "adapters/oidc/oidc_refusal.hpp"

namespace okod {

std::string_view oidc_refusal_name(OidcRefusal r) {
    switch (r) {
        case OidcRefusal::provider_unreachable:
            return "provider_unreachable";
        case OidcRefusal::provider_misconfigured:
            return "provider_misconfigured";
        case OidcRefusal::provider_error:
            return "provider_error";
        case OidcRefusal::wrong_state:
            return "wrong_state";
        case OidcRefusal::code_refused:
            return "code_refused";
        case OidcRefusal::malformed_token:
            return "malformed_token";
        case OidcRefusal::unsupported_algorithm:
            return "unsupported_algorithm";
        case OidcRefusal::unknown_key:
            return "unknown_key";
        case OidcRefusal::bad_signature:
            return "bad_signature";
        case OidcRefusal::wrong_issuer:
            return "wrong_issuer";
        case OidcRefusal::wrong_audience:
            return "wrong_audience";
        case OidcRefusal::expired:
            return "expired";
        case OidcRefusal::not_yet_valid:
            return "not_yet_valid";
        case OidcRefusal::wrong_nonce:
            return "wrong_nonce";
        case OidcRefusal::missing_claim:
            return "missing_claim";
        case OidcRefusal::email_not_verified:
            return "email_not_verified";
    }
    return "unknown";
}

}  // namespace okod
