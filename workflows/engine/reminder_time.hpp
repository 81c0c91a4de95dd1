#pragma once
// When okod sends the reminder `lead_days` ahead of a deadline: at `reminder_time` on
// that day, moved back to a business day, and never after the deadline itself. One
// function, so the engine's timers and the calendar feeds' alarms cannot disagree.
// Pure: no I/O, no clock.
#include "calendar/calendar.hpp"
#include "time/instant.hpp"

namespace okod {

Instant reminder_instant(const Calendar& calendar, TimeOfDay reminder_time, Instant due,
                         int lead_days, const HolidayRules& holidays = {});

}  // namespace okod
