#pragma once
// Due rules: how a definition says when something is due. Pure functions of the
// rule, the instance's situation and the calendar; no I/O, no clock.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "model/holiday_rules.hpp"
#include "time/instant.hpp"

namespace okod {

class Calendar;

enum class Shift { none, before, after };
std::string_view to_string(Shift s);

enum class PeriodUnit { days, weeks, months, years };
std::string_view to_string(PeriodUnit u);

// "2022-03-31"
struct AbsoluteDate {
    Date date{};
};
// "end of quarter N of instance year K"; year 0 means the instance's current year.
// Quarters count from the instance year's first day (see rules/instance_year.hpp):
// for a year from 1 October, Q1 ends 31 December and Q4 on 30 September.
struct QuarterEnd {
    int quarter = 4;
    int year = 0;
};
// "N days/weeks/months/years after <named moment>". Calendar months clamp to the
// month end: 2 months after 31 December is the last day of February.
// The amount may name a setting instead ("days = \"starter_pack_days_before\"").
struct AfterMoment {
    std::string anchor;
    int amount = 0;
    PeriodUnit unit = PeriodUnit::days;
    std::string amount_setting;  // when set, the amount is this setting's value
};
// "N days/weeks/months before <named date>", e.g. 90 days before the election.
struct BeforeDate {
    std::string anchor;
    int amount = 0;
    PeriodUnit unit = PeriodUnit::days;
    std::string amount_setting;  // when set, the amount is this setting's value
};
// "every N years from <named date or absolute date>": the first occurrence
// anchor + k*N years (k >= 0) that falls on or after the instance's reference day.
struct EveryYears {
    std::string anchor;
    int every = 1;
};

using DueKind = std::variant<AbsoluteDate, QuarterEnd, AfterMoment, BeforeDate, EveryYears>;

struct DueRule {
    DueKind kind = QuarterEnd{};
    Shift business_day = Shift::none;  // move off weekends and public holidays
    Shift school_time = Shift::none;   // move out of the municipality's school holidays
    std::optional<TimeOfDay> at;       // local time of the deadline; default 17:00
};

// What a rule can see when it is evaluated.
struct DueContext {
    Date year_one{};     // first day of the instance's year 1
    int year_index = 1;  // the instance's current year (1-based)
    Date reference{};    // the day the rule is evaluated for (e.g. state entry)
    std::string_view school_region;
    HolidayRules holidays;               // the municipality's Goede Vrijdag, Bevrijdingsdag
    const Calendar* calendar = nullptr;  // required when a rule shifts
    // Resolves a named moment ("survey.done", "trajectory_start", "election", ...)
    // to a local date; nullopt when it is not (yet) known.
    std::function<std::optional<Date>(std::string_view)> named_date;
    // The value of a named setting (lead times a municipality may change).
    std::function<int(std::string_view)> setting;
};

struct DueResult {
    std::optional<Date> date;
    std::string missing_anchor;  // set when the rule needs a moment that is not known yet
};

// The calendar day a rule lands on, after shifting.
DueResult due_date(const DueRule& rule, const DueContext& ctx);

// The late-start rule: a task whose deadline would lie before the moment it is created
// (work started by a late notice, a state entered after its year's quarter ended) is
// due kLateStartBusinessDays business days after the day of creation instead, moved
// further to a school day when the rule keeps to school time. Deadlines still ahead,
// however close, are not moved.
constexpr int kLateStartBusinessDays = 2;
Date late_start_day(const DueRule& rule, Date created, const Calendar& calendar,
                    std::string_view school_region, const HolidayRules& holidays = {});

// Calendar arithmetic used by the rules; exposed for tests and other rules.
Date add_period(Date d, int amount, PeriodUnit unit);  // amount may be negative
Date quarter_end(int year, int quarter);               // calendar quarter 1..4

}  // namespace okod
