// The signed one-click links in reminders (adapters/auth/mail_link.hpp): a link says one
// purpose, one task, one person and an end, and nothing else passes for it.
#include "adapters/auth/mail_link.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "adapters/auth/base64url.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

const std::string kKey = "bm90LWEtcmVhbC1rZXktYnV0LTMyLWJ5dGVzLWxvbmch";
const Instant kNow = Instant{std::chrono::seconds{1'780'000'000}};

MailLinkClaim claim() {
    return {std::string(kCompleteTaskLink), 123, "maastricht-bram", kNow + 24h * 30};
}

TEST(MailLink, a_genuine_link_names_its_task_and_person_until_it_expires) {
    const std::string token = sign_mail_link(claim(), kKey);
    const auto check = check_mail_link(token, kKey, kCompleteTaskLink, kNow);
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(check.claim->task_id, 123);
    EXPECT_EQ(check.claim->person_id, "maastricht-bram");
    EXPECT_EQ(check.claim->expires, kNow + 24h * 30);
    // Only URL-safe characters: it goes into a path as it is.
    EXPECT_EQ(token.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."),
              std::string::npos)
        << token;
    EXPECT_EQ(sign_mail_link(claim(), kKey), token) << "a retried mail carries the same link";
}

TEST(MailLink, an_expired_link_is_refused_but_still_says_what_it_was_for) {
    const std::string token = sign_mail_link(claim(), kKey);
    const auto check = check_mail_link(token, kKey, kCompleteTaskLink, kNow + 24h * 30);
    EXPECT_FALSE(check.ok());
    EXPECT_EQ(check.fault, MailLinkFault::expired);
    ASSERT_TRUE(check.claim);
    EXPECT_EQ(check.claim->task_id, 123);
}

TEST(MailLink, a_link_altered_to_another_task_or_person_is_forged) {
    const std::string token = sign_mail_link(claim(), kKey);
    const std::string signature = token.substr(token.find('.'));
    for (const std::string payload : {"v1|afgerond|124|maastricht-bram|1782592000",
                                      "v1|afgerond|123|maastricht-fatima|1782592000",
                                      "v1|afgerond|123|maastricht-bram|1999999999"}) {
        const auto check =
            check_mail_link(base64url(payload) + signature, kKey, kCompleteTaskLink, kNow);
        EXPECT_FALSE(check.ok()) << payload;
        EXPECT_EQ(check.fault, MailLinkFault::forged) << payload;
        EXPECT_FALSE(check.claim) << "nothing of a forged link is believed";
    }
    // One character of the signature changed.
    std::string flipped = token;
    flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
    EXPECT_EQ(check_mail_link(flipped, kKey, kCompleteTaskLink, kNow).fault, MailLinkFault::forged);
}

TEST(MailLink, a_link_signed_with_another_key_is_forged) {
    const std::string token = sign_mail_link(claim(), "another-okods-key");
    EXPECT_EQ(check_mail_link(token, kKey, kCompleteTaskLink, kNow).fault, MailLinkFault::forged);
}

TEST(MailLink, a_genuine_link_for_another_purpose_does_not_complete_a_task) {
    MailLinkClaim signin = claim();
    signin.purpose = "aanmelden";
    const auto check = check_mail_link(sign_mail_link(signin, kKey), kKey, kCompleteTaskLink, kNow);
    EXPECT_FALSE(check.ok());
    EXPECT_EQ(check.fault, MailLinkFault::other_purpose);
}

TEST(MailLink, text_that_is_no_token_of_okods_is_refused_and_says_nothing) {
    for (const std::string& text :
         std::vector<std::string>{"", ".", "abc", "abc.", ".abc", "a b.c", "!!!.???",
                                  base64url("v1|afgerond|x|p|1") + ".AAAA"}) {
        const auto check = check_mail_link(text, kKey, kCompleteTaskLink, kNow);
        EXPECT_FALSE(check.ok()) << text;
        EXPECT_FALSE(check.claim) << text;
    }
    EXPECT_EQ(check_mail_link("abc", kKey, kCompleteTaskLink, kNow).fault,
              MailLinkFault::malformed);
}

TEST(MailLink, a_person_id_that_would_change_the_fields_cannot_be_signed) {
    MailLinkClaim c = claim();
    c.person_id = "bram|999";
    EXPECT_THROW(sign_mail_link(c, kKey), std::invalid_argument);
}

TEST(MailLink, its_use_is_recorded_by_a_hash_not_by_the_token) {
    const std::string token = sign_mail_link(claim(), kKey);
    const std::string id = mail_link_id(token);
    EXPECT_EQ(id.size(), 64u);
    EXPECT_EQ(id.find(token.substr(0, 10)), std::string::npos);
}

TEST(Base64Url, decodes_what_it_encodes_and_nothing_else) {
    for (const std::string& bytes :
         std::vector<std::string>{"", "a", "ab", "abc", "abcd", std::string("\0\xff\x10", 3)})
        EXPECT_EQ(base64url_decode(base64url(bytes)), bytes);
    EXPECT_FALSE(base64url_decode("a"));     // no encoder makes one character
    EXPECT_FALSE(base64url_decode("ab=="));  // no padding
    EXPECT_FALSE(base64url_decode("ab+/"));  // the other alphabet
    EXPECT_FALSE(base64url_decode("YR"));    // leftover bits set: "YQ" is the only "a"
}

}  // namespace
}  // namespace okod
