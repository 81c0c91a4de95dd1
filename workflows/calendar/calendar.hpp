#pragma once
// The working calendar due rules shift on: weekends, Dutch public holidays, and the
// school holidays of a region. Immutable after construction; safe to share.
#include <string_view>

#include "calendar/school_holidays.hpp"
#include "model/holiday_rules.hpp"
#include "time/instant.hpp"

namespace okod {

enum class Shift;

class Calendar {
public:
    Calendar() = default;
    explicit Calendar(SchoolHolidays school) : school_(std::move(school)) {}

    // `holidays`: the municipality's choice of Goede Vrijdag and Bevrijdingsdag
    // (default: the Algemene termijnenwet's).
    bool is_weekend(Date d) const;
    // Not weekend, not a public holiday.
    bool is_business_day(Date d, const HolidayRules& holidays = {}) const;
    // A business day outside the region's school holidays.
    bool is_school_day(std::string_view region, Date d, const HolidayRules& holidays = {}) const;

    // The nearest business day / school day on or before (Shift::before) or on or
    // after (Shift::after) `d`. Shift::none returns `d`.
    Date shift_business_day(Date d, Shift direction, const HolidayRules& holidays = {}) const;
    Date shift_school_time(std::string_view region, Date d, Shift direction,
                           const HolidayRules& holidays = {}) const;

    const SchoolHolidays& school_holidays() const { return school_; }

private:
    SchoolHolidays school_;
};

}  // namespace okod
