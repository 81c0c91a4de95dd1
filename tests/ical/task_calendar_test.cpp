// Tasks and milestones as an iCalendar feed: one VEVENT per deadline with an alarm at
// the very instant the engine sends each reminder (also across both DST changes and
// when a lead time lands on a weekend or holiday), Dutch by default, stable bytes for
// the same input, and which tasks belong in a feed at all.
#include "adapters/ical/task_calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "calendar/elections.hpp"
#include "engine/reminder_time.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

Date day(int y, unsigned m, unsigned d) { return date::year{y} / date::month{m} / date::day{d}; }
Instant local(int y, unsigned m, unsigned d, int h, int min = 0) {
    return at_local(day(y, m, d), TimeOfDay{h * 60 + min});
}

// The content lines, unfolded.
std::vector<std::string> lines_of(std::string text) {
    for (auto at = text.find("\r\n "); at != std::string::npos; at = text.find("\r\n "))
        text.erase(at, 3);
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (auto at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", start)) {
        lines.push_back(text.substr(start, at - start));
        start = at + 2;
    }
    return lines;
}
// The lines of the VEVENT with this UID, from BEGIN to END.
std::vector<std::string> event(const std::string& ics, const std::string& uid) {
    const auto lines = lines_of(ics);
    const auto at = std::find(lines.begin(), lines.end(), "UID:" + uid);
    if (at == lines.end()) return {};
    auto begin = at;
    while (begin != lines.begin() && *begin != "BEGIN:VEVENT") --begin;
    auto end = std::find(at, lines.end(), "END:VEVENT");
    return {begin, end == lines.end() ? end : end + 1};
}
std::vector<std::string> with_prefix(const std::vector<std::string>& lines,
                                     const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.starts_with(prefix)) out.push_back(l.substr(prefix.size()));
    return out;
}

Task task(TaskId id, Instant due, std::vector<int> remind_days = {7}) {
    Task t;
    t.id = id;
    t.municipality = "GM0935";
    t.workflow = "oko-cycle";
    t.title = Text{"Jeugdmonitor voorbereiden", "Prepare the youth survey"};
    t.role = "ggd-contact";
    t.due = due;
    t.remind_days = std::move(remind_days);
    t.created_at = local(2026, 1, 5, 9);
    return t;
}
CalendarTask entry(Task t) {
    CalendarTask c;
    c.task = std::move(t);
    c.role_name = "Contactpersoon GGD";
    c.municipality_name = "Maastricht";
    c.workflow_name = "OKO-cyclus";
    return c;
}
CalendarFeed feed_of(std::vector<Task> tasks) {
    CalendarFeed f;
    f.name = "OKO – Maastricht";
    f.version = "0.1.0";
    for (auto& t : tasks) f.tasks.push_back(entry(std::move(t)));
    return f;
}
std::string ics_of(const CalendarFeed& f) { return task_calendar(f, Calendar{}); }
std::vector<std::string> triggers(const std::string& ics, TaskId id) {
    return with_prefix(event(ics, "task-" + std::to_string(id) + "@okod"),
                       "TRIGGER;VALUE=DATE-TIME:");
}

TEST(TaskCalendar, the_calendar_has_its_header_and_the_amsterdam_timezone) {
    const auto lines = lines_of(ics_of(feed_of({})));
    ASSERT_GE(lines.size(), 8u);
    EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
    EXPECT_EQ(lines.back(), "END:VCALENDAR");
    for (const char* l :
         {"VERSION:2.0", "PRODID:-//okod//okod 0.1.0//NL", "CALSCALE:GREGORIAN",
          "X-WR-CALNAME:OKO – Maastricht", "X-WR-TIMEZONE:Europe/Amsterdam", "BEGIN:VTIMEZONE",
          "TZID:Europe/Amsterdam", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"})
        EXPECT_NE(std::find(lines.begin(), lines.end(), l), lines.end()) << l;
}

TEST(TaskCalendar, a_task_is_a_dutch_timed_event_at_its_local_deadline) {
    const auto ics = ics_of(feed_of({task(42, local(2026, 3, 31, 17))}));
    const auto e = event(ics, "task-42@okod");
    ASSERT_FALSE(e.empty()) << ics;
    EXPECT_EQ(with_prefix(e, "DTSTART;TZID=Europe/Amsterdam:"),
              std::vector<std::string>{"20260331T170000"});
    EXPECT_EQ(with_prefix(e, "DURATION:"), std::vector<std::string>{"PT30M"});
    EXPECT_EQ(with_prefix(e, "SUMMARY:"),
              std::vector<std::string>{"Deadline: Jeugdmonitor voorbereiden"});
    EXPECT_EQ(with_prefix(e, "DTSTAMP:"),
              std::vector<std::string>{"20260105T080000Z"});  // created_at
    EXPECT_EQ(
        with_prefix(e, "DESCRIPTION:").front(),
        "Rol: Contactpersoon GGD\\nGemeente: Maastricht\\nWerkproces: OKO-cyclus\\nStatus: open\\n"
        "Deadline: 2026-03-31 17:00");
    EXPECT_EQ(with_prefix(e, "CATEGORIES:"), std::vector<std::string>{"OKO,Contactpersoon GGD"});
    EXPECT_EQ(with_prefix(e, "STATUS:"), std::vector<std::string>{"CONFIRMED"});
    EXPECT_EQ(with_prefix(e, "ACTION:"), std::vector<std::string>{"DISPLAY"});
    EXPECT_NE(std::find(e.begin(), e.end(),
                        "DESCRIPTION:Herinnering: Jeugdmonitor voorbereiden over 7 dagen"),
              e.end());
}

TEST(TaskCalendar, the_alarm_before_the_march_dst_change_is_at_nine_winter_time) {
    // Due Tuesday 31 March 17:00 CEST; the reminder a week earlier is Tuesday 24 March
    // 09:00 CET, before the switch on the 29th: 08:00Z, not 07:00Z.
    const Instant due = local(2026, 3, 31, 17);
    EXPECT_EQ(triggers(ics_of(feed_of({task(1, due)})), 1),
              std::vector<std::string>{"20260324T080000Z"});
    EXPECT_EQ(reminder_instant(Calendar{}, kDefaultReminderTime, due, 7), local(2026, 3, 24, 9));
}

TEST(TaskCalendar, the_alarm_before_the_october_dst_change_is_at_nine_summer_time) {
    // Due Tuesday 27 October 17:00 CET; a week earlier is 20 October 09:00 CEST: 07:00Z.
    const Instant due = local(2026, 10, 27, 17);
    EXPECT_EQ(triggers(ics_of(feed_of({task(2, due, {7, 1})})), 2),
              (std::vector<std::string>{"20261020T070000Z", "20261026T080000Z"}));
}

TEST(TaskCalendar, a_moved_deadline_has_a_sequence_and_is_stamped_when_it_moved) {
    Task t = task(1, local(2026, 3, 31, 17));
    auto stamps = [&] {
        return with_prefix(event(ics_of(feed_of({t})), "task-1@okod"), "DTSTAMP:");
    };
    auto sequences = [&] {
        return with_prefix(event(ics_of(feed_of({t})), "task-1@okod"), "SEQUENCE:");
    };
    EXPECT_EQ(sequences(), std::vector<std::string>{});
    t.revision = 2;
    t.revised_at = local(2026, 2, 10, 14);
    EXPECT_EQ(sequences(), std::vector<std::string>{"2"});
    EXPECT_EQ(stamps(), std::vector<std::string>{"20260210T130000Z"});
}

TEST(TaskCalendar, a_lead_time_that_had_passed_when_the_task_was_made_has_no_alarm) {
    // Made on Friday 27 March for Tuesday 31 March: okod skipped the 14- and 7-day
    // reminders (it reminded once at creation), so a calendar shows only the last one.
    Task t = task(1, local(2026, 3, 31, 17), {14, 7, 1});
    t.created_at = local(2026, 3, 27, 11);
    EXPECT_EQ(triggers(ics_of(feed_of({t})), 1), std::vector<std::string>{"20260330T070000Z"});
}

TEST(TaskCalendar, a_lead_time_on_a_weekend_or_holiday_moves_to_the_business_day_before) {
    // Lead 1 before Tuesday 7 April 2026 is Easter Monday: Thursday 2 April (Goede
    // Vrijdag, 3 April, is equated with a holiday by the Algemene termijnenwet, art.
    // 3(2), okod's default). Lead 2 before Monday 15 June is Saturday: Friday 12 June.
    const auto ics = ics_of(
        feed_of({task(3, local(2026, 4, 7, 17), {1}), task(4, local(2026, 6, 15, 17), {2})}));
    EXPECT_EQ(triggers(ics, 3), std::vector<std::string>{"20260402T070000Z"});
    EXPECT_EQ(triggers(ics, 4), std::vector<std::string>{"20260612T070000Z"});
}

TEST(TaskCalendar, an_alarm_is_never_after_the_deadline_and_follows_the_reminder_time) {
    CalendarFeed f = feed_of({task(5, local(2026, 5, 12, 8, 30), {0})});
    EXPECT_EQ(triggers(ics_of(f), 5),
              std::vector<std::string>{"20260512T063000Z"});  // the deadline itself
    f = feed_of({task(6, local(2026, 5, 12, 17), {1})});
    f.reminder_time = TimeOfDay{8 * 60 + 15};
    EXPECT_EQ(triggers(ics_of(f), 6), std::vector<std::string>{"20260511T061500Z"});
}

TEST(TaskCalendar, done_skipped_and_overdue_tasks_say_so_and_have_no_alarms) {
    Task done = task(7, local(2026, 3, 10, 17));
    done.status = TaskStatus::done;
    done.closed_at = local(2026, 3, 9, 14, 12);
    Task skipped = task(8, local(2026, 3, 11, 17));
    skipped.status = TaskStatus::skipped;
    skipped.closed_at = local(2026, 3, 9, 15);
    Task overdue = task(9, local(2026, 2, 20, 17));
    overdue.status = TaskStatus::overdue;
    const auto ics = ics_of(feed_of({done, skipped, overdue}));

    const auto d = event(ics, "task-7@okod");
    EXPECT_EQ(with_prefix(d, "SUMMARY:"),
              std::vector<std::string>{"Afgerond: Jeugdmonitor voorbereiden"});
    EXPECT_EQ(with_prefix(d, "DTSTAMP:"),
              std::vector<std::string>{"20260309T131200Z"});  // closed_at
    EXPECT_NE(with_prefix(d, "DESCRIPTION:").front().find("Status: afgerond"), std::string::npos);
    EXPECT_TRUE(triggers(ics, 7).empty());
    const auto s = event(ics, "task-8@okod");
    EXPECT_EQ(with_prefix(s, "STATUS:"), std::vector<std::string>{"CANCELLED"});
    EXPECT_NE(with_prefix(s, "DESCRIPTION:").front().find("Status: overgeslagen"),
              std::string::npos);
    EXPECT_TRUE(triggers(ics, 8).empty());
    const auto o = event(ics, "task-9@okod");
    EXPECT_EQ(with_prefix(o, "SUMMARY:"),
              std::vector<std::string>{"Deadline: Jeugdmonitor voorbereiden"});
    EXPECT_NE(with_prefix(o, "DESCRIPTION:").front().find("Status: te laat"), std::string::npos);
    EXPECT_TRUE(triggers(ics, 9).empty());  // its reminders are history
}

TEST(TaskCalendar, an_english_feed_uses_the_english_titles_and_words) {
    CalendarFeed f = feed_of({task(10, local(2026, 3, 31, 17), {7, 1})});
    f.language = Language::en;
    const auto e = event(ics_of(f), "task-10@okod");
    EXPECT_EQ(with_prefix(e, "SUMMARY:"),
              std::vector<std::string>{"Deadline: Prepare the youth survey"});
    EXPECT_NE(
        std::find(e.begin(), e.end(), "DESCRIPTION:Reminder: Prepare the youth survey in 1 day"),
        e.end());
}

TEST(TaskCalendar, the_same_input_gives_the_same_bytes_in_any_order) {
    Task a = task(11, local(2026, 4, 1, 17));
    a.title.nl =
        "Raad, college; en \\ GGD – evaluatie van de coördinatie met de sportverenigingen en "
        "scholen";
    const Task b = task(12, local(2026, 3, 20, 17), {14, 7, 1});
    CalendarFeed one = feed_of({a, b});
    CalendarFeed two = feed_of({b, a});
    Municipality m;
    m.code = "GM0935";
    m.name = "Maastricht";
    one.milestones = election_milestones(m, day(2026, 3, 2));
    two.milestones = one.milestones;
    std::reverse(two.milestones.begin(), two.milestones.end());
    const auto ics = ics_of(one);
    EXPECT_EQ(ics, ics_of(one));
    EXPECT_EQ(ics, ics_of(two));
    // Deadline order: task 12 (20 March) before task 11 (1 April).
    EXPECT_LT(ics.find("UID:task-12@okod"), ics.find("UID:task-11@okod"));
    EXPECT_NE(ics.find("SUMMARY:Deadline: Raad\\, college\\; en \\\\ GGD"), std::string::npos)
        << ics;
    for (const auto& line : lines_of(ics)) EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(TaskCalendar, which_tasks_show) {
    const Instant now = local(2026, 6, 1, 12);
    Task t = task(1, local(2026, 1, 1, 17));
    t.status = TaskStatus::overdue;
    EXPECT_TRUE(shows_in_feed(t, now));  // overdue: however long ago
    t.status = TaskStatus::done;
    EXPECT_FALSE(shows_in_feed(t, now));  // done, due 151 days ago
    t.due = now - date::days{89};
    EXPECT_TRUE(shows_in_feed(t, now));
    t.status = TaskStatus::skipped;
    t.due = now - date::days{91};
    EXPECT_FALSE(shows_in_feed(t, now));
    t.due = now + date::days{30};  // closed early
    EXPECT_TRUE(shows_in_feed(t, now));
    t.status = TaskStatus::open;
    t.due.reset();
    EXPECT_FALSE(shows_in_feed(t, now));  // no deadline, no event
}

TEST(TaskCalendar, council_elections_are_dutch_all_day_milestones_from_a_year_back_to_five_ahead) {
    Municipality m;
    m.code = "GM0935";
    m.name = "Maastricht";
    const auto elections = election_milestones(m, day(2026, 3, 2));
    ASSERT_EQ(elections.size(), 2u);  // 18 March 2026 and March 2030
    EXPECT_EQ(elections[0].uid, "election-GM0935-2026-03-18@okod");
    EXPECT_EQ(elections[0].summary, "Gemeenteraadsverkiezingen");
    EXPECT_EQ(elections[1].day, council_election_day(2030));

    CalendarFeed f = feed_of({});
    f.milestones = elections;
    const auto e = event(ics_of(f), "election-GM0935-2026-03-18@okod");
    EXPECT_EQ(with_prefix(e, "DTSTART;VALUE=DATE:"), std::vector<std::string>{"20260318"});
    EXPECT_EQ(with_prefix(e, "DTEND;VALUE=DATE:"), std::vector<std::string>{"20260319"});
    EXPECT_EQ(with_prefix(e, "SUMMARY:"), std::vector<std::string>{"Gemeenteraadsverkiezingen"});
    EXPECT_EQ(with_prefix(e, "DTSTAMP:"), std::vector<std::string>{"20210318T000000Z"});

    // A herindeling election in November 2025 replaces March 2026.
    m.herindeling_elections = {day(2025, 11, 19)};
    const auto merged = election_milestones(m, day(2025, 6, 1));
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_EQ(merged[0].day, day(2025, 11, 19));
    EXPECT_NE(merged[0].description.find("Herindelingsverkiezing"), std::string::npos);
    EXPECT_EQ(merged[1].day, council_election_day(2030));
}

}  // namespace
}  // namespace okod
