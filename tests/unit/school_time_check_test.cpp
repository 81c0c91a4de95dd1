// School time beyond the data (README, Configuration): okod can keep a school_time
// deadline out of the school holidays it knows only; when a municipality's workflows
// keep to school time and the data ends within a year, okod says so.
#include "definition/school_time_check.hpp"

#include <gtest/gtest.h>

#include "adapters/calendar/school_holidays_json.hpp"
#include "rules/due_rule.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

Definition with_due(const std::string& id, Shift school_time) {
    Definition def;
    def.id = id;
    def.version = 1;
    StateSpec state;
    state.id = "s";
    TaskSpec task;
    task.id = "t";
    task.due.school_time = school_time;
    state.tasks.push_back(task);
    def.states.push_back(state);
    return def;
}

Municipality running(std::vector<std::string> workflows) {
    Municipality m;
    m.code = "GM0935";
    m.name = "Maastricht";
    m.school_region = "zuid";
    m.workflows = std::move(workflows);
    return m;
}

// The data below ends on 4 September 2022 (the zuid summer holiday).
TEST(SchoolTimeCheck, a_school_time_rule_within_a_year_of_the_data_s_end_is_reported) {
    DefinitionRegistry defs;
    defs.add(with_due("survey", Shift::before));
    defs.add(with_due("office", Shift::none));
    const SchoolHolidays holidays({{"Zomervakantie", "zuid", d(2022, 7, 23), d(2022, 9, 4)}});
    // 4 September 2022 is less than 366 days after 1 October 2021: reported.
    const auto gap = school_data_gap(running({"survey"}), defs, holidays, d(2021, 10, 1));
    ASSERT_TRUE(gap.has_value());
    EXPECT_EQ(gap->known_until, d(2022, 9, 4));
    EXPECT_NE(describe(*gap, running({"survey"}), Language::nl)
                  .find("schoolvakanties bekend t/m 2022-09-04"),
              std::string::npos);
    // A year and more ahead: nothing to say yet.
    EXPECT_FALSE(school_data_gap(running({"survey"}), defs, holidays, d(2021, 9, 1)));
    // A municipality whose workflows never keep to school time needs no school holidays.
    EXPECT_FALSE(school_data_gap(running({"office"}), defs, holidays, d(2022, 10, 1)));
    // No data at all.
    const auto none = school_data_gap(running({"survey"}), defs, SchoolHolidays{}, d(2022, 1, 1));
    ASSERT_TRUE(none.has_value());
    EXPECT_FALSE(none->known_until.has_value());
}

// The shipped calendar runs to the last published school year, 2029-2030: its last
// day is the end of noord's summer holiday 2030, Sunday 1 September (Rijksoverheid,
// config/calendars/SOURCES.md).
TEST(SchoolTimeCheck, the_shipped_calendar_is_known_until_the_summer_of_2030) {
    std::vector<LoadError> errors;
    const SchoolHolidays holidays(load_school_holidays_file(
        test::source_path("config/calendars/school-holidays.json"), errors));
    ASSERT_TRUE(errors.empty());
    EXPECT_EQ(holidays.known_until(), d(2030, 9, 1));
    // Voorjaarsvakantie 2029 zuid: 10-18 February (not the five weeks of one source).
    EXPECT_NE(holidays.holiday_on("zuid", d(2029, 2, 18)), nullptr);
    EXPECT_EQ(holidays.holiday_on("zuid", d(2029, 2, 19)), nullptr);
}

}  // namespace
}  // namespace okod
