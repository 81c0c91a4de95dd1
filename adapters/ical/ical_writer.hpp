#pragma once
// A small iCalendar (RFC 5545) writer: content lines ending in CRLF, folded at 75
// octets without splitting a UTF-8 sequence, TEXT values escaped, and the date-time
// forms okod needs (UTC, Europe/Amsterdam wall clock, all-day dates). It knows nothing
// of tasks or municipalities; adapters/ical/task_calendar.hpp does.
//
// Usage:
//     IcalWriter w;
//     w.begin("VCALENDAR");
//     w.property("VERSION", "2.0");
//     w.amsterdam_timezone();
//     w.begin("VEVENT");
//     w.text("SUMMARY", "Deadline: evaluatie; fase 2");   // escaped
//     w.property("DTSTART;TZID=Europe/Amsterdam", ical_local_date_time(due));
//     w.end("VEVENT");
//     w.end("VCALENDAR");
//     send(w.str());
//
// Not thread-safe; cheap to make one per calendar.
#include <string>
#include <string_view>
#include <vector>

#include "time/instant.hpp"

namespace okod {

inline constexpr std::string_view kAmsterdamTzid = "Europe/Amsterdam";

// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped
// ("\\", "\;", "\,", "\n"); a CR LF pair counts as one newline; other control
// characters but TAB are dropped (they may not appear in a content line).
std::string ical_escape_text(std::string_view text);

// One content line, folded (RFC 5545 3.1): no physical line longer than 75 octets
// before its CRLF, continuation lines start with a space, and a fold never falls
// inside a UTF-8 sequence. Returns the line with its CRLF(s).
std::string ical_fold(std::string_view line);

// 20260324T080000Z
std::string ical_utc_date_time(Instant t);
// 20260324T090000: the wall clock in Europe/Amsterdam at `t`, for TZID=Europe/Amsterdam.
std::string ical_local_date_time(Instant t);
// 20260318, for VALUE=DATE.
std::string ical_date(Date d);

class IcalWriter {
public:
    void begin(std::string_view component);  // BEGIN:VEVENT
    void end(std::string_view component);    // END:VEVENT
    // `name` may carry parameters ("DTSTART;TZID=Europe/Amsterdam"); `value` is written
    // as it is, so it must already be in its value type's syntax.
    void property(std::string_view name, std::string_view value);
    // A TEXT property: the value is escaped.
    void text(std::string_view name, std::string_view value);
    // A list of TEXT values (CATEGORIES): each escaped, joined by commas.
    void text_list(std::string_view name, const std::vector<std::string>& values);
    // VTIMEZONE for Europe/Amsterdam (CET/CEST, the EU rule since 1996).
    void amsterdam_timezone();

    const std::string& str() const { return out_; }

private:
    std::string out_;
};

}  // namespace okod
