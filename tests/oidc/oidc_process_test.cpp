// Signing in to okod with the municipality's account (issue 19), end to end: the real
// okod with an [oidc] section, a real OpenID provider on 127.0.0.1 (oidc-provider from
// npm, tests/oidc/provider.mjs), and a browser's part played by the test (cookies,
// redirects, the provider's forms). The session okod opens reads the API as the
// person's roles allow; a callback that was not started here, a forged state and an
// account okod does not know open nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/oidc_provider.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

// Sanne Vermeulen, the demo regisseur of Maastricht; and an account okod does not know.
constexpr const char* kSanne = "sanne.vermeulen@maastricht.example";
constexpr const char* kStranger = "iemand@elders.example";

class OidcProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!oidc_provider_installed()) return;
        okod_port_ = free_loopback_port();
        callback_ = fmt::format("http://127.0.0.1:{}/auth/oidc/callback", okod_port_);
        provider_ = new OidcTestProvider(
            {{"okod", "okod-secret", callback_}},
            {{"sanne", kSanne, "Sanne Vermeulen"}, {"stranger", kStranger, "Iemand"}});
        const std::string issuer = provider_->issuer();
        okod_ = new ApiDaemon(
            "2026-03-02T09:00:00+01:00", "",
            [issuer](const std::filesystem::path& dir) {
                add_oidc_section(dir, issuer, callback_);
            },
            0, okod_port_);
    }
    static void TearDownTestSuite() {
        delete okod_;
        delete provider_;
        okod_ = nullptr;
        provider_ = nullptr;
    }
    void SetUp() override {
        if (!oidc_provider_installed())
            GTEST_SKIP() << "oidc-provider is not installed: scripts/install-deps.sh --tests";
        ASSERT_TRUE(okod_->ready()) << okod_->log();
    }

    static std::string header(const HttpResult& r, const std::string& name) {
        std::smatch m;
        const std::regex re("(?:^|\\n)" + name + ":\\s*([^\\r\\n]*)", std::regex::icase);
        return std::regex_search(r.headers, m, re) ? m[1].str() : std::string();
    }
    // "name=value" of the Set-Cookie header that sets `name`, or "".
    static std::string set_cookie(const HttpResult& r, const std::string& name) {
        std::smatch m;
        const std::regex re("set-cookie:\\s*(" + name + "=[^;\\r\\n]*)", std::regex::icase);
        return std::regex_search(r.headers, m, re) ? m[1].str() : std::string();
    }

    struct Started {
        std::string pending_cookie;  // "okod_oidc=..."
        std::string provider_url;
    };
    static Started start() {
        const auto r = http_request_with_headers("GET", okod_->url() + "/auth/oidc/start", {});
        EXPECT_EQ(r.status, 303) << r.body;
        return {set_cookie(r, "okod_oidc"), header(r, "Location")};
    }
    // The provider's redirect back to okod after `login` signed in there.
    static std::string back_from_provider(const Started& s, const std::string& login) {
        return sign_in_at_provider(s.provider_url, login, callback_);
    }
    static HttpResult callback(const std::string& url, const std::string& cookie) {
        std::vector<std::string> headers;
        if (!cookie.empty()) headers.push_back("Cookie: " + cookie);
        return http_request_with_headers("GET", url, headers);
    }
    static HttpResult me(const std::string& session_cookie) {
        return http_request_with_headers("GET", okod_->url() + "/api/v1/me",
                                         {"Cookie: " + session_cookie});
    }

    static int okod_port_;
    static std::string callback_;
    static OidcTestProvider* provider_;
    static ApiDaemon* okod_;
};

int OidcProcess::okod_port_ = 0;
std::string OidcProcess::callback_;
OidcTestProvider* OidcProcess::provider_ = nullptr;
ApiDaemon* OidcProcess::okod_ = nullptr;

TEST_F(OidcProcess, the_sign_in_page_offers_the_municipalitys_account) {
    const auto r = http_request("GET", okod_->url() + "/auth/methods");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("oidc"), true);
}

TEST_F(OidcProcess, a_regisseur_signs_in_with_the_account_and_reads_the_api_as_herself) {
    const auto s = start();
    ASSERT_FALSE(s.pending_cookie.empty());
    EXPECT_TRUE(s.provider_url.starts_with(provider_->issuer())) << s.provider_url;
    EXPECT_NE(s.provider_url.find("code_challenge_method=S256"), std::string::npos);
    const auto back = back_from_provider(s, "sanne");
    ASSERT_TRUE(back.starts_with(callback_)) << back;

    const auto r = callback(back, s.pending_cookie);
    ASSERT_EQ(r.status, 303) << r.body << okod_->log();
    EXPECT_EQ(header(r, "Location"), "/");
    const auto session = set_cookie(r, "okod_session");
    ASSERT_TRUE(session.size() > std::string("okod_session=").size()) << r.headers;
    EXPECT_NE(r.headers.find("HttpOnly"), std::string::npos);

    const auto who = me(session);
    ASSERT_EQ(who.status, 200) << who.body;
    EXPECT_EQ(who.json().at("role"), "regisseur");
    EXPECT_EQ(who.json().at("person"), "maastricht-sanne");
    const auto tasks = http_request_with_headers(
        "GET", okod_->url() + "/api/v1/tasks?municipality=GM0935&limit=1", {"Cookie: " + session});
    EXPECT_EQ(tasks.status, 200) << tasks.body;

    // The same code again (a replayed callback) opens nothing.
    const auto again = callback(back, s.pending_cookie);
    EXPECT_EQ(again.status, 403) << again.body;
    EXPECT_TRUE(set_cookie(again, "okod_session").empty());
}

TEST_F(OidcProcess, a_callback_that_did_not_start_here_opens_nothing) {
    const auto s = start();
    const auto back = back_from_provider(s, "sanne");
    ASSERT_TRUE(back.starts_with(callback_)) << back;
    // Another browser (no pending cookie) arrives with the code.
    const auto stolen = callback(back, "");
    EXPECT_EQ(stolen.status, 403);
    EXPECT_NE(stolen.body.find("niet hier begonnen"), std::string::npos) << stolen.body;
    EXPECT_TRUE(set_cookie(stolen, "okod_session").empty());
    // The right browser with a forged state.
    const std::string forged =
        std::regex_replace(back, std::regex("state=[^&]*"), "state=forged-state");
    const auto r = callback(forged, s.pending_cookie);
    EXPECT_EQ(r.status, 403);
    EXPECT_TRUE(set_cookie(r, "okod_session").empty());
}

TEST_F(OidcProcess, an_account_okod_does_not_know_opens_nothing) {
    const auto s = start();
    const auto back = back_from_provider(s, "stranger");
    ASSERT_TRUE(back.starts_with(callback_)) << back;
    const auto r = callback(back, s.pending_cookie);
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find(kStranger), std::string::npos) << r.body;
    EXPECT_TRUE(set_cookie(r, "okod_session").empty());
}

}  // namespace
}  // namespace okod::test
