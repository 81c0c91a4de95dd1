#include <fmt/format.h>
#include <gtest/gtest.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}
Instant utc(int y, unsigned m, unsigned day, int h, int min = 0) {
    return Instant{date::sys_days{d(y, m, day)}.time_since_epoch() + std::chrono::hours{h} +
                   std::chrono::minutes{min}};
}

TEST(AmsterdamTime, nine_oclock_stays_nine_oclock_across_the_march_dst_change) {
    // DST starts on the last Sunday of March: 27 March 2022.
    EXPECT_EQ(at_local(d(2022, 3, 26), TimeOfDay{9 * 60}), utc(2022, 3, 26, 8));
    EXPECT_EQ(at_local(d(2022, 3, 27), TimeOfDay{9 * 60}), utc(2022, 3, 27, 7));
    EXPECT_EQ(at_local(d(2022, 3, 28), TimeOfDay{9 * 60}), utc(2022, 3, 28, 7));
    EXPECT_EQ(format_iso_local(at_local(d(2022, 3, 26), TimeOfDay{9 * 60})),
              "2022-03-26T09:00:00+01:00");
    EXPECT_EQ(format_iso_local(at_local(d(2022, 3, 28), TimeOfDay{9 * 60})),
              "2022-03-28T09:00:00+02:00");
}

TEST(AmsterdamTime, nine_oclock_stays_nine_oclock_across_the_october_dst_change) {
    // DST ends on the last Sunday of October: 30 October 2022.
    EXPECT_EQ(at_local(d(2022, 10, 29), TimeOfDay{9 * 60}), utc(2022, 10, 29, 7));
    EXPECT_EQ(at_local(d(2022, 10, 30), TimeOfDay{9 * 60}), utc(2022, 10, 30, 8));
    EXPECT_EQ(format_iso_local(utc(2022, 10, 30, 8)), "2022-10-30T09:00:00+01:00");
    // A week apart on the local clock is not 7*24 hours apart across the change.
    EXPECT_EQ(
        at_local(d(2022, 11, 2), TimeOfDay{9 * 60}) - at_local(d(2022, 10, 26), TimeOfDay{9 * 60}),
        std::chrono::hours{7 * 24 + 1});
}

TEST(AmsterdamTime, the_skipped_hour_resolves_to_the_moment_the_clock_jumps) {
    EXPECT_EQ(at_local(d(2022, 3, 27), TimeOfDay{2 * 60 + 30}), utc(2022, 3, 27, 1));
}

TEST(AmsterdamTime, the_repeated_hour_resolves_to_the_first_pass) {
    EXPECT_EQ(at_local(d(2022, 10, 30), TimeOfDay{2 * 60 + 30}), utc(2022, 10, 30, 0, 30));
}

// The EU rule (Directive 2000/84/EC), written out here rather than read from okod:
// summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October, in every year.
Date last_sunday(int year, unsigned month) {
    return Date{date::sys_days{date::year{year} / date::month{month} / date::Sunday[date::last]}};
}

TEST(AmsterdamTime, summer_time_follows_the_rule_in_2038_2050_and_2099) {
    // Debian's tzdata lists transitions up to 2037 only; the years after follow the rule.
    for (const int y : {2038, 2050, 2099}) {
        const Date march = last_sunday(y, 3), october = last_sunday(y, 10);
        SCOPED_TRACE(y);
        EXPECT_EQ(format_iso_local(utc(y, 7, 1, 10)), fmt::format("{}-07-01T12:00:00+02:00", y));
        EXPECT_EQ(format_iso_local(utc(y, 1, 15, 10)), fmt::format("{}-01-15T11:00:00+01:00", y));
        // A 09:00 reminder is 09:00 local on both sides of each change.
        const Date before_march{date::sys_days{march} - date::days{1}};
        EXPECT_EQ(at_local(before_march, TimeOfDay{9 * 60}),
                  Instant{date::sys_days{before_march}.time_since_epoch() + 8h});
        EXPECT_EQ(at_local(march, TimeOfDay{9 * 60}),
                  Instant{date::sys_days{march}.time_since_epoch() + 7h});
        EXPECT_EQ(at_local(october, TimeOfDay{9 * 60}),
                  Instant{date::sys_days{october}.time_since_epoch() + 8h});
        // The skipped hour and the moment of the change.
        EXPECT_EQ(at_local(march, TimeOfDay{2 * 60 + 30}),
                  Instant{date::sys_days{march}.time_since_epoch() + 1h});
        EXPECT_EQ(utc_offset(Instant{date::sys_days{october}.time_since_epoch() + 1h - 1s}), 2h);
        EXPECT_EQ(utc_offset(Instant{date::sys_days{october}.time_since_epoch() + 1h}), 1h);
    }
}

TEST(AmsterdamTime, every_year_to_2100_changes_on_the_last_sundays_of_march_and_october) {
    for (int y = 2022; y <= 2100; ++y) {
        const auto march = date::sys_days{last_sunday(y, 3)}.time_since_epoch() + 1h;
        const auto october = date::sys_days{last_sunday(y, 10)}.time_since_epoch() + 1h;
        EXPECT_EQ(utc_offset(Instant{march - 1s}), 1h) << y;
        EXPECT_EQ(utc_offset(Instant{march}), 2h) << y;
        EXPECT_EQ(utc_offset(Instant{october - 1s}), 2h) << y;
        EXPECT_EQ(utc_offset(Instant{october}), 1h) << y;
    }
}

TEST(AmsterdamTime, local_date_follows_the_amsterdam_midnight) {
    EXPECT_EQ(local_date(utc(2022, 6, 30, 22, 30)), d(2022, 7, 1));     // 00:30 CEST
    EXPECT_EQ(local_date(utc(2022, 12, 31, 22, 30)), d(2022, 12, 31));  // 23:30 CET
}

TEST(AmsterdamTime, parsers_accept_exact_shapes_only) {
    EXPECT_EQ(parse_date("2024-02-29"), d(2024, 2, 29));
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2023-2-1"));
    EXPECT_FALSE(parse_date("2023-02-01x"));
    EXPECT_EQ(parse_time_of_day("09:00")->minutes, 540);
    EXPECT_FALSE(parse_time_of_day("24:00"));
    EXPECT_FALSE(parse_time_of_day("9:00"));
    EXPECT_EQ(parse_instant("2026-03-01T08:00:00+01:00"), utc(2026, 3, 1, 7));
    EXPECT_EQ(parse_instant("2021-10-16T00:00:00Z"), utc(2021, 10, 16, 0));
    EXPECT_EQ(parse_instant("2022-07-01"), utc(2022, 6, 30, 22));
    EXPECT_FALSE(parse_instant("2026-03-01T08:00:00"));
}

TEST(AmsterdamTime, a_form_time_without_offset_is_the_wall_clock_in_amsterdam) {
    EXPECT_EQ(parse_local_date_time("2026-03-31T17:00"), utc(2026, 3, 31, 15));  // CEST
    EXPECT_EQ(parse_local_date_time("2026-03-27T17:00"), utc(2026, 3, 27, 16));  // CET
    EXPECT_FALSE(parse_local_date_time("2026-03-31T17:00:00+02:00"));
    EXPECT_FALSE(parse_local_date_time("2026-03-31 17:00"));
    EXPECT_FALSE(parse_local_date_time("2026-02-30T17:00"));
}

}  // namespace
}  // namespace okod
