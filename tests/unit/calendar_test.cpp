#include "adapters/calendar/school_holidays_json.hpp"
#include "calendar/calendar.hpp"
#include "calendar/elections.hpp"
#include "calendar/public_holidays.hpp"
#include "support/test_support.hpp"

#include <gtest/gtest.h>

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date{date::year{y}, date::month{m}, date::day{day}}; }

TEST(PublicHolidays, easter_and_the_days_that_follow_it) {
    EXPECT_EQ(easter_sunday(2022), d(2022, 4, 17));
    EXPECT_EQ(easter_sunday(2024), d(2024, 3, 31));
    EXPECT_EQ(easter_sunday(2025), d(2025, 4, 20));
    EXPECT_TRUE(is_public_holiday(d(2024, 4, 1)));    // Tweede Paasdag
    EXPECT_TRUE(is_public_holiday(d(2024, 5, 9)));    // Hemelvaartsdag
    EXPECT_TRUE(is_public_holiday(d(2024, 5, 20)));   // Tweede Pinksterdag
    EXPECT_FALSE(is_public_holiday(d(2024, 5, 21)));
}

TEST(PublicHolidays, kings_day_moves_to_saturday_when_the_27th_is_a_sunday) {
    EXPECT_TRUE(is_public_holiday(d(2025, 4, 26)));
    EXPECT_FALSE(is_public_holiday(d(2025, 4, 27)));
    EXPECT_TRUE(is_public_holiday(d(2024, 4, 27)));
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
    auto holidays = load_school_holidays_file(test::source_path("config/calendars/school-holidays.json"), errors);
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
    EXPECT_EQ(holidays.size(), 66u);
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
              "x.json: [0].content[0].vacations[0].regions[1].region: unknown region 'oost' (noord, "
              "midden, zuid or heel Nederland)");

    errors.clear();
    parse_school_holidays_json("[{\"content\": [}", "y.json", errors);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].line, 1);
    EXPECT_EQ(errors[0].column, 15);
}

}  // namespace
}  // namespace okod
