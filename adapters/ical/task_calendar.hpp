#pragma once
// okod's deadlines as an iCalendar feed (RFC 5545), for the calendar people already
// use: one timed VEVENT per task deadline, an open task with a VALARM at each moment
// okod sends it a reminder, and all-day VEVENTs for milestones such as council elections.
//
// The input is plain values (tasks and the names around them, already in the feed's
// language), so the output depends only on it: the same input gives the same bytes,
// whenever and however often a calendar app fetches it. Nothing here reads a store or
// a clock; daemon/api/ical_routes.cpp gathers the input.
//
// Usage:
//     CalendarFeed feed;
//     feed.name = "OKO – Maastricht";
//     feed.version = kVersion;
//     for (const auto& t : store.tasks(filter))
//         if (shows_in_feed(t, now)) feed.tasks.push_back({t, role, municipality, workflow});
//     feed.milestones = election_milestones(m, today);
//     std::string ics = task_calendar(feed, runtime.calendar);
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "model/holiday_rules.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod {

// A task with the names the feed shows, in the feed's language.
struct CalendarTask {
    Task task;
    std::string role_name;          // "Contactpersoon GGD"
    std::string municipality_name;  // "Maastricht"
    std::string workflow_name;      // "Implementatietraject"
    HolidayRules holidays;          // the municipality's, for the alarms' business days
};

// An all-day moment, e.g. a council election.
struct CalendarMilestone {
    std::string uid;  // stable: "election-GM0935-2026-03-18@okod"
    Date day{};
    Instant stamp{};  // DTSTAMP: a fixed moment, so the bytes stay the same
    std::string summary;
    std::string description;
};

struct CalendarFeed {
    std::string name;                                // X-WR-CALNAME: "OKO – Maastricht"
    std::string version;                             // okod's version, for PRODID
    Language language = Language::nl;                // of the task titles, labels and alarms
    TimeOfDay reminder_time = kDefaultReminderTime;  // the engine's: alarms match its e-mails
    std::vector<CalendarTask> tasks;
    std::vector<CalendarMilestone> milestones;
};

// How far back closed (done or skipped) tasks stay in a feed, by their deadline.
inline constexpr date::days kClosedTasksShownFor{90};

// Does the task belong in a feed at `now`: it has a deadline, and it is open or overdue,
// or it was closed and its deadline is less than kClosedTasksShownFor ago (or ahead).
bool shows_in_feed(const Task& t, Instant now);

// The council elections of `m` (regular and herindeling) from a year before `today`
// to five years after it, as Dutch all-day milestones.
std::vector<CalendarMilestone> election_milestones(const Municipality& m, Date today);

// The whole VCALENDAR, CRLF line ends. `business_days` moves reminders off weekends and
// holidays exactly as the engine does (engine/reminder_time.hpp). Tasks are written in
// deadline order (then id), milestones by day (then uid), whatever the input order.
std::string task_calendar(const CalendarFeed& feed, const Calendar& business_days);

}  // namespace okod
