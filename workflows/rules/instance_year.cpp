#include "rules/instance_year.hpp"

#include "rules/due_rule.hpp"

namespace okod {
namespace {

Date month_day_in(int year, unsigned month, unsigned day) {
    const date::year_month ym{date::year{year}, date::month{month}};
    const Date d{ym / date::day{day}};
    return d.ok() ? d : Date{ym / date::last};
}

}  // namespace

InstanceYear instance_year(Date year_one, int index) {
    const int k = index < 1 ? 0 : index - 1;
    // Each year is counted from year_one, not from the year before, so a start on
    // 29 February keeps the 29th in the leap years after it.
    const Date first = add_period(year_one, k, PeriodUnit::years);
    const Date next = add_period(year_one, k + 1, PeriodUnit::years);
    return {first, add_days(next, -1)};
}

Date instance_quarter_end(Date year_one, int index, int quarter) {
    const InstanceYear y = instance_year(year_one, index);
    if (quarter >= 4) return y.last;
    return add_days(add_period(y.first, 3 * quarter, PeriodUnit::months), -1);
}

Date month_day_on_or_after(Date from, unsigned month, unsigned day) {
    const int year = static_cast<int>(from.year());
    const Date same = month_day_in(year, month, day);
    if (date::sys_days{same} >= date::sys_days{from}) return same;
    return month_day_in(year + 1, month, day);
}

}  // namespace okod
