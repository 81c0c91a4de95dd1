#pragma once
// Sign-in with the municipality's OpenID provider (Entra ID, Keycloak, ...): the
// authorization code flow with PKCE (RFC 7636) and a nonce, for the routes
// GET /auth/oidc/start and GET /auth/oidc/callback.
//
//     OidcClient oidc(*config.oidc, clock);            // reads the client secret file
//     // GET /auth/oidc/start
//     auto start = oidc.begin();                        // may fetch the discovery document
//     if (!start) -> 502 page, log oidc_refusal_name(start.refusal), start.detail
//     keep start.value->pending.serialise() (a short-lived, signed, HttpOnly cookie)
//     -> 303 to start.value->authorization_url
//     // GET /auth/oidc/callback?code=...&state=...[&iss=...] or ?error=...&state=...
//     auto pending = OidcPending::parse(cookie);        // nullopt: start again
//     auto who = oidc.finish({code, state, iss, error, error_description}, *pending);
//     if (!who) -> refusal page; else who.value->person_key names the okod person
//     forget the pending value either way: it is for one callback only.
//
// What is checked: the discovery document names the configured issuer and only https
// endpoints (http to loopback only); the callback's state is the pending one (and its
// iss, when given, the issuer: RFC 9207); the code is exchanged with the PKCE verifier
// and the client's credentials; the ID token is verified as id_token.hpp says. The
// person claim must be present, and an e-mail whose email_verified is false is refused.
//
// The discovery document and the key set are fetched on first use and kept; the keys
// are fetched again when a token names a key id not among them (the provider rotated
// its keys). Only the provider's own token endpoint hands okod an ID token, so a
// stranger cannot make okod fetch keys at will.
//
// Thread-safe (one mutex around the cached provider data). begin() and finish() block
// on the network (at most timeout_seconds per request, up to three requests): call them
// off the scheduler's strand.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/oidc/oidc_config.hpp"
#include "adapters/oidc/oidc_refusal.hpp"
#include "time/clock.hpp"

namespace okod {

// What one sign-in must remember between start and callback: all three are 43
// base64url characters from the CSPRNG. The code_verifier is a secret: keep it where
// only this browser's next request brings it back (a signed HttpOnly cookie) or in the
// store, and never log it.
struct OidcPending {
    std::string state;
    std::string nonce;
    std::string code_verifier;

    // "state.nonce.code_verifier": cookie-safe, no quoting needed.
    std::string serialise() const;
    // nullopt unless `text` is what serialise() makes.
    static std::optional<OidcPending> parse(std::string_view text);
};

struct OidcStart {
    std::string authorization_url;  // where to send the browser (303)
    OidcPending pending;
};

// The callback's query parameters, as the route decoded them (absent ones empty).
struct OidcCallback {
    std::string code;
    std::string state;
    std::string iss;
    std::string error;              // e.g. access_denied when the user cancelled
    std::string error_description;  // the provider's words, for the log
};

// Who signed in, from the verified ID token.
struct OidcIdentity {
    std::string subject;             // sub: the provider's stable id for the person
    std::string email;               // may be empty (person_claim = preferred_username)
    std::string name;                // may be empty
    std::string preferred_username;  // may be empty
    // The value of the configured person_claim: the e-mail address (compare without
    // regard to case) or the login name that names an okod person.
    std::string person_key;
};

class OidcClient {
public:
    // Reads config.client_secret_file (unless auth is none); throws
    // std::runtime_error naming the file when it cannot. No network until begin().
    OidcClient(OidcConfig config, const Clock& clock);
    // With the secret given, for tests and for callers that read it themselves.
    OidcClient(OidcConfig config, std::string client_secret, const Clock& clock);
    ~OidcClient();
    OidcClient(const OidcClient&) = delete;
    OidcClient& operator=(const OidcClient&) = delete;

    OidcOutcome<OidcStart> begin();
    OidcOutcome<OidcIdentity> finish(const OidcCallback& callback, const OidcPending& pending);

    const OidcConfig& config() const { return config_; }

private:
    struct Provider;
    OidcOutcome<Provider> provider();
    OidcOutcome<std::string> fetch_keys(const std::string& jwks_uri);
    OidcOutcome<std::string> exchange_code(const Provider& p, const OidcCallback& callback,
                                           const OidcPending& pending);

    OidcConfig config_;
    std::string client_secret_;
    const Clock& clock_;
    std::mutex mutex_;
    std::unique_ptr<Provider> provider_;  // discovery document and keys, once fetched
};

}  // namespace okod
