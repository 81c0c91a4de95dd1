// Token secrets: their shape, that they differ, SHA-256 as the standard's test vectors
// have it, and reading "Bearer <secret>" from an Authorization header.
#include "adapters/auth/token_secret.hpp"

#include <gtest/gtest.h>

#include <set>

namespace okod {
namespace {

TEST(TokenSecret, is_okod_prefix_and_43_base64url_characters) {
    const std::string s = new_token_secret();
    ASSERT_EQ(s.size(), 5u + 43u) << s;  // 32 bytes, base64 without padding
    EXPECT_EQ(s.substr(0, 5), "okod_");
    EXPECT_EQ(
        s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 5),
        std::string::npos)
        << s;
}

TEST(TokenSecret, every_secret_is_new) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(new_token_secret()).second);
}

TEST(TokenSecret, hash_is_lowercase_hex_sha256) {
    // FIPS 180-2 test vectors.
    EXPECT_EQ(hash_token("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hash_token(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const std::string s = new_token_secret();
    EXPECT_EQ(hash_token(s), hash_token(s));
    EXPECT_NE(hash_token(s), hash_token(s + "x"));
    EXPECT_EQ(hash_token(s).size(), 64u);
}

TEST(TokenSecret, bearer_header_gives_the_secret) {
    EXPECT_EQ(bearer_secret("Bearer okod_abc"), "okod_abc");
    EXPECT_EQ(bearer_secret("bearer okod_abc"), "okod_abc");
    EXPECT_EQ(bearer_secret("BEARER okod_abc"), "okod_abc");
    EXPECT_EQ(bearer_secret("  Bearer \t  okod_abc  "), "okod_abc");
    EXPECT_EQ(bearer_secret("Bearer\tokod_abc"), "okod_abc");
}

TEST(TokenSecret, bearer_header_refuses_anything_else) {
    EXPECT_FALSE(bearer_secret(""));
    EXPECT_FALSE(bearer_secret("Bearer"));
    EXPECT_FALSE(bearer_secret("Bearer   "));
    EXPECT_FALSE(bearer_secret("Bearerokod_abc"));
    EXPECT_FALSE(bearer_secret("Basic dXNlcjpwYXNz"));
    EXPECT_FALSE(bearer_secret("okod_abc"));
    EXPECT_FALSE(bearer_secret("Bearer okod_abc extra"));
    EXPECT_FALSE(bearer_secret("Token okod_abc"));
}

}  // namespace
}  // namespace okod

namespace okod {
namespace {

TEST(TokenSecret, secrets_in_a_logged_target_are_cut_to_their_prefix) {
    const std::string secret = new_token_secret();
    EXPECT_EQ(redact_token_secrets("/ical/person/" + secret + ".ics"), "/ical/person/okod_….ics");
    EXPECT_EQ(redact_token_secrets("/ical/municipality/GM0935.ics?token=" + secret + "&x=1"),
              "/ical/municipality/GM0935.ics?token=okod_…&x=1");
    EXPECT_EQ(redact_token_secrets("/api/v1/tasks?municipality=GM0935"),
              "/api/v1/tasks?municipality=GM0935");
}

// Issue 16: a feed secret is told apart from a token by its prefix, and cut from logs.
TEST(TokenSecret, feed_secrets_have_their_own_prefix_and_are_cut_from_logs_too) {
    const std::string feed = new_feed_secret();
    EXPECT_TRUE(feed.starts_with("okodcal_")) << feed;
    EXPECT_EQ(feed.size(), 8u + 43u);
    EXPECT_NE(new_feed_secret(), feed);
    EXPECT_EQ(redact_token_secrets("/ical/person/" + feed + ".ics"), "/ical/person/okodcal_….ics");
}

}  // namespace
}  // namespace okod
