#pragma once
// School holidays imported with `okoctl calendar import-school-holidays`.
#include <string>
#include <vector>

#include "calendar/school_holidays.hpp"

namespace okod {

class CalendarStore {
public:
    virtual ~CalendarStore() = default;

    // An import replaces every school year it covers; the years it does not cover keep
    // their data.
    virtual void replace_school_holidays(const std::vector<SchoolHoliday>& holidays) = 0;
    // Unbounded, but a few rows per region and school year; by first day.
    virtual std::vector<SchoolHoliday> imported_school_holidays() = 0;
};

}  // namespace okod
