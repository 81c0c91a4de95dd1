// The [oidc] section of okod.toml: read when present, every mistake reported with
// file:line:col, and the client secret read from its own file.
#include <gtest/gtest.h>

#include "adapters/config/config.hpp"
#include "adapters/oidc/oidc_client_secret.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

class OidcConfigFile : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(tmp_ / "municipalities");
        test::write_file(tmp_ / "oidc-secret", "s3cret~value\n");
    }

    // load_settings on an okod.toml with `oidc` appended (starting at line 5).
    ConfigResult load(const std::string& oidc) {
        test::write_file(tmp_ / "okod.toml",
                         "[store]\npath = \"okod.sqlite\"\n[municipalities]\ndir = "
                         "\"municipalities\"\n" +
                             oidc);
        return load_settings(tmp_ / "okod.toml");
    }

    // Every error as "line:col: message".
    static std::string errors(const ConfigResult& r) {
        std::string out;
        for (const auto& e : r.errors)
            out +=
                std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message + "\n";
        return out;
    }

    test::TempDir tmp_;
};

TEST_F(OidcConfigFile, without_a_section_oidc_is_off) {
    auto r = load("");
    ASSERT_TRUE(r.config) << errors(r);
    EXPECT_FALSE(r.config->oidc);
}

TEST_F(OidcConfigFile, a_keycloak_section_is_read_with_its_defaults) {
    auto r = load(
        "[oidc]\n"
        "issuer = \"https://sso.maastricht.example/realms/gemeente\"\n"
        "client_id = \"okod\"\n"
        "client_secret_file = \"oidc-secret\"\n"
        "redirect_uri = \"https://oko.maastricht.example/auth/oidc/callback\"\n");
    ASSERT_TRUE(r.config) << errors(r);
    ASSERT_TRUE(r.config->oidc);
    const OidcConfig& c = *r.config->oidc;
    EXPECT_EQ(c.issuer, "https://sso.maastricht.example/realms/gemeente");
    EXPECT_EQ(c.client_id, "okod");
    EXPECT_EQ(c.client_secret_file, tmp_ / "oidc-secret");
    EXPECT_EQ(c.auth, OidcClientAuth::client_secret_basic);
    EXPECT_EQ(c.scopes, (std::vector<std::string>{"openid", "email", "profile"}));
    EXPECT_EQ(c.person_claim, "email");
    EXPECT_EQ(load_oidc_client_secret(c.client_secret_file), "s3cret~value");
}

TEST_F(OidcConfigFile, every_mistake_is_reported_at_its_line_and_column) {
    auto r = load(
        "[oidc]\n"
        "issuer = \"http://sso.maastricht.example/realms/gemeente\"\n"  // line 6
        "client_auth = \"private_key_jwt\"\n"                           // 7
        "client_secret_file = \"no-such-file\"\n"                       // 8
        "redirect_uri = \"https://oko.example/cb#top\"\n"               // 9
        "scopes = [\"email\"]\n"                                        // 10
        "person_claim = \"upn\"\n"                                      // 11
        "leeway_seconds = 3600\n"                                       // 12
        "tenant = \"x\"\n");                                            // 13
    EXPECT_FALSE(r.config);
    const std::string e = errors(r);
    for (const std::string expected :
         {"5:1: missing required key 'client_id'", "6:10: issuer must be an https:// URL",
          "7:15: client_auth must be client_secret_basic, client_secret_post or none, not "
          "'private_key_jwt'",
          "8:22: client_secret_file '",
          "9:16: redirect_uri must be an https:// URL without "
          "#fragment",
          "10:10: scopes must include \"openid\"",
          "11:16: person_claim must be email or preferred_username, not 'upn'",
          "12:18: 'leeway_seconds' must be between 0 and 300, not 3600",
          "13:1: unknown key 'tenant' in [oidc]"})
        EXPECT_NE(e.find(expected), std::string::npos) << "missing: " << expected << "\n" << e;
}

TEST_F(OidcConfigFile, a_secret_is_needed_unless_the_client_is_public) {
    const std::string base =
        "[oidc]\nissuer = \"http://127.0.0.1:8080/realms/test\"\nclient_id = \"okod\"\n"
        "redirect_uri = \"http://127.0.0.1:8470/auth/oidc/callback\"\n";
    auto missing = load(base);
    EXPECT_FALSE(missing.config);
    EXPECT_NE(errors(missing).find("missing client_secret_file"), std::string::npos)
        << errors(missing);
    auto public_client = load(base + "client_auth = \"none\"\n");
    ASSERT_TRUE(public_client.config) << errors(public_client);
    EXPECT_EQ(public_client.config->oidc->auth, OidcClientAuth::none);
    // http is fine to a provider on this machine only.
    EXPECT_TRUE(is_secure_or_loopback_url("http://localhost:8080/realms/test"));
    EXPECT_FALSE(is_secure_or_loopback_url("http://127.0.0.1.evil.example/"));
    EXPECT_FALSE(is_secure_or_loopback_url("ftp://sso.example/"));
}

TEST_F(OidcConfigFile, a_secret_file_must_hold_one_line_and_is_never_quoted) {
    test::write_file(tmp_ / "two-lines", "hunter2\nsecond\n");
    test::write_file(tmp_ / "empty", "\n");
    for (const char* name : {"two-lines", "empty", "absent"}) {
        try {
            load_oidc_client_secret(tmp_ / name);
            ADD_FAILURE() << name << " was accepted";
        } catch (const std::runtime_error& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find((tmp_ / name).string()), std::string::npos) << what;
            EXPECT_EQ(what.find("hunter2"), std::string::npos) << what;
        }
    }
}

}  // namespace
}  // namespace okod
