#include "rules/due_rule.hpp"

#include "calendar/calendar.hpp"
#include "rules/instance_year.hpp"

namespace okod {
namespace {

// Adds calendar months; a day that does not exist in the target month (31 February)
// clamps to that month's last day.
Date add_months(Date d, int months) {
    const date::year_month ym = date::year_month{d.year(), d.month()} + date::months{months};
    const date::year_month_day_last last{ym.year(), date::month_day_last{ym.month()}};
    const date::day day = d.day() > last.day() ? last.day() : d.day();
    return Date{ym.year(), ym.month(), day};
}

struct Evaluator {
    const DueContext& ctx;

    DueResult operator()(const AbsoluteDate& r) const { return {r.date, {}}; }

    // Quarter N of the instance year (rules/instance_year.hpp): counted from the
    // year's first day, so Q4 never comes before Q3 when a year starts in autumn.
    DueResult operator()(const QuarterEnd& r) const {
        const int index = r.year == 0 ? ctx.year_index : r.year;
        return {instance_quarter_end(ctx.year_one, index, r.quarter), {}};
    }

    DueResult operator()(const AfterMoment& r) const {
        auto anchor = resolve(r.anchor);
        if (!anchor) return missing(r.anchor);
        return {add_period(*anchor, amount(r.amount, r.amount_setting), r.unit), {}};
    }

    DueResult operator()(const BeforeDate& r) const {
        auto anchor = resolve(r.anchor);
        if (!anchor) return missing(r.anchor);
        return {add_period(*anchor, -amount(r.amount, r.amount_setting), r.unit), {}};
    }

    DueResult operator()(const EveryYears& r) const {
        auto anchor = resolve(r.anchor);
        if (!anchor) return missing(r.anchor);
        const int every = r.every < 1 ? 1 : r.every;
        Date d = *anchor;
        for (int k = 1; date::sys_days{d} < date::sys_days{ctx.reference}; ++k)
            d = add_period(*anchor, k * every, PeriodUnit::years);
        return {d, {}};
    }

    int amount(int literal, const std::string& setting) const {
        if (setting.empty() || !ctx.setting) return literal;
        return ctx.setting(setting);
    }

    std::optional<Date> resolve(const std::string& name) const {
        return ctx.named_date ? ctx.named_date(name) : std::nullopt;
    }
    static DueResult missing(const std::string& name) { return {std::nullopt, name}; }
};

}  // namespace

std::string_view to_string(Shift s) {
    switch (s) {
        case Shift::before:
            return "before";
        case Shift::after:
            return "after";
        case Shift::none:
            break;
    }
    return "none";
}

std::string_view to_string(PeriodUnit u) {
    switch (u) {
        case PeriodUnit::days:
            return "days";
        case PeriodUnit::weeks:
            return "weeks";
        case PeriodUnit::months:
            return "months";
        case PeriodUnit::years:
            return "years";
    }
    return "days";
}

Date add_period(Date d, int amount, PeriodUnit unit) {
    switch (unit) {
        case PeriodUnit::days:
            return add_days(d, amount);
        case PeriodUnit::weeks:
            return add_days(d, 7 * amount);
        case PeriodUnit::months:
            return add_months(d, amount);
        case PeriodUnit::years:
            return add_months(d, 12 * amount);
    }
    return d;
}

Date quarter_end(int year, int quarter) {
    const unsigned month = static_cast<unsigned>(quarter) * 3;
    return Date{
        date::year_month_day_last{date::year{year}, date::month_day_last{date::month{month}}}};
}

Date late_start_day(const DueRule& rule, Date created, const Calendar& calendar,
                    std::string_view school_region, const HolidayRules& holidays) {
    Date d = created;
    for (int n = 0; n < kLateStartBusinessDays; ++n)
        d = calendar.shift_business_day(add_days(d, 1), Shift::after, holidays);
    if (rule.school_time != Shift::none)
        d = calendar.shift_school_time(school_region, d, Shift::after, holidays);
    return d;
}

DueResult due_date(const DueRule& rule, const DueContext& ctx) {
    DueResult result = std::visit(Evaluator{ctx}, rule.kind);
    if (!result.date || ctx.calendar == nullptr) return result;
    // School time implies a business day; apply it last so it wins.
    Date d = ctx.calendar->shift_business_day(*result.date, rule.business_day, ctx.holidays);
    if (rule.school_time != Shift::none)
        d = ctx.calendar->shift_school_time(ctx.school_region, d, rule.school_time, ctx.holidays);
    result.date = d;
    return result;
}

}  // namespace okod
