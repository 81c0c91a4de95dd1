#pragma once
// Strong time types used everywhere in okod.
//
// An Instant is a moment (UTC seconds); a Date is a calendar day as people in
// Europe/Amsterdam see it. Conversions between the two live in time/amsterdam.hpp,
// so DST is handled in exactly one place.
#include <date/date.h>

#include <chrono>

namespace okod {

using Instant = std::chrono::sys_seconds;
using Date = date::year_month_day;

// Minutes after local midnight ("09:00" -> 540). Kept as a plain count so a
// time of day can be stored and compared without a zone.
struct TimeOfDay {
    int minutes = 0;
    friend bool operator==(TimeOfDay, TimeOfDay) = default;
};

inline constexpr TimeOfDay kDefaultDueTime{17 * 60};      // end of the working day
inline constexpr TimeOfDay kDefaultReminderTime{9 * 60};  // start of the working day

inline date::sys_days to_days(Date d) { return date::sys_days{d}; }
inline Date to_date(date::sys_days d) { return Date{d}; }
inline Date add_days(Date d, int n) { return Date{date::sys_days{d} + date::days{n}}; }

}  // namespace okod
