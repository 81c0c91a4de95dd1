#include "calendar/calendar.hpp"

#include "calendar/public_holidays.hpp"
#include "rules/due_rule.hpp"

namespace okod {
namespace {

// School holidays last at most 44 days (summer); a year bounds every search.
constexpr int kMaxShiftDays = 366;

template <typename Predicate>
Date shift_until(Date d, Shift direction, Predicate ok) {
    if (direction == Shift::none) return d;
    const int step = direction == Shift::before ? -1 : 1;
    for (int i = 0; i < kMaxShiftDays && !ok(d); ++i) d = add_days(d, step);
    return d;
}

}  // namespace

bool Calendar::is_weekend(Date d) const {
    const date::weekday wd{date::sys_days{d}};
    return wd == date::Saturday || wd == date::Sunday;
}

bool Calendar::is_business_day(Date d, const HolidayRules& holidays) const {
    return !is_weekend(d) && !is_public_holiday(d, holidays);
}

bool Calendar::is_school_day(std::string_view region, Date d, const HolidayRules& holidays) const {
    return is_business_day(d, holidays) && school_.holiday_on(region, d) == nullptr;
}

Date Calendar::shift_business_day(Date d, Shift direction, const HolidayRules& holidays) const {
    return shift_until(d, direction, [&](Date x) { return is_business_day(x, holidays); });
}

Date Calendar::shift_school_time(std::string_view region, Date d, Shift direction,
                                 const HolidayRules& holidays) const {
    return shift_until(d, direction, [&](Date x) { return is_school_day(region, x, holidays); });
}

}  // namespace okod
