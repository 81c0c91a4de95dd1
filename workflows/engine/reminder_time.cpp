#include "engine/reminder_time.hpp"

#include <algorithm>

#include "rules/due_rule.hpp"
#include "time/amsterdam.hpp"

namespace okod {

Instant reminder_instant(const Calendar& calendar, TimeOfDay reminder_time, Instant due,
                         int lead_days, const HolidayRules& holidays) {
    const Date day =
        calendar.shift_business_day(add_days(local_date(due), -lead_days), Shift::before, holidays);
    return std::min(at_local(day, reminder_time), due);
}

}  // namespace okod
