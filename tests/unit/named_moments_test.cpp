#include "definition/named_moments.hpp"

#include <gtest/gtest.h>

#include "definition/events_season.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

Municipality maastricht() {
    Municipality m;
    m.code = "GM0935";
    m.trajectory_start = d(2022, 1, 1);
    m.trajectory_years = 4;
    m.report_due_month = 2;
    m.report_due_day = 29;
    return m;
}

Instance second_year() {
    Instance i;
    i.year_one = d(2023, 1, 1);
    i.year_index = 2;
    i.started_at = at_local(d(2023, 1, 1), TimeOfDay{9});
    i.marks["entered"] = at_local(d(2024, 3, 4), TimeOfDay{9});
    i.marks["survey.done"] = at_local(d(2024, 5, 6), TimeOfDay{9});
    return i;
}

TEST(NamedMoments, every_built_in_moment_has_a_meaning_and_a_computation) {
    ASSERT_EQ(named_moments().size(), 13u);
    for (const auto& m : named_moments()) {
        EXPECT_FALSE(m.meaning.empty()) << m.name;
        EXPECT_NE(m.compute, nullptr) << m.name;
        EXPECT_EQ(find_named_moment(m.name), &m);
    }
    EXPECT_EQ(find_named_moment("elektion"), nullptr);
}

TEST(NamedMoments, only_municipality_wide_moments_can_start_a_definition) {
    EXPECT_EQ(named_moment_list(true), "trajectory_start, trajectory_end, first_january, election");
    EXPECT_TRUE(is_start_moment("election"));
    EXPECT_FALSE(is_start_moment("entered"));
    EXPECT_FALSE(is_start_moment("policy_start"));  // a [requires] date, not built in
}

TEST(NamedMoments, an_instance_resolves_its_own_moments_and_the_municipality_s) {
    const Municipality m = maastricht();
    const Instance i = second_year();
    const MomentInputs in{m, &i, d(2024, 6, 1)};
    EXPECT_EQ(resolve_moment("started", in), d(2023, 1, 1));
    EXPECT_EQ(resolve_moment("entered", in), d(2024, 3, 4));
    EXPECT_EQ(resolve_moment("year_start", in), d(2024, 1, 1));
    EXPECT_EQ(resolve_moment("trajectory_start", in), d(2022, 1, 1));
    EXPECT_EQ(resolve_moment("trajectory_end", in), d(2025, 12, 31));
    EXPECT_EQ(resolve_moment("report_due", in), d(2024, 2, 29));  // 2024 is a leap year
    EXPECT_EQ(resolve_moment("survey.done", in), d(2024, 5, 6));
    EXPECT_EQ(resolve_moment("feedback.done", in), std::nullopt);  // not yet
}

TEST(NamedMoments, the_report_day_29_february_clamps_in_other_years) {
    const Municipality m = maastricht();
    Instance i = second_year();
    i.year_index = 3;
    EXPECT_EQ(resolve_moment("report_due", {m, &i, d(2025, 1, 1)}), d(2025, 2, 28));
}

TEST(NamedMoments, the_instance_s_parameters_win_and_a_municipality_date_replaces_the_election) {
    Municipality m = maastricht();
    Instance i = second_year();
    // The playbook for an election keeps that election after the day has passed.
    i.params["election"] = "2026-03-18";
    EXPECT_EQ(resolve_moment("election", {m, &i, d(2026, 6, 1)}), d(2026, 3, 18));
    // A herindeling sets its own election day; trajectory_start is okod's.
    i.params.clear();
    m.dates["election"] = d(2025, 11, 19);
    m.dates["trajectory_start"] = d(2030, 1, 1);
    EXPECT_EQ(resolve_moment("election", {m, &i, d(2025, 1, 1)}), d(2025, 11, 19));
    EXPECT_EQ(resolve_moment("trajectory_start", {m, &i, d(2025, 1, 1)}), d(2022, 1, 1));
}

TEST(NamedMoments, the_events_season_is_the_next_one_from_today) {
    Municipality m = maastricht();
    m.events_season_month = 4;
    m.events_season_day = 1;
    EXPECT_EQ(resolve_moment("events_season", {m, nullptr, d(2026, 3, 1)}), d(2026, 4, 1));
    EXPECT_EQ(resolve_moment("events_season", {m, nullptr, d(2026, 4, 2)}), d(2027, 4, 1));
}

// Seed 000: the start of the festival season is the moment for a kick-off with (new)
// administrators; a kick-off needs weeks to prepare with the people it is for.
Municipality april_season() {
    Municipality m = maastricht();
    m.events_season_month = 4;  // 1 April, six months by default: to 30 September
    m.events_season_day = 1;
    return m;
}

Date kickoff(const Municipality& m, Date today) {
    return *resolve_moment("events_season_kickoff", {m, nullptr, today});
}

// A college installed in January (after a November herindeling election) has more
// than four weeks before the season: the kick-off is on the season's first day.
TEST(NamedMoments, a_kickoff_ahead_of_the_season_is_on_its_first_day) {
    EXPECT_EQ(kickoff(april_season(), d(2026, 1, 28)), d(2026, 4, 1));
    // 4 March + 28 days is 1 April itself: still the first day.
    EXPECT_EQ(kickoff(april_season(), d(2026, 3, 4)), d(2026, 4, 1));
}

// A college installed on 27 May, with the season on, holds it four weeks later, 24 June:
// in the election year, not on 1 April of the year after.
TEST(NamedMoments, a_kickoff_in_a_running_season_is_weeks_after_today) {
    EXPECT_EQ(kickoff(april_season(), d(2026, 5, 27)), d(2026, 6, 24));
    // 15 March + 28 days = 12 April: the season began on the 1st.
    EXPECT_EQ(kickoff(april_season(), d(2026, 3, 15)), d(2026, 4, 12));
}

// After the season (April - September) the next one: 15 September + 28 days is
// 13 October, the season is over, so 1 April 2027.
TEST(NamedMoments, after_the_season_the_kickoff_waits_for_the_next_one) {
    EXPECT_EQ(kickoff(april_season(), d(2026, 9, 15)), d(2027, 4, 1));
    EXPECT_EQ(kickoff(april_season(), d(2026, 9, 2)), d(2026, 9, 30));
}

TEST(NamedMoments, the_weeks_and_the_length_are_settings) {
    Municipality m = april_season();
    m.settings["season_kickoff_weeks"] = 2;  // 27 May + 14 days
    EXPECT_EQ(kickoff(m, d(2026, 5, 27)), d(2026, 6, 10));
    m.settings["events_season_months"] = 2;  // April - May: 10 June is after it
    EXPECT_EQ(kickoff(m, d(2026, 5, 27)), d(2027, 4, 1));
}

// A winter season (1 November, six months: to 30 April) runs over the turn of the year.
TEST(NamedMoments, a_season_may_run_over_the_new_year) {
    Municipality m = april_season();
    m.events_season_month = 11;
    EXPECT_EQ(kickoff(m, d(2027, 1, 4)), d(2027, 2, 1));
    EXPECT_EQ(kickoff(m, d(2027, 4, 20)), d(2027, 11, 1));
    EXPECT_EQ(next_events_season(m, d(2027, 1, 4)), d(2027, 11, 1));
}

TEST(NamedMoments, a_start_at_the_trajectory_end_begins_the_day_after_it) {
    Municipality m = maastricht();
    m.dates["policy_start"] = d(2023, 9, 1);
    const MomentInputs in{m, nullptr, d(2022, 1, 1)};
    EXPECT_EQ(start_day("trajectory_start", in), d(2022, 1, 1));
    EXPECT_EQ(start_day("trajectory_end", in), d(2026, 1, 1));
    EXPECT_EQ(start_day("policy_start", in), d(2023, 9, 1));
    EXPECT_EQ(start_day("subsidy_period_end", in), std::nullopt);  // not configured
    // Moments inside an instance cannot start one, even with a date of that name.
    EXPECT_EQ(start_day("started", in), std::nullopt);
}

// A definition that counts calendar years starts on a 1 January, and never before the
// trajectory: Maastricht (from 1 January 2022) at once, Groningen (from 1 April 2022)
// the next January.
TEST(NamedMoments, first_january_is_the_trajectory_start_or_the_next_new_year) {
    Municipality m = maastricht();
    EXPECT_EQ(start_day("first_january", {m, nullptr, d(2022, 1, 1)}), d(2022, 1, 1));
    m.trajectory_start = d(2022, 4, 1);
    EXPECT_EQ(start_day("first_january", {m, nullptr, d(2022, 4, 1)}), d(2023, 1, 1));
    m.trajectory_start = d(2022, 1, 2);
    EXPECT_EQ(start_day("first_january", {m, nullptr, d(2022, 1, 2)}), d(2023, 1, 1));
}

// The file format's documentation lists the same moments the registry knows.
TEST(NamedMoments, the_definition_readme_documents_every_built_in_moment) {
    const std::string readme = test::read_file(test::source_path("workflows/README.md"));
    const auto table = readme.find("### Named moments");
    ASSERT_NE(table, std::string::npos);
    const std::string section = readme.substr(table, readme.find("###", table + 3) - table);
    for (const auto& m : named_moments())
        EXPECT_NE(section.find("`" + std::string(m.name) + "`"), std::string::npos) << m.name;
}

}  // namespace
}  // namespace okod
