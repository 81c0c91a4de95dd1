// The generic iCalendar writer: TEXT escaping, folding at 75 octets without splitting a
// UTF-8 sequence, CRLF line ends, and the date-time forms (UTC, Amsterdam wall clock
// across both DST changes, all-day dates).
#include "adapters/ical/ical_writer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/output_lines.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

using test::valid_utf8;

std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", start)) {
        lines.push_back(text.substr(start, at - start));
        start = at + 2;
    }
    EXPECT_EQ(start, text.size()) << "the text does not end in CRLF";
    return lines;
}

Instant utc(int y, unsigned m, unsigned d, int h, int min) {
    return Instant{date::sys_days{date::year{y} / date::month{m} / date::day{d}} +
                   std::chrono::hours{h} + std::chrono::minutes{min}};
}

TEST(IcalWriter, escapes_backslash_semicolon_comma_and_newlines_in_text) {
    EXPECT_EQ(ical_escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    EXPECT_EQ(ical_escape_text("Raad: besluit – €, ë"), "Raad: besluit – €\\, ë");
    // Control characters cannot appear in a content line; TAB can.
    EXPECT_EQ(ical_escape_text(std::string("a\x01\tb\x7f", 5)), "a\tb");
}

TEST(IcalWriter, a_short_line_is_one_line_with_crlf) {
    EXPECT_EQ(ical_fold("VERSION:2.0"), "VERSION:2.0\r\n");
    const std::string exactly75 = "SUMMARY:" + std::string(67, 'x');
    ASSERT_EQ(exactly75.size(), 75u);
    EXPECT_EQ(ical_fold(exactly75), exactly75 + "\r\n");
    EXPECT_EQ(ical_fold(exactly75 + "y"), exactly75 + "\r\n y\r\n");
}

TEST(IcalWriter, folds_at_75_octets_without_splitting_a_utf8_sequence) {
    // A long Dutch title full of two- and three-byte characters, at every offset.
    for (int pad = 0; pad < 6; ++pad) {
        const std::string value = std::string(static_cast<std::size_t>(pad), 'x') +
                                  "Deadline: Coördinatie van de ideeën – evaluatie met de GGD, "
                                  "scholen en sportverenigingen "
                                  "over preventie – financiële verantwoording aan de raad (reëel, "
                                  "geïntegreerd) – € 40.000";
        IcalWriter w;
        w.text("SUMMARY", value);
        const auto lines = physical_lines(w.str());
        ASSERT_GT(lines.size(), 2u);
        std::string unfolded;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            EXPECT_LE(lines[i].size(), 75u) << lines[i];
            if (i > 0) {
                ASSERT_EQ(lines[i][0], ' ');
                EXPECT_TRUE(valid_utf8(lines[i].substr(1))) << "line " << i << ": " << lines[i];
                unfolded += lines[i].substr(1);
            } else {
                EXPECT_TRUE(valid_utf8(lines[i])) << lines[i];
                unfolded += lines[i];
            }
        }
        EXPECT_EQ(unfolded, "SUMMARY:" + ical_escape_text(value));
    }
}

TEST(IcalWriter, every_line_ends_in_crlf_and_categories_are_escaped_one_by_one) {
    IcalWriter w;
    w.begin("VEVENT");
    w.text_list("CATEGORIES", {"OKO", "Raad, college"});
    w.end("VEVENT");
    EXPECT_EQ(w.str(), "BEGIN:VEVENT\r\nCATEGORIES:OKO,Raad\\, college\r\nEND:VEVENT\r\n");
}

TEST(IcalWriter, formats_utc_local_and_all_day_values) {
    EXPECT_EQ(ical_utc_date_time(utc(2026, 3, 24, 8, 0)), "20260324T080000Z");
    // Winter time (+01:00), summer time (+02:00), and the nights of both switches.
    EXPECT_EQ(ical_local_date_time(utc(2026, 3, 24, 8, 0)), "20260324T090000");
    EXPECT_EQ(ical_local_date_time(utc(2026, 3, 31, 15, 0)), "20260331T170000");
    EXPECT_EQ(ical_local_date_time(utc(2026, 3, 29, 0, 59)), "20260329T015900");
    EXPECT_EQ(ical_local_date_time(utc(2026, 3, 29, 1, 0)), "20260329T030000");
    EXPECT_EQ(ical_local_date_time(utc(2026, 10, 25, 0, 30)), "20261025T023000");
    EXPECT_EQ(ical_local_date_time(utc(2026, 10, 25, 1, 30)), "20261025T023000");
    EXPECT_EQ(ical_local_date_time(at_local(date::year{2026} / 10 / 27, TimeOfDay{17 * 60})),
              "20261027T170000");
    EXPECT_EQ(ical_date(date::year{2026} / 3 / 18), "20260318");
}

TEST(IcalWriter, writes_the_amsterdam_timezone_with_both_rules) {
    IcalWriter w;
    w.amsterdam_timezone();
    EXPECT_EQ(
        w.str(),
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
        "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
        "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n");
}

}  // namespace
}  // namespace okod
