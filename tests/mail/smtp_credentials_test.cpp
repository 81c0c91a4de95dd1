#include "adapters/mail/smtp_credentials.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

// The error for `content`, or "" when it loads.
std::string load_error(const fs::path& file) {
    try {
        load_smtp_credentials(file);
        return "";
    } catch (const std::runtime_error& e) {
        return e.what();
    }
}

TEST(SmtpCredentials, username_and_password_are_read_from_the_file) {
    test::TempDir tmp;
    test::write_file(
        tmp / "smtp.toml",
        "# OKO mail login\nusername = \"oko-maastricht\"\npassword = \"s3cret \\\"pw\\\"\"\n");
    const SmtpCredentials c = load_smtp_credentials(tmp / "smtp.toml");
    EXPECT_EQ(c.username, "oko-maastricht");
    EXPECT_EQ(c.password, "s3cret \"pw\"");
}

TEST(SmtpCredentials, a_missing_file_is_named_in_the_error) {
    test::TempDir tmp;
    const std::string error = load_error(tmp / "nope.toml");
    EXPECT_NE(error.find((tmp / "nope.toml").string()), std::string::npos) << error;
    EXPECT_NE(error.find("cannot be read"), std::string::npos) << error;
}

TEST(SmtpCredentials, a_syntax_error_names_file_and_line_but_never_the_password) {
    test::TempDir tmp;
    const std::vector<std::string> broken{
        "username = \"oko\"\npassword = hunter2secret\n",         // no quotes
        "username = \"oko\"\npassword = \"hunter2secret\n",       // unterminated
        "username = \"oko\"\npassword = \"hunter2\\qsecret\"\n",  // bad escape
        "username = \"oko\"\npassword = \"hunter2secret\" trailing\n",
    };
    for (const auto& content : broken) {
        test::write_file(tmp / "smtp.toml", content);
        const std::string error = load_error(tmp / "smtp.toml");
        EXPECT_NE(error.find((tmp / "smtp.toml").string()), std::string::npos) << error;
        EXPECT_NE(error.find("line 2"), std::string::npos) << error;
        EXPECT_EQ(error.find("hunter"), std::string::npos) << error;
        EXPECT_EQ(error.find("secret"), std::string::npos) << error;
    }
}

TEST(SmtpCredentials, wrong_or_missing_keys_are_errors_that_hide_the_values) {
    test::TempDir tmp;
    const auto file = tmp / "smtp.toml";
    test::write_file(file, "username = \"oko\"\npassword = 98765432\n");
    std::string error = load_error(file);
    EXPECT_NE(error.find("line 2: password must be a string"), std::string::npos) << error;
    EXPECT_EQ(error.find("98765432"), std::string::npos) << error;

    test::write_file(file, "username = \"oko\"\n");
    EXPECT_NE(load_error(file).find("missing password"), std::string::npos);

    test::write_file(file, "username = \"oko\"\npassword = \"\"\n");
    EXPECT_NE(load_error(file).find("password is empty"), std::string::npos);

    test::write_file(file, "user = \"oko\"\npassword = \"hunter2secret\"\n");
    error = load_error(file);
    EXPECT_NE(error.find("unknown key 'user'"), std::string::npos) << error;
    EXPECT_EQ(error.find("hunter2secret"), std::string::npos) << error;
}

TEST(SmtpCredentials, a_file_others_can_read_gets_a_warning) {
    test::TempDir tmp;
    const auto file = tmp / "smtp.toml";
    test::write_file(file, "username = \"oko\"\npassword = \"hunter2secret\"\n");

    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read);  // 0644
    const auto warning = credentials_permission_warning(file);
    ASSERT_TRUE(warning.has_value());
    EXPECT_NE(warning->find(file.string()), std::string::npos) << *warning;
    EXPECT_NE(warning->find("0644"), std::string::npos) << *warning;
    EXPECT_NE(warning->find("chmod 600"), std::string::npos) << *warning;

    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);  // 0600
    EXPECT_FALSE(credentials_permission_warning(file).has_value());
}

}  // namespace
}  // namespace okod
