#include "calendar/school_holidays.hpp"

#include <algorithm>

namespace okod {

SchoolHolidays::SchoolHolidays(std::vector<SchoolHoliday> holidays)
    : holidays_(std::move(holidays)) {
    std::sort(holidays_.begin(), holidays_.end(), [](const auto& a, const auto& b) {
        return date::sys_days{a.first} < date::sys_days{b.first};
    });
    if (holidays_.empty()) return;
    // The data covers from 1 August before the first holiday up to the last day of the
    // last one: a school year's data ends with its summer holiday, and nothing is known
    // of the next school year's autumn holiday.
    const Date first = holidays_.front().first;
    const int first_year = static_cast<int>(first.year()) - (first.month() < date::August ? 1 : 0);
    first_ = Date{date::year{first_year}, date::August, date::day{1}};
    last_ = holidays_.front().last;
    for (const auto& h : holidays_)
        if (date::sys_days{h.last} > date::sys_days{last_}) last_ = h.last;
}

std::optional<Date> SchoolHolidays::known_until() const {
    if (holidays_.empty()) return std::nullopt;
    return last_;
}

const SchoolHoliday* SchoolHolidays::holiday_on(std::string_view region, Date d) const {
    const auto day = date::sys_days{d};
    for (const auto& h : holidays_) {
        if (h.region != region && h.region != kAllRegions) continue;
        if (date::sys_days{h.first} <= day && day <= date::sys_days{h.last}) return &h;
    }
    return nullptr;
}

bool SchoolHolidays::covers(Date d) const {
    if (holidays_.empty()) return false;
    const auto day = date::sys_days{d};
    return date::sys_days{first_} <= day && day <= date::sys_days{last_};
}

bool is_school_region(std::string_view region) {
    return region == "noord" || region == "midden" || region == "zuid";
}

std::string school_year_of(Date d) {
    const int year = static_cast<int>(d.year());
    const int first = d.month() >= date::August ? year : year - 1;
    return std::to_string(first) + "-" + std::to_string(first + 1);
}

}  // namespace okod
