#pragma once
// A real OpenID provider for tests (tests/oidc/provider.mjs: oidc-provider from npm,
// pinned in tests/oidc/package-lock.json) on 127.0.0.1, and a browser's part of
// signing in there: follow the redirects, fill in the login and consent forms with a
// cookie jar, stop at the redirect back to okod.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/test_support.hpp"

namespace okod::test {

struct OidcTestClient {
    std::string client_id;
    std::string client_secret;
    std::string redirect_uri;
    std::string auth_method = "client_secret_basic";  // or client_secret_post
    std::string id_token_alg = "RS256";               // or ES256
};

struct OidcTestAccount {
    std::string login;
    std::string email;
    std::string name;
    bool email_verified = true;
};

class OidcTestProvider {
public:
    // Starts the provider on a free loopback port and waits (bounded) until it listens.
    OidcTestProvider(std::vector<OidcTestClient> clients, std::vector<OidcTestAccount> accounts);
    ~OidcTestProvider();

    const std::string& issuer() const { return issuer_; }
    int port() const { return port_; }
    // Stops it and starts it again on the same port: new signing keys, no sessions.
    void restart();
    std::string log() const;

private:
    void start();
    std::vector<OidcTestClient> clients_;
    std::vector<OidcTestAccount> accounts_;
    TempDir dir_;
    int port_ = 0;
    std::string issuer_;
    std::unique_ptr<ChildProcess> process_;
};

// Whether tests/oidc/node_modules holds oidc-provider (scripts/install-deps.sh --tests).
bool oidc_provider_installed();

// What a browser does from `authorization_url` on: the URL it is finally sent to that
// starts with `redirect_uri` (okod's callback, with ?code=...&state=...), signing in
// as `login` with any password and granting consent. Empty, with a failed EXPECT, when
// the provider shows something else or keeps redirecting (at most 12 steps).
std::string sign_in_at_provider(const std::string& authorization_url, const std::string& login,
                                const std::string& redirect_uri);

// What an okod config directory needs to sign in at `issuer` as client "okod" with
// secret "okod-secret" (an ApiDaemon's `prepare`): the secret file and an [oidc] section.
void add_oidc_section(const std::filesystem::path& config_dir, const std::string& issuer,
                      const std::string& redirect_uri);

// A query parameter of `url`, percent-decoded; empty when absent.
std::string query_parameter(const std::string& url, const std::string& name);

}  // namespace okod::test
