// OpenID Connect sign-in (authorization code + PKCE) against a real provider on
// 127.0.0.1 (oidc-provider from npm, tests/oidc/provider.mjs), driven as a browser
// would: okod's begin(), the provider's login and consent forms, okod's finish().
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/curl/http_exchange.hpp"
#include "adapters/oidc/id_token.hpp"
#include "adapters/oidc/oidc_client.hpp"
#include "support/oidc_provider.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;
using test::OidcTestProvider;

// A demo regisseur of Groningen (config/municipalities/GM0014-groningen.toml).
constexpr const char* kEmail = "jan.devries@groningen.example";
constexpr const char* kCallback = "http://127.0.0.1:9/auth/oidc/callback";

class OidcSignIn : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        ASSERT_TRUE(test::oidc_provider_installed())
            << "oidc-provider is not installed: scripts/install-deps.sh --tests (npm ci in "
               "tests/oidc)";
        provider_ = new OidcTestProvider(
            {{"okod", "okod-secret", kCallback},
             {"okod-es", "okod-es-secret", kCallback, "client_secret_post", "ES256"},
             {"other", "other-secret", kCallback}},
            {{"jan", kEmail, "Jan de Vries"}, {"unverified", "u@groningen.example", "U", false}});
    }
    static void TearDownTestSuite() {
        delete provider_;
        provider_ = nullptr;
    }

    OidcConfig config(const std::string& client_id = "okod") const {
        OidcConfig c;
        c.issuer = provider_->issuer();
        c.client_id = client_id;
        c.redirect_uri = kCallback;
        return c;
    }

    // begin(), the browser at the provider, and the callback's parameters.
    static std::pair<OidcPending, OidcCallback> sign_in_at_provider(OidcClient& client,
                                                                    const std::string& login) {
        auto start = client.begin();
        EXPECT_TRUE(start) << start.detail;
        if (!start) return {};
        const std::string url =
            test::sign_in_at_provider(start.value->authorization_url, login, kCallback);
        return {start.value->pending,
                {test::query_parameter(url, "code"), test::query_parameter(url, "state"),
                 test::query_parameter(url, "iss"), test::query_parameter(url, "error"),
                 test::query_parameter(url, "error_description")}};
    }

    // "signed in as " and the person claim, or the refusal's name and detail.
    static std::string describe(const OidcOutcome<OidcIdentity>& who) {
        return who ? "signed in as " + who.value->person_key
                   : std::string(oidc_refusal_name(who.refusal)) + ": " + who.detail;
    }
    // The whole sign-in as `login`, described.
    static std::string sign_in(OidcClient& client, const std::string& login) {
        auto [pending, callback] = sign_in_at_provider(client, login);
        return describe(client.finish(callback, pending));
    }

    static OidcTestProvider* provider_;
    SystemClock clock_;
};

OidcTestProvider* OidcSignIn::provider_ = nullptr;

TEST_F(OidcSignIn, a_person_signs_in_and_okod_gets_the_verified_claims) {
    OidcClient client(config(), "okod-secret", clock_);
    auto start = client.begin();
    ASSERT_TRUE(start) << start.detail;
    const std::string& url = start.value->authorization_url;
    EXPECT_TRUE(url.starts_with(provider_->issuer() + "/auth?")) << url;
    EXPECT_EQ(test::query_parameter(url, "code_challenge_method"), "S256");
    EXPECT_EQ(test::query_parameter(url, "state"), start.value->pending.state);
    // The verifier itself never goes to the browser, only its hash.
    EXPECT_EQ(url.find(start.value->pending.code_verifier), std::string::npos);

    const std::string back = test::sign_in_at_provider(url, "jan", kCallback);
    const OidcCallback callback{test::query_parameter(back, "code"),
                                test::query_parameter(back, "state"),
                                test::query_parameter(back, "iss"), "", ""};
    auto who = client.finish(callback, start.value->pending);
    ASSERT_TRUE(who) << oidc_refusal_name(who.refusal) << ": " << who.detail;
    EXPECT_EQ(who.value->subject, "jan");
    EXPECT_EQ(who.value->email, kEmail);
    EXPECT_EQ(who.value->person_key, kEmail);
    EXPECT_EQ(who.value->name, "Jan de Vries");
}

TEST_F(OidcSignIn, es256_tokens_and_the_secret_in_the_form_body_work_too) {
    OidcConfig c = config("okod-es");
    c.auth = OidcClientAuth::client_secret_post;
    c.person_claim = "preferred_username";
    OidcClient client(c, "okod-es-secret", clock_);
    EXPECT_EQ(sign_in(client, "jan"), "signed in as jan");
}

TEST_F(OidcSignIn, a_code_used_twice_is_refused) {
    OidcClient client(config(), "okod-secret", clock_);
    auto [pending, callback] = sign_in_at_provider(client, "jan");
    ASSERT_TRUE(client.finish(callback, pending));
    auto again = client.finish(callback, pending);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.refusal, OidcRefusal::code_refused) << again.detail;
    EXPECT_NE(again.detail.find("invalid_grant"), std::string::npos) << again.detail;
}

TEST_F(OidcSignIn, a_token_for_another_sign_in_has_the_wrong_nonce) {
    OidcClient client(config(), "okod-secret", clock_);
    auto [pending, callback] = sign_in_at_provider(client, "jan");
    OidcPending other = pending;
    other.nonce = client.begin().value->pending.nonce;
    EXPECT_TRUE(describe(client.finish(callback, other)).starts_with("wrong_nonce:"));
}

TEST_F(OidcSignIn, a_callback_with_another_state_is_refused_before_the_code_is_used) {
    OidcClient client(config(), "okod-secret", clock_);
    auto [pending, callback] = sign_in_at_provider(client, "jan");
    OidcCallback forged = callback;
    forged.state = client.begin().value->pending.state;
    EXPECT_TRUE(describe(client.finish(forged, pending)).starts_with("wrong_state:"));
    // The code was not spent: the real callback still signs in.
    EXPECT_EQ(describe(client.finish(callback, pending)), std::string("signed in as ") + kEmail);
}

TEST_F(OidcSignIn, the_callback_of_a_cancelled_sign_in_is_a_provider_error) {
    OidcClient client(config(), "okod-secret", clock_);
    const OidcPending pending = client.begin().value->pending;
    auto who = client.finish({"", pending.state, "", "access_denied", "End-User aborted"}, pending);
    ASSERT_FALSE(who);
    EXPECT_EQ(who.refusal, OidcRefusal::provider_error);
    EXPECT_NE(who.detail.find("access_denied"), std::string::npos);
}

TEST_F(OidcSignIn, an_expired_id_token_is_refused) {
    // okod's clock two hours after the provider's: the token (valid one hour) is stale.
    VirtualClock later(SystemClock().now() + 2h);
    OidcClient client(config(), "okod-secret", later);
    const std::string outcome = sign_in(client, "jan");
    EXPECT_TRUE(outcome.starts_with("expired:")) << outcome;
}

TEST_F(OidcSignIn, an_id_token_from_the_future_is_refused) {
    VirtualClock earlier(SystemClock().now() - 10min);
    OidcClient client(config(), "okod-secret", earlier);
    const std::string outcome = sign_in(client, "jan");
    EXPECT_TRUE(outcome.starts_with("not_yet_valid:")) << outcome;
}

TEST_F(OidcSignIn, a_wrong_client_secret_is_refused_at_the_token_endpoint) {
    OidcClient client(config(), "not-the-secret", clock_);
    const std::string outcome = sign_in(client, "jan");
    EXPECT_TRUE(outcome.starts_with("code_refused:")) << outcome;
    EXPECT_NE(outcome.find("invalid_client"), std::string::npos) << outcome;
}

TEST_F(OidcSignIn, an_unverified_email_address_does_not_sign_in) {
    OidcClient client(config(), "okod-secret", clock_);
    const std::string outcome = sign_in(client, "unverified");
    EXPECT_TRUE(outcome.starts_with("email_not_verified:")) << outcome;
}

TEST_F(OidcSignIn, a_discovery_document_naming_another_issuer_is_refused) {
    OidcConfig c = config();
    c.issuer = "http://localhost:" + std::to_string(provider_->port());  // it says 127.0.0.1
    OidcClient client(c, "okod-secret", clock_);
    auto start = client.begin();
    ASSERT_FALSE(start);
    EXPECT_EQ(start.refusal, OidcRefusal::provider_misconfigured) << start.detail;
}

TEST_F(OidcSignIn, no_provider_listening_is_reported_as_unreachable) {
    OidcConfig c = config();
    c.issuer = "http://127.0.0.1:" + std::to_string(test::free_loopback_port());
    OidcClient client(c, "okod-secret", clock_);
    auto start = client.begin();
    ASSERT_FALSE(start);
    EXPECT_EQ(start.refusal, OidcRefusal::provider_unreachable) << start.detail;
}

// A real ID token as the provider signs it for `client_id`, exchanged by hand, and the
// provider's keys: for the checks okod's own exchange never lets through.
struct SignedToken {
    std::string id_token;
    std::string jwks;
    std::string nonce;
};

SignedToken token_for(const OidcTestProvider& provider, const std::string& client_id,
                      const std::string& secret) {
    OidcConfig c;
    c.issuer = provider.issuer();
    c.client_id = client_id;
    c.redirect_uri = kCallback;
    SystemClock clock;
    OidcClient client(c, secret, clock);
    auto start = client.begin();
    EXPECT_TRUE(start) << start.detail;
    if (!start) return {};
    const std::string back =
        test::sign_in_at_provider(start.value->authorization_url, "jan", kCallback);
    const std::string form =
        "grant_type=authorization_code&code=" + url_encode(test::query_parameter(back, "code")) +
        "&redirect_uri=" + url_encode(kCallback) +
        "&code_verifier=" + start.value->pending.code_verifier + "&client_id=" + client_id +
        "&client_secret=" + secret;
    // okod-es is registered with client_secret_post: the secret goes in the body.
    const auto answer = http_post_form(provider.issuer() + "/token", form, {}, 10s);
    boost::system::error_code ec;
    auto doc = boost::json::parse(answer.body, ec);
    std::string id_token;
    if (!ec && doc.is_object() && doc.as_object().contains("id_token"))
        id_token = std::string(doc.as_object().at("id_token").as_string());
    EXPECT_FALSE(id_token.empty()) << answer.status << " " << answer.body;
    return {id_token, http_get(provider.issuer() + "/jwks", 10s).body, start.value->pending.nonce};
}

TEST_F(OidcSignIn, tokens_for_another_client_or_issuer_or_tampered_are_refused) {
    const SignedToken t = token_for(*provider_, "okod-es", "okod-es-secret");
    ASSERT_FALSE(t.id_token.empty());
    const Instant now = SystemClock().now();
    const IdTokenExpectations right{provider_->issuer(), "okod-es", t.nonce, 60s};
    {
        auto ok = verify_id_token(t.id_token, t.jwks, right, now);
        EXPECT_TRUE(ok) << ok.detail;
    }
    IdTokenExpectations other_client = right;
    other_client.client_id = "okod";
    EXPECT_EQ(verify_id_token(t.id_token, t.jwks, other_client, now).refusal,
              OidcRefusal::wrong_audience);
    IdTokenExpectations other_issuer = right;
    other_issuer.issuer = "https://login.microsoftonline.com/other-tenant/v2.0";
    EXPECT_EQ(verify_id_token(t.id_token, t.jwks, other_issuer, now).refusal,
              OidcRefusal::wrong_issuer);

    // One character of the payload changed: the signature no longer holds.
    std::string tampered = t.id_token;
    const auto payload = tampered.find('.') + 5;
    tampered[payload] = tampered[payload] == 'A' ? 'B' : 'A';
    EXPECT_EQ(verify_id_token(tampered, t.jwks, right, now).refusal, OidcRefusal::bad_signature);

    // Signed by "none", or a key the provider does not publish.
    const std::string unsigned_token =
        "eyJhbGciOiJub25lIn0" + t.id_token.substr(t.id_token.find('.'));
    EXPECT_EQ(verify_id_token(unsigned_token, t.jwks, right, now).refusal,
              OidcRefusal::unsupported_algorithm);
    EXPECT_EQ(verify_id_token(t.id_token, R"({"keys": []})", right, now).refusal,
              OidcRefusal::unknown_key);
}

TEST_F(OidcSignIn, new_provider_keys_are_fetched_when_a_token_names_an_unknown_one) {
    OidcClient client(config(), "okod-secret", clock_);
    ASSERT_EQ(sign_in(client, "jan"), std::string("signed in as ") + kEmail);  // keys cached
    provider_->restart();  // same issuer, new signing keys
    EXPECT_EQ(sign_in(client, "jan"), std::string("signed in as ") + kEmail);
}

TEST(OidcPending, survives_a_cookie_and_refuses_anything_else) {
    const OidcPending p{std::string(43, 'a'), std::string(43, 'b'), std::string(43, 'c')};
    const auto back = OidcPending::parse(p.serialise());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->state, p.state);
    EXPECT_EQ(back->nonce, p.nonce);
    EXPECT_EQ(back->code_verifier, p.code_verifier);
    const std::vector<std::string> bad{"", "a.b.c", p.serialise() + ".d", p.state + "." + p.nonce,
                                       p.serialise().replace(0, 1, "%")};
    for (const auto& text : bad) EXPECT_FALSE(OidcPending::parse(text)) << text;
}

}  // namespace
}  // namespace okod
