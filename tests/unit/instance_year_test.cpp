// The instance year (workflows/README.md, "The instance year"; rules/instance_year.hpp):
// year K runs from year_one + (K-1) years for twelve months, quarter N is its Nth three
// months, and a month-day setting is its first occurrence on or after the year's first
// day. Expected dates are counted by hand from those rules.
#include "rules/instance_year.hpp"

#include <gtest/gtest.h>

#include "definition/definition.hpp"
#include "definition/guards.hpp"
#include "definition/named_moments.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "rules/due_rule.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

TEST(InstanceYear, a_year_from_1_october_runs_to_30_september) {
    const InstanceYear y1 = instance_year(d(2022, 10, 1), 1);
    EXPECT_EQ(y1.first, d(2022, 10, 1));
    EXPECT_EQ(y1.last, d(2023, 9, 30));
    const InstanceYear y3 = instance_year(d(2022, 10, 1), 3);
    EXPECT_EQ(y3.first, d(2024, 10, 1));
    EXPECT_EQ(y3.last, d(2025, 9, 30));
}

TEST(InstanceYear, quarters_of_an_autumn_start_come_in_order_and_q4_ends_the_year) {
    // October-December, January-March, April-June, July-September.
    const Date october = d(2022, 10, 1);
    EXPECT_EQ(instance_quarter_end(october, 1, 1), d(2022, 12, 31));
    EXPECT_EQ(instance_quarter_end(october, 1, 2), d(2023, 3, 31));
    EXPECT_EQ(instance_quarter_end(october, 1, 3), d(2023, 6, 30));
    EXPECT_EQ(instance_quarter_end(october, 1, 4), d(2023, 9, 30));
    DueContext ctx;
    ctx.year_one = october;
    ctx.year_index = 2;
    DueRule q3;
    q3.kind = QuarterEnd{3, 0};
    DueRule q4;
    q4.kind = QuarterEnd{4, 0};
    EXPECT_LT(to_days(*due_date(q3, ctx).date), to_days(*due_date(q4, ctx).date));
    EXPECT_EQ(*due_date(q4, ctx).date, d(2024, 9, 30));
}

TEST(InstanceYear, a_january_start_has_the_calendar_quarters) {
    const Date january = d(2022, 1, 1);
    EXPECT_EQ(instance_quarter_end(january, 1, 1), quarter_end(2022, 1));
    EXPECT_EQ(instance_quarter_end(january, 1, 2), quarter_end(2022, 2));
    EXPECT_EQ(instance_quarter_end(january, 1, 3), quarter_end(2022, 3));
    EXPECT_EQ(instance_quarter_end(january, 4, 4), quarter_end(2025, 4));
}

TEST(InstanceYear, a_month_day_is_the_first_occurrence_on_or_after_the_year_start) {
    EXPECT_EQ(month_day_on_or_after(d(2022, 10, 1), 5, 15), d(2023, 5, 15));
    EXPECT_EQ(month_day_on_or_after(d(2022, 1, 1), 5, 15), d(2022, 5, 15));
    EXPECT_EQ(month_day_on_or_after(d(2022, 5, 15), 5, 15), d(2022, 5, 15));
    // 29 February: the 28th in a year without it, the 29th in a leap year.
    EXPECT_EQ(month_day_on_or_after(d(2022, 3, 1), 2, 29), d(2023, 2, 28));
    EXPECT_EQ(month_day_on_or_after(d(2023, 3, 1), 2, 29), d(2024, 2, 29));
}

Municipality autumn_municipality() {
    Municipality m;
    m.code = "GM9999";
    m.trajectory_start = d(2022, 10, 1);
    m.trajectory_years = 4;
    m.report_due_month = 5;
    m.report_due_day = 15;
    m.survey_every_years = 2;
    return m;
}

// The case: a trajectory from 1 October with report_due 05-15 must not get its
// first council report due in May of the year before it started (overdue at creation).
TEST(InstanceYear, the_council_report_of_an_october_trajectory_is_due_the_next_may) {
    const Municipality m = autumn_municipality();
    Instance i;
    i.year_one = d(2022, 10, 1);
    i.year_index = 1;
    EXPECT_EQ(resolve_moment("report_due", {m, &i, d(2022, 10, 1)}), d(2023, 5, 15));
    EXPECT_EQ(resolve_moment("year_start", {m, &i, d(2022, 10, 1)}), d(2022, 10, 1));
    i.year_index = 2;
    EXPECT_EQ(resolve_moment("report_due", {m, &i, d(2023, 10, 1)}), d(2024, 5, 15));
    EXPECT_EQ(resolve_moment("year_start", {m, &i, d(2023, 10, 1)}), d(2023, 10, 1));
}

// needs_ggd_agreement asks for an agreement that runs until the survey's end, the end of
// Q3 of the instance year: 30 June 2023 for a year from 1 October 2022.
TEST(InstanceYear, the_ggd_agreement_guard_uses_the_instance_year_s_third_quarter) {
    Municipality m = autumn_municipality();
    Definition def;
    Instance i;
    i.year_one = d(2022, 10, 1);
    i.year_index = 1;
    m.dates[std::string(kGgdAgreementUntil)] = d(2023, 7, 1);
    EXPECT_FALSE(guard_holds("needs_ggd_agreement", def, i, m));
    m.dates[std::string(kGgdAgreementUntil)] = d(2023, 6, 29);
    EXPECT_TRUE(guard_holds("needs_ggd_agreement", def, i, m));
    EXPECT_TRUE(guard_holds("survey_year", def, i, m));
    i.year_index = 2;  // 2023-10-01: one year after the start, not a survey year
    EXPECT_FALSE(guard_holds("survey_year", def, i, m));
}

}  // namespace
}  // namespace okod
