#pragma once
// Europe/Amsterdam: the one time zone okod thinks in. All local-date <-> instant
// conversions go through here so daylight saving is handled in one place
// (a 09:00 reminder is 09:00 local on both sides of the DST change).
#include <optional>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod {

// The instant at which the local wall clock in Amsterdam shows `time` on `day`.
// Local times that do not exist (the skipped hour in March) resolve to the first
// instant after the gap; ambiguous ones (October) to the earlier of the two.
Instant at_local(Date day, TimeOfDay time);

// The local calendar day in Amsterdam at instant `t`.
Date local_date(Instant t);

// Amsterdam's offset from UTC at instant `t`: +1 h in winter, +2 h in summer.
std::chrono::seconds utc_offset(Instant t);

// ISO 8601 with the Amsterdam UTC offset: "2022-03-31T17:00:00+02:00".
std::string format_iso_local(Instant t);
// "2022-03-31 17:00" (human output).
std::string format_local_minutes(Instant t);
// "2022-03-31".
std::string format_date(Date d);

// Strict parsers for user input; nullopt when the text is not exactly that shape.
std::optional<Date> parse_date(std::string_view text);              // YYYY-MM-DD
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);  // HH:MM
// YYYY-MM-DD (local midnight) or a full ISO 8601 instant with offset (within ±14:00) or Z.
std::optional<Instant> parse_instant(std::string_view text);
// "YYYY-MM-DDTHH:MM" without offset, read as the wall clock in Amsterdam (what a
// date and time field in a form gives).
std::optional<Instant> parse_local_date_time(std::string_view text);

}  // namespace okod
