#include "calendar/calendar.hpp"
#include "calendar/elections.hpp"
#include "rules/due_rule.hpp"
#include "time/amsterdam.hpp"

#include <gtest/gtest.h>

#include <map>

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date{date::year{y}, date::month{m}, date::day{day}}; }

DueRule rule(DueKind kind) {
    DueRule r;
    r.kind = std::move(kind);
    return r;
}

DueContext context(Date year_one, int year_index = 1, Date reference = d(2022, 1, 1),
                   std::map<std::string, Date> named = {}) {
    DueContext ctx;
    ctx.year_one = year_one;
    ctx.year_index = year_index;
    ctx.reference = reference;
    ctx.named_date = [named](std::string_view n) -> std::optional<Date> {
        auto it = named.find(std::string(n));
        if (it == named.end()) return std::nullopt;
        return it->second;
    };
    return ctx;
}

Date due(const DueRule& r, const DueContext& ctx) {
    auto res = due_date(r, ctx);
    EXPECT_TRUE(res.date.has_value()) << "missing " << res.missing_anchor;
    return res.date.value_or(Date{});
}

TEST(DueRule, two_months_after_31_december_is_the_last_day_of_february) {
    DueRule r = rule(AfterMoment{"survey.done", 2, PeriodUnit::months});
    EXPECT_EQ(due(r, context(d(2022, 1, 1), 1, d(2022, 1, 1), {{"survey.done", d(2022, 12, 31)}})),
              d(2023, 2, 28));
    // In a leap year February has 29 days.
    EXPECT_EQ(due(r, context(d(2023, 1, 1), 1, d(2023, 1, 1), {{"survey.done", d(2023, 12, 31)}})),
              d(2024, 2, 29));
}

TEST(DueRule, month_arithmetic_clamps_to_the_month_end_and_keeps_other_days) {
    EXPECT_EQ(add_period(d(2022, 1, 31), 1, PeriodUnit::months), d(2022, 2, 28));
    EXPECT_EQ(add_period(d(2022, 3, 31), 1, PeriodUnit::months), d(2022, 4, 30));
    EXPECT_EQ(add_period(d(2022, 9, 30), 2, PeriodUnit::months), d(2022, 11, 30));
    EXPECT_EQ(add_period(d(2022, 5, 15), -3, PeriodUnit::months), d(2022, 2, 15));
    EXPECT_EQ(add_period(d(2024, 2, 29), 1, PeriodUnit::years), d(2025, 2, 28));
    EXPECT_EQ(add_period(d(2024, 2, 29), 4, PeriodUnit::years), d(2028, 2, 29));
    EXPECT_EQ(add_period(d(2022, 12, 30), 2, PeriodUnit::weeks), d(2023, 1, 13));
}

TEST(DueRule, quarter_end_of_cycle_year_k) {
    EXPECT_EQ(quarter_end(2022, 1), d(2022, 3, 31));
    EXPECT_EQ(quarter_end(2022, 2), d(2022, 6, 30));
    EXPECT_EQ(quarter_end(2022, 3), d(2022, 9, 30));
    EXPECT_EQ(quarter_end(2022, 4), d(2022, 12, 31));
    // Year 2 of an instance that started in 2022; year 0 means the current year.
    EXPECT_EQ(due(rule(QuarterEnd{4, 2}), context(d(2022, 1, 1))), d(2023, 12, 31));
    EXPECT_EQ(due(rule(QuarterEnd{1, 0}), context(d(2022, 1, 1), 3)), d(2024, 3, 31));
}

TEST(DueRule, quarter_ends_of_an_instance_that_starts_in_april_fall_inside_its_years) {
    const Date april = d(2022, 4, 1);
    EXPECT_EQ(due(rule(QuarterEnd{1, 1}), context(april)), d(2023, 3, 31));
    EXPECT_EQ(due(rule(QuarterEnd{2, 1}), context(april)), d(2022, 6, 30));
    EXPECT_EQ(due(rule(QuarterEnd{4, 2}), context(april)), d(2023, 12, 31));
    EXPECT_EQ(due(rule(QuarterEnd{1, 2}), context(april)), d(2024, 3, 31));
}

TEST(DueRule, absolute_date_is_that_date) {
    EXPECT_EQ(due(rule(AbsoluteDate{d(2024, 5, 1)}), context(d(2022, 1, 1))), d(2024, 5, 1));
}

TEST(DueRule, days_before_a_named_date) {
    DueRule r = rule(BeforeDate{"election", 90, PeriodUnit::days});
    const Date election = next_council_election(d(2025, 6, 1));
    EXPECT_EQ(election, d(2026, 3, 18));
    EXPECT_EQ(due(r, context(d(2025, 1, 1), 1, d(2025, 6, 1), {{"election", election}})),
              d(2025, 12, 18));
}

TEST(DueRule, every_two_years_from_a_start_takes_the_next_occurrence) {
    DueRule r = rule(EveryYears{"trajectory_start", 2});
    const std::map<std::string, Date> named{{"trajectory_start", d(2022, 1, 1)}};
    EXPECT_EQ(due(r, context(d(2022, 1, 1), 1, d(2022, 1, 1), named)), d(2022, 1, 1));
    EXPECT_EQ(due(r, context(d(2022, 1, 1), 1, d(2022, 1, 2), named)), d(2024, 1, 1));
    EXPECT_EQ(due(r, context(d(2022, 1, 1), 1, d(2025, 6, 1), named)), d(2026, 1, 1));
}

TEST(DueRule, an_unknown_moment_is_reported_not_guessed) {
    DueRule r = rule(AfterMoment{"survey.done", 2, PeriodUnit::months});
    auto res = due_date(r, context(d(2022, 1, 1)));
    EXPECT_FALSE(res.date.has_value());
    EXPECT_EQ(res.missing_anchor, "survey.done");
}

TEST(DueRule, business_day_shifts_off_weekends_and_public_holidays) {
    Calendar cal;
    DueContext ctx = context(d(2022, 1, 1));
    ctx.calendar = &cal;
    DueRule before = rule(QuarterEnd{4, 1});
    before.business_day = Shift::before;
    EXPECT_EQ(due(before, ctx), d(2022, 12, 30));  // 31 Dec 2022 is a Saturday
    DueRule after = rule(AbsoluteDate{d(2023, 4, 10)});   // Tweede Paasdag
    after.business_day = Shift::after;
    EXPECT_EQ(due(after, ctx), d(2023, 4, 11));
    DueRule christmas = rule(AbsoluteDate{d(2021, 12, 25)});  // Saturday, then two holidays
    christmas.business_day = Shift::after;
    EXPECT_EQ(due(christmas, ctx), d(2021, 12, 27));
}

TEST(DueRule, school_time_shifts_out_of_the_regions_school_holidays) {
    // Zomervakantie 2022: zuid 23 July - 4 September, noord 16 July - 28 August.
    Calendar cal(SchoolHolidays({{"Zomervakantie", "zuid", d(2022, 7, 23), d(2022, 9, 4)},
                                 {"Zomervakantie", "noord", d(2022, 7, 16), d(2022, 8, 28)}}));
    DueContext ctx = context(d(2022, 1, 1));
    ctx.calendar = &cal;
    ctx.school_region = "zuid";
    DueRule after = rule(AbsoluteDate{d(2022, 8, 15)});
    after.school_time = Shift::after;
    EXPECT_EQ(due(after, ctx), d(2022, 9, 5));
    DueRule before = rule(AbsoluteDate{d(2022, 8, 15)});
    before.school_time = Shift::before;
    EXPECT_EQ(due(before, ctx), d(2022, 7, 22));
    ctx.school_region = "noord";
    EXPECT_EQ(due(after, ctx), d(2022, 8, 29));
}

}  // namespace
}  // namespace okod
