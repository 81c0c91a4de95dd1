#include "calendar/calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/calendar/school_holidays_json.hpp"
#include "calendar/elections.hpp"
#include "calendar/public_holidays.hpp"
#include "rules/due_rule.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

TEST(PublicHolidays, easter_and_the_days_that_follow_it) {
    EXPECT_EQ(easter_sunday(2022), d(2022, 4, 17));
    EXPECT_EQ(easter_sunday(2024), d(2024, 3, 31));
    EXPECT_EQ(easter_sunday(2025), d(2025, 4, 20));
    EXPECT_TRUE(is_public_holiday(d(2024, 4, 1)));   // Tweede Paasdag
    EXPECT_TRUE(is_public_holiday(d(2024, 5, 9)));   // Hemelvaartsdag
    EXPECT_TRUE(is_public_holiday(d(2024, 5, 20)));  // Tweede Pinksterdag
    EXPECT_FALSE(is_public_holiday(d(2024, 5, 21)));
}

TEST(PublicHolidays, kings_day_moves_to_saturday_when_the_27th_is_a_sunday) {
    EXPECT_TRUE(is_public_holiday(d(2025, 4, 26)));
    EXPECT_FALSE(is_public_holiday(d(2025, 4, 27)));
    EXPECT_TRUE(is_public_holiday(d(2024, 4, 27)));
}

TEST(PublicHolidays, the_easter_based_days_of_several_years) {
    struct Year {
        int year;
        Date easter, hemelvaart, pinksteren;
    };
    for (const Year& y : {Year{2023, d(2023, 4, 9), d(2023, 5, 18), d(2023, 5, 28)},
                          Year{2024, d(2024, 3, 31), d(2024, 5, 9), d(2024, 5, 19)},
                          Year{2025, d(2025, 4, 20), d(2025, 5, 29), d(2025, 6, 8)},
                          Year{2026, d(2026, 4, 5), d(2026, 5, 14), d(2026, 5, 24)},
                          Year{2027, d(2027, 3, 28), d(2027, 5, 6), d(2027, 5, 16)}}) {
        SCOPED_TRACE(y.year);
        EXPECT_EQ(easter_sunday(y.year), y.easter);
        EXPECT_TRUE(is_public_holiday(y.easter));
        EXPECT_TRUE(is_public_holiday(add_days(y.easter, 1)));  // Tweede Paasdag
        // Goede Vrijdag: equated with a holiday by the Algemene termijnenwet, art. 3(2).
        EXPECT_TRUE(is_public_holiday(add_days(y.easter, -2)));
        EXPECT_TRUE(is_public_holiday(y.hemelvaart));
        EXPECT_TRUE(is_public_holiday(y.pinksteren));
        EXPECT_TRUE(is_public_holiday(add_days(y.pinksteren, 1)));  // Tweede Pinksterdag
        EXPECT_EQ(public_holidays(y.year).size(), 11u);
    }
}

// The municipality's choice ([holidays]): the CAO Gemeenten has Goede Vrijdag as a
// working day; agreements that give 5 May off only in lustrum years (divisible by 5:
// 2025, 2030) do not have it in 2026. Goede Vrijdag 2026 is 3 April (Easter 5 April).
TEST(PublicHolidays, goede_vrijdag_and_bevrijdingsdag_follow_the_municipality_s_rules) {
    EXPECT_TRUE(is_public_holiday(d(2026, 4, 3)));  // default: the Algemene termijnenwet
    EXPECT_TRUE(is_public_holiday(d(2026, 5, 5)));
    HolidayRules cao;
    cao.good_friday = false;
    EXPECT_FALSE(is_public_holiday(d(2026, 4, 3), cao));
    EXPECT_TRUE(is_public_holiday(d(2026, 5, 5), cao));
    HolidayRules lustrum;
    lustrum.liberation_day = LiberationDay::lustrum;
    EXPECT_FALSE(is_public_holiday(d(2026, 5, 5), lustrum));  // a Tuesday, a working day
    EXPECT_TRUE(is_public_holiday(d(2025, 5, 5), lustrum));
    EXPECT_TRUE(is_public_holiday(d(2030, 5, 5), lustrum));
    HolidayRules never;
    never.liberation_day = LiberationDay::never;
    EXPECT_FALSE(is_public_holiday(d(2025, 5, 5), never));
    // A deadline on Goede Vrijdag 2026 moves back to Thursday 2 April by default, and
    // stays on the Friday under the CAO Gemeenten.
    const Calendar cal;
    EXPECT_EQ(cal.shift_business_day(d(2026, 4, 3), Shift::before), d(2026, 4, 2));
    EXPECT_EQ(cal.shift_business_day(d(2026, 4, 3), Shift::before, cao), d(2026, 4, 3));
}

TEST(PublicHolidays, kings_day_is_26_april_in_the_years_the_27th_is_a_sunday) {
    for (int year = 2014; year <= 2040; ++year) {
        SCOPED_TRACE(year);
        const bool sunday = date::weekday{date::sys_days{d(year, 4, 27)}} == date::Sunday;
        const auto all = public_holidays(year);
        const auto kings = std::find_if(
            all.begin(), all.end(), [](const PublicHoliday& h) { return h.name == "Koningsdag"; });
        ASSERT_NE(kings, all.end());
        EXPECT_EQ(kings->date, sunday ? d(year, 4, 26) : d(year, 4, 27));
        EXPECT_EQ(is_public_holiday(d(year, 4, 27)), !sunday);
    }
    EXPECT_TRUE(is_public_holiday(d(2014, 4, 26)));  // the first Koningsdag
    EXPECT_TRUE(is_public_holiday(d(2025, 4, 26)));
    EXPECT_TRUE(is_public_holiday(d(2031, 4, 26)));
    EXPECT_TRUE(is_public_holiday(d(2026, 4, 27)));
}

TEST(Elections, council_elections_fall_on_the_kieswet_wednesday) {
    EXPECT_EQ(council_election_day(2014), d(2014, 3, 19));
    EXPECT_EQ(council_election_day(2018), d(2018, 3, 21));
    EXPECT_EQ(council_election_day(2022), d(2022, 3, 16));
    EXPECT_EQ(council_election_day(2026), d(2026, 3, 18));
    EXPECT_EQ(council_election_day(2030), d(2030, 3, 20));
    EXPECT_EQ(next_council_election(d(2022, 3, 17)), d(2026, 3, 18));
    EXPECT_EQ(next_council_election(d(2022, 3, 16)), d(2022, 3, 16));
}

TEST(SchoolHolidaysJson, the_shipped_calendar_loads_with_every_region) {
    std::vector<LoadError> errors;
    auto holidays = load_school_holidays_file(
        test::source_path("config/calendars/school-holidays.json"), errors);
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
    EXPECT_EQ(holidays.size(), 99u);  // 9 school years, 11 region entries each
    Calendar cal(SchoolHolidays(std::move(holidays)));
    // Herfstvakantie 2021: noord and midden from 16 October, zuid a week later.
    EXPECT_FALSE(cal.is_school_day("noord", d(2021, 10, 18)));
    EXPECT_TRUE(cal.is_school_day("zuid", d(2021, 10, 18)));
    EXPECT_FALSE(cal.is_school_day("zuid", d(2021, 10, 25)));
    // Kerstvakantie is national; the end date is inclusive.
    EXPECT_FALSE(cal.is_school_day("midden", d(2022, 1, 7)));
    EXPECT_TRUE(cal.is_school_day("midden", d(2022, 1, 10)));
}

TEST(SchoolHolidaysJson, stray_spaces_and_evening_utc_instants_are_understood) {
    const std::string text = R"([{"content":[{"vacations":[{"type":" Herfstvakantie ",
        "compulsorydates":"false","regions":[{"region":"noord ","startdate":"2024-10-18T22:00:00.000Z",
        "enddate":"2024-10-27T22:59:00.000Z"}]}]}]}])";
    std::vector<LoadError> errors;
    auto h = parse_school_holidays_json(text, "x.json", errors);
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
    ASSERT_EQ(h.size(), 1u);
    EXPECT_EQ(h[0].name, "Herfstvakantie");
    EXPECT_EQ(h[0].region, "noord");
    EXPECT_EQ(h[0].first, d(2024, 10, 19));
    EXPECT_EQ(h[0].last, d(2024, 10, 27));
}

TEST(SchoolHolidaysJson, a_bad_file_names_the_place_and_imports_nothing) {
    std::vector<LoadError> errors;
    auto h = parse_school_holidays_json(R"([{"content":[{"vacations":[{"type":"X","regions":[
        {"region":"zuid","startdate":"2024-10-19T00:00:00Z","enddate":"2024-10-27T00:00:00Z"},
        {"region":"oost","startdate":"2024-10-19T00:00:00Z","enddate":"2024-10-27T00:00:00Z"}]}]}]}])",
                                        "x.json", errors);
    EXPECT_TRUE(h.empty());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].to_string(),
              "x.json:3:19: [0].content[0].vacations[0].regions[1].region: unknown region 'oost' "
              "(noord, midden, zuid or heel Nederland)");

    errors.clear();
    parse_school_holidays_json("[{\"content\": [}", "y.json", errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].line, 1);
    EXPECT_EQ(errors[0].column, 15);
}

}  // namespace
}  // namespace okod
