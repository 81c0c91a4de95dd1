// The rules for text people give okod (model/input_rules.hpp): control characters,
// e-mail addresses, reasons, and the escaping of log lines.
#include "model/input_rules.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

TEST(InputRules, a_name_with_a_control_character_is_refused_naming_field_and_character) {
    EXPECT_EQ(text_problem("name", "Eva\nde Vries"), "name: contains a control character (U+000A)");
    EXPECT_EQ(text_problem("name", std::string("Eva\0x", 5)),
              "name: contains a control character (U+0000)");
    EXPECT_EQ(text_problem("name", "Eva\r"), "name: contains a control character (U+000D)");
    EXPECT_EQ(text_problem("name", "Eva\x7f"), "name: contains a control character (U+007F)");
    EXPECT_EQ(text_problem("name", "Eva\tde Vries"), "name: contains a control character (U+0009)");
    EXPECT_EQ(text_problem("name", "\x1b[2J"), "name: contains a control character (U+001B)");
    EXPECT_EQ(text_problem("name",
                           "a\xc2\x85"
                           "b"),
              "name: contains a control character (U+0085)");  // NEL
}

TEST(InputRules, ordinary_names_pass_accents_and_all) {
    for (const char* name :
         {"Eva de Vries", "Jürgen Müller-Lüdenscheidt", "Zoë 't Hart", "Łukasz", "", "漢字"})
        EXPECT_EQ(text_problem("name", name), std::nullopt) << name;
}

TEST(InputRules, text_that_is_not_utf8_is_refused) {
    EXPECT_EQ(text_problem("name", "Caf\xe9"), "name: is not valid UTF-8 (byte 4 of the text)");
    EXPECT_TRUE(text_problem("name", "\xc0\xaf"));      // overlong '/'
    EXPECT_TRUE(text_problem("name", "\xed\xa0\x80"));  // a surrogate
}

TEST(InputRules, free_text_may_run_over_lines_but_never_holds_nul_or_cr) {
    EXPECT_EQ(text_problem("note", "besproken\nin het kernteam\t(2x)", TextKind::free_text),
              std::nullopt);
    EXPECT_EQ(text_problem("note", std::string("a\0b", 3), TextKind::free_text),
              "note: contains a control character (U+0000)");
    EXPECT_EQ(text_problem("note", "regel 1\r\nregel 2", TextKind::free_text),
              "note: contains a carriage return (U+000D); end lines with a line feed only");
    EXPECT_EQ(text_problem("note", "\x1b[31m", TextKind::free_text),
              "note: contains a control character (U+001B)");
}

TEST(InputRules, a_reason_of_only_whitespace_is_refused) {
    EXPECT_EQ(reason_problem("reason", "   "),
              "reason: must say why (it is empty or only whitespace)");
    EXPECT_EQ(reason_problem("reason", "\n\t "),
              "reason: must say why (it is empty or only whitespace)");
    EXPECT_EQ(reason_problem("reason", ""),
              "reason: must say why (it is empty or only whitespace)");
    EXPECT_EQ(reason_problem("reason", "raad vergadert later"), std::nullopt);
}

TEST(InputRules, an_email_address_is_one_dot_atom_addr_spec) {
    for (const char* ok : {"noor.bakker@ggdzl.example", "a@b", "o'brien+oko@gemeente-maastricht.nl",
                           "x_y@sub.domain.example", "{tag}@x.example"})
        EXPECT_TRUE(is_email_address(ok)) << ok;
    for (const char* bad : {"a@x.example, b@evil.example",
                            "Name <a@b.example>",
                            "<a@b.example>",
                            "a@b@c.example",
                            "a b@c.example",
                            "a@b .example",
                            "\"quoted\"@x.example",
                            "a@[127.0.0.1]",
                            ".a@x.example",
                            "a.@x.example",
                            "a..b@x.example",
                            "a@-x.example",
                            "a@x-.example",
                            "a@x..example",
                            "a@",
                            "@x.example",
                            "a",
                            "",
                            "a@x.example;b@y.example",
                            "é@x.example"})
        EXPECT_FALSE(is_email_address(bad)) << bad;
    EXPECT_FALSE(is_email_address(std::string(65, 'a') + "@x.example"));
    EXPECT_FALSE(is_email_address("a@" + std::string(64, 'b') + ".example"));
}

TEST(InputRules, an_email_refusal_says_what_is_wrong) {
    EXPECT_EQ(
        email_problem("email", "a@x.example, b@evil.example"),
        "email: 'a@x.example, b@evil.example' is not an e-mail address (one address, not a list)");
    EXPECT_EQ(email_problem("email", "Noor <noor@x.example>"),
              "email: 'Noor <noor@x.example>' is not an e-mail address (the address alone, without "
              "a name or <>)");
    EXPECT_EQ(email_problem("email", "noor@x.example\r\nBcc: evil@x.example"),
              "email: contains a control character (U+000D)");
    EXPECT_EQ(email_problem("email", "noor"),
              "email: 'noor' is not an e-mail address (one address local-part@domain, e.g. "
              "naam@gemeente.nl)");
    EXPECT_EQ(email_problem("email", "noor@ggdzl.example"), std::nullopt);
}

TEST(InputRules, escaping_keeps_every_control_character_off_the_log_line) {
    EXPECT_EQ(escape_control_characters("Eva\nforged [error] line\r\t"),
              "Eva\\nforged [error] line\\r\\t");
    EXPECT_EQ(escape_control_characters(std::string("a\0b\x1b[2J\x7f", 8)), "a\\x00b\\x1b[2J\\x7f");
    EXPECT_EQ(escape_control_characters("a\xc2\x85"
                                        "b\xe2\x80\xa8"
                                        "c"),
              "a\\u0085b\\u2028c");
    EXPECT_EQ(escape_control_characters("Caf\xe9"), "Caf\\xe9");
    EXPECT_EQ(escape_control_characters("Jürgen ✓ C:\\pad"), "Jürgen ✓ C:\\pad");
}

TEST(InputRules, timestamps_with_offsets_beyond_14_hours_are_refused) {
    EXPECT_FALSE(parse_instant("2026-03-31T17:00:00+99:00"));
    EXPECT_FALSE(parse_instant("2026-03-31T17:00:00+14:01"));
    EXPECT_FALSE(parse_instant("2026-03-31T17:00:00-15:00"));
    EXPECT_FALSE(parse_instant("2026-03-31T17:00:00+02:60"));
    EXPECT_TRUE(parse_instant("2026-03-31T17:00:00+14:00"));
    EXPECT_TRUE(parse_instant("2026-03-31T17:00:00-12:00"));
    EXPECT_EQ(parse_instant("2026-03-31T17:00:00+02:00"), parse_instant("2026-03-31T15:00:00Z"));
}

}  // namespace
}  // namespace okod
