#include "rules/due_rule.hpp"

#include <gtest/gtest.h>

#include <map>

#include "adapters/calendar/school_holidays_json.hpp"
#include "calendar/calendar.hpp"
#include "calendar/elections.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

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
    DueRule r = rule(AfterMoment{"survey.done", 2, PeriodUnit::months, {}});
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

// Quarters count from the instance year's first day (workflows/README.md, "The
// instance year"): for a year from 1 April, Q1 is April-June and Q4 January-March.
TEST(DueRule, quarter_ends_of_an_instance_that_starts_in_april_come_in_order) {
    const Date april = d(2022, 4, 1);
    EXPECT_EQ(due(rule(QuarterEnd{1, 1}), context(april)), d(2022, 6, 30));
    EXPECT_EQ(due(rule(QuarterEnd{2, 1}), context(april)), d(2022, 9, 30));
    EXPECT_EQ(due(rule(QuarterEnd{4, 1}), context(april)), d(2023, 3, 31));
    EXPECT_EQ(due(rule(QuarterEnd{1, 2}), context(april)), d(2023, 6, 30));
    EXPECT_EQ(due(rule(QuarterEnd{4, 2}), context(april)), d(2024, 3, 31));
}

TEST(DueRule, absolute_date_is_that_date) {
    EXPECT_EQ(due(rule(AbsoluteDate{d(2024, 5, 1)}), context(d(2022, 1, 1))), d(2024, 5, 1));
}

TEST(DueRule, days_before_a_named_date) {
    DueRule r = rule(BeforeDate{"election", 90, PeriodUnit::days, {}});
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
    DueRule r = rule(AfterMoment{"survey.done", 2, PeriodUnit::months, {}});
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
    EXPECT_EQ(due(before, ctx), d(2022, 12, 30));        // 31 Dec 2022 is a Saturday
    DueRule after = rule(AbsoluteDate{d(2023, 4, 10)});  // Tweede Paasdag
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

// The late-start rule (workflows/README.md): two business days after the day of
// creation, then the first school day for a school_time rule.
TEST(DueRule, late_start_counts_two_business_days_after_creation) {
    const Calendar cal;
    const DueRule plain = rule(AbsoluteDate{d(2022, 1, 1)});
    // Thursday 6 October 2022: Friday 7, Monday 10.
    EXPECT_EQ(late_start_day(plain, d(2022, 10, 6), cal, "zuid"), d(2022, 10, 10));
    // Friday 7 October: Monday 10, Tuesday 11 (not one business day short).
    EXPECT_EQ(late_start_day(plain, d(2022, 10, 7), cal, "zuid"), d(2022, 10, 11));
    // Friday 23 December 2022: Christmas on Sunday and Monday 26th; Tuesday 27, Wed 28.
    EXPECT_EQ(late_start_day(plain, d(2022, 12, 23), cal, "zuid"), d(2022, 12, 28));
}

TEST(DueRule, late_start_of_a_school_time_rule_never_lands_in_the_summer_holiday) {
    // Zomervakantie 2022 zuid: 23 July - 4 September. Created Friday 22 July: two
    // business days on is Tuesday 26 July, inside it; the first school day after it is
    // Monday 5 September.
    const Calendar cal(SchoolHolidays({{"Zomervakantie", "zuid", d(2022, 7, 23), d(2022, 9, 4)}}));
    DueRule school = rule(QuarterEnd{2, 0});
    school.school_time = Shift::before;
    EXPECT_EQ(late_start_day(school, d(2022, 7, 22), cal, "zuid"), d(2022, 9, 5));
}

// The shipped calendar, as okod runs on it.
Calendar shipped_calendar() {
    std::vector<LoadError> errors;
    auto holidays = load_school_holidays_file(
        test::source_path("config/calendars/school-holidays.json"), errors);
    EXPECT_TRUE(errors.empty()) << errors.front().to_string();
    return Calendar(SchoolHolidays(std::move(holidays)));
}

// The deadline okod sets: the rule's day at 17:00 Amsterdam time.
std::string deadline(const DueRule& r, const DueContext& ctx) {
    return format_iso_local(at_local(due(r, ctx), r.at.value_or(kDefaultDueTime)));
}

TEST(DueRule,
     a_deadline_in_the_zuid_herfstvakantie_moves_before_it_and_keeps_17_00_across_the_dst_end) {
    // Herfstvakantie zuid 2024: 19-27 October; summer time ends on Sunday 27 October.
    const Calendar cal = shipped_calendar();
    DueContext ctx = context(d(2024, 1, 1));
    ctx.calendar = &cal;
    ctx.school_region = "zuid";
    DueRule before = rule(AbsoluteDate{d(2024, 10, 23)});
    before.school_time = Shift::before;
    EXPECT_EQ(deadline(before, ctx), "2024-10-18T17:00:00+02:00");
    DueRule after = before;
    after.school_time = Shift::after;
    EXPECT_EQ(deadline(after, ctx), "2024-10-28T17:00:00+01:00");
    // Noord has its herfstvakantie a week later (26 October - 3 November).
    ctx.school_region = "noord";
    EXPECT_EQ(deadline(before, ctx), "2024-10-23T17:00:00+02:00");
    EXPECT_EQ(deadline(rule(AbsoluteDate{d(2024, 10, 30)}), ctx), "2024-10-30T17:00:00+01:00");
    DueRule noord_before = rule(AbsoluteDate{d(2024, 10, 30)});
    noord_before.school_time = Shift::before;
    EXPECT_EQ(deadline(noord_before, ctx), "2024-10-25T17:00:00+02:00");
}

TEST(DueRule, school_time_skips_the_herfstvakantie_of_2026_which_ends_on_the_dst_sunday) {
    // Herfstvakantie zuid and midden 2026: 17-25 October; summer time ends on the 25th.
    const Calendar cal = shipped_calendar();
    DueContext ctx = context(d(2026, 1, 1));
    ctx.calendar = &cal;
    ctx.school_region = "zuid";
    DueRule r = rule(QuarterEnd{4, 1});  // 31 December 2026: in the Kerstvakantie
    r.school_time = Shift::before;
    EXPECT_EQ(deadline(r, ctx), "2026-12-18T17:00:00+01:00");
    DueRule oct = rule(AbsoluteDate{d(2026, 10, 20)});
    oct.school_time = Shift::before;
    EXPECT_EQ(deadline(oct, ctx), "2026-10-16T17:00:00+02:00");
    oct.school_time = Shift::after;
    EXPECT_EQ(deadline(oct, ctx), "2026-10-26T17:00:00+01:00");
}

TEST(DueRule, business_days_around_easter_2024_in_the_week_summer_time_starts) {
    // 31 March 2024 is both Easter Sunday and the start of summer time; Goede Vrijdag
    // (29 March) and Tweede Paasdag (1 April) are holidays in the Algemene termijnenwet
    // (art. 3), okod's default: back to Thursday 28 March.
    Calendar cal;
    DueContext ctx = context(d(2024, 1, 1));
    ctx.calendar = &cal;
    DueRule before = rule(AbsoluteDate{d(2024, 3, 31)});
    before.business_day = Shift::before;
    EXPECT_EQ(deadline(before, ctx), "2024-03-28T17:00:00+01:00");
    DueRule after = before;
    after.business_day = Shift::after;
    EXPECT_EQ(deadline(after, ctx), "2024-04-02T17:00:00+02:00");
    // A quarter end that is a Sunday in the DST week: Thursday, still winter time.
    DueRule q1 = rule(QuarterEnd{1, 1});
    q1.business_day = Shift::before;
    EXPECT_EQ(deadline(q1, ctx), "2024-03-28T17:00:00+01:00");
}

TEST(DueRule, business_days_skip_kings_day_and_ascension_and_keep_the_rules_time) {
    Calendar cal;
    DueContext ctx = context(d(2025, 1, 1));
    ctx.calendar = &cal;
    // Koningsdag 2025 is Saturday 26 April (the 27th is a Sunday): Monday 28th is a workday.
    DueRule kings = rule(AbsoluteDate{d(2025, 4, 26)});
    kings.business_day = Shift::after;
    EXPECT_EQ(deadline(kings, ctx), "2025-04-28T17:00:00+02:00");
    // Hemelvaartsdag 2025 is Thursday 29 May.
    DueRule ascension = rule(AbsoluteDate{d(2025, 5, 29)});
    ascension.business_day = Shift::before;
    ascension.at = TimeOfDay{9 * 60};
    EXPECT_EQ(deadline(ascension, ctx), "2025-05-28T09:00:00+02:00");
    ascension.business_day = Shift::after;
    EXPECT_EQ(deadline(ascension, ctx), "2025-05-30T09:00:00+02:00");
}

}  // namespace
}  // namespace okod
