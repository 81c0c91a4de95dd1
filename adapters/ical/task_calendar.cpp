#include "adapters/ical/task_calendar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <tuple>

#include "adapters/ical/ical_writer.hpp"
#include "calendar/elections.hpp"
#include "engine/reminder_time.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

class Words {
public:
    explicit Words(Language l) : l_(l) {}
    const char* operator()(const char* nl, const char* en) const {
        return l_ == Language::en ? en : nl;
    }

    std::string status(TaskStatus s) const {
        switch (s) {
            case TaskStatus::open:
                return (*this)("open", "open");
            case TaskStatus::overdue:
                return (*this)("te laat", "overdue");
            case TaskStatus::done:
                return (*this)("afgerond", "done");
            case TaskStatus::skipped:
                return (*this)("overgeslagen", "skipped");
        }
        return "";
    }
    std::string summary(const Task& t) const {
        const std::string& title = t.title.in(l_);
        switch (t.status) {
            case TaskStatus::done:
                return (*this)("Afgerond: ", "Done: ") + title;
            case TaskStatus::skipped:
                return (*this)("Overgeslagen: ", "Skipped: ") + title;
            default:
                return "Deadline: " + title;  // the same word in both languages
        }
    }
    std::string reminder(const Task& t, int lead_days) const {
        const std::string head = (*this)("Herinnering: ", "Reminder: ") + t.title.in(l_);
        if (lead_days == 0) return head + (*this)(" vandaag", " today");
        if (lead_days == 1) return head + (*this)(" over 1 dag", " in 1 day");
        return head + (*this)(" over ", " in ") + std::to_string(lead_days) +
               (*this)(" dagen", " days");
    }

private:
    Language l_;
};

// The lead times of a task, largest (earliest alarm) first, each once.
std::vector<int> lead_times(const Task& t) {
    std::vector<int> leads;
    for (int d : t.remind_days)
        if (d >= 0) leads.push_back(d);
    std::sort(leads.begin(), leads.end(), std::greater<>());
    leads.erase(std::unique(leads.begin(), leads.end()), leads.end());
    return leads;
}

void write_task(IcalWriter& w, const CalendarTask& c, const CalendarFeed& feed,
                const Calendar& business_days) {
    const Task& t = c.task;
    if (!t.due) return;
    const Words words(feed.language);
    w.begin("VEVENT");
    w.property("UID", fmt::format("task-{}@okod", t.id));
    // The task's own moments, not the time of the fetch: an unchanged task stays
    // byte-identical, so calendar apps see nothing to update; a moved deadline is a new
    // revision (SEQUENCE) and stamps the event anew.
    Instant stamp = t.created_at;
    for (const auto& moment : {t.revised_at, t.closed_at})
        if (moment && *moment > stamp) stamp = *moment;
    w.property("DTSTAMP", ical_utc_date_time(stamp));
    if (t.revision > 0) w.property("SEQUENCE", std::to_string(t.revision));
    w.property(fmt::format("DTSTART;TZID={}", kAmsterdamTzid), ical_local_date_time(*t.due));
    w.property("DURATION", "PT30M");
    w.text("SUMMARY", words.summary(t));
    std::string description =
        fmt::format("{}: {}\n{}: {}\n{}: {}\n{}: {}\n{}: {}", words("Rol", "Role"), c.role_name,
                    words("Gemeente", "Municipality"), c.municipality_name,
                    words("Werkproces", "Workflow"), c.workflow_name, words("Status", "Status"),
                    words.status(t.status), "Deadline", format_local_minutes(*t.due));
    if (!t.item.empty()) description += fmt::format("\n{}: {}", words("Onderdeel", "Item"), t.item);
    w.text("DESCRIPTION", description);
    w.text_list("CATEGORIES", {"OKO", c.role_name});
    w.property("STATUS", t.status == TaskStatus::skipped ? "CANCELLED" : "CONFIRMED");
    w.property("TRANSP", "TRANSPARENT");  // a deadline is not a meeting: the time stays free
    // Open tasks only: an overdue task's reminders are history (okod sends none once the
    // deadline passed) and a closed one needs none.
    if (t.status == TaskStatus::open) {
        for (int lead : lead_times(t)) {
            const Instant at =
                reminder_instant(business_days, feed.reminder_time, *t.due, lead, c.holidays);
            // okod skips a lead time that had passed when the task was made (it reminds
            // once at creation instead): no alarm a calendar would show as missed.
            if (at <= t.created_at) continue;
            w.begin("VALARM");
            w.property("ACTION", "DISPLAY");
            // Labelled by the days it really comes ahead (moved off a weekend or holiday).
            const int days_ahead =
                static_cast<int>((to_days(local_date(*t.due)) - to_days(local_date(at))).count());
            w.text("DESCRIPTION", words.reminder(t, days_ahead));
            w.property("TRIGGER;VALUE=DATE-TIME", ical_utc_date_time(at));
            w.end("VALARM");
        }
    }
    w.end("VEVENT");
}

void write_milestone(IcalWriter& w, const CalendarMilestone& m) {
    w.begin("VEVENT");
    w.property("UID", m.uid);
    w.property("DTSTAMP", ical_utc_date_time(m.stamp));
    w.property("DTSTART;VALUE=DATE", ical_date(m.day));
    w.property("DTEND;VALUE=DATE", ical_date(add_days(m.day, 1)));
    w.text("SUMMARY", m.summary);
    if (!m.description.empty()) w.text("DESCRIPTION", m.description);
    w.text_list("CATEGORIES", {"OKO"});
    w.property("TRANSP", "TRANSPARENT");
    w.end("VEVENT");
}

// `d` moved by whole years; 29 February becomes 28 February in a common year.
Date add_years(Date d, int years) {
    const Date moved = d + date::years{years};
    return moved.ok() ? moved : Date{moved.year() / moved.month() / date::last};
}

}  // namespace

bool shows_in_feed(const Task& t, Instant now) {
    if (!t.due) return false;
    if (!is_closed(t.status)) return true;
    return *t.due >= now - kClosedTasksShownFor;
}

std::vector<CalendarMilestone> election_milestones(const Municipality& m, Date today) {
    const Date from = add_years(today, -1);
    const Date to = add_years(today, 5);
    std::vector<CalendarMilestone> out;
    for (const Date day : council_elections(static_cast<int>(from.year()),
                                            static_cast<int>(to.year()), m.herindeling_elections)) {
        if (day < from || day > to) continue;
        const bool herindeling =
            std::find(m.herindeling_elections.begin(), m.herindeling_elections.end(), day) !=
            m.herindeling_elections.end();
        CalendarMilestone e;
        e.uid = fmt::format("election-{}-{}@okod", m.code, format_date(day));
        e.day = day;
        // Fixed per election and never after a fetch that shows it (the window ends five
        // years ahead): midnight UTC five years before the day.
        e.stamp = Instant{to_days(add_years(day, -5))};
        e.summary = "Gemeenteraadsverkiezingen";
        e.description =
            fmt::format("{} de gemeenteraad van {}.",
                        herindeling ? "Herindelingsverkiezing van" : "Verkiezing van", m.name);
        out.push_back(std::move(e));
    }
    return out;
}

std::string task_calendar(const CalendarFeed& feed, const Calendar& business_days) {
    std::vector<const CalendarTask*> tasks;
    for (const auto& c : feed.tasks)
        if (c.task.due) tasks.push_back(&c);
    std::sort(tasks.begin(), tasks.end(), [](const CalendarTask* a, const CalendarTask* b) {
        return std::tie(*a->task.due, a->task.id) < std::tie(*b->task.due, b->task.id);
    });
    std::vector<const CalendarMilestone*> milestones;
    for (const auto& m : feed.milestones) milestones.push_back(&m);
    std::sort(milestones.begin(), milestones.end(),
              [](const CalendarMilestone* a, const CalendarMilestone* b) {
                  return std::tie(a->day, a->uid) < std::tie(b->day, b->uid);
              });

    IcalWriter w;
    w.begin("VCALENDAR");
    w.property("VERSION", "2.0");
    w.property("PRODID", fmt::format("-//okod//okod {}//NL", feed.version));
    w.property("CALSCALE", "GREGORIAN");
    // No METHOD: this is a feed to subscribe to, not an iTIP message (PUBLISH would
    // want an ORGANIZER), and DTSTAMP then means "last revised in okod's store".
    w.text("X-WR-CALNAME", feed.name);
    w.property("X-WR-TIMEZONE", kAmsterdamTzid);
    w.amsterdam_timezone();
    for (const auto* m : milestones) write_milestone(w, *m);
    for (const auto* c : tasks) write_task(w, *c, feed, business_days);
    w.end("VCALENDAR");
    return w.str();
}

}  // namespace okod
