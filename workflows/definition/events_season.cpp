#include "definition/events_season.hpp"

#include "definition/definition.hpp"
#include "model/municipality.hpp"
#include "rules/due_rule.hpp"

namespace okod {
namespace {

bool before(Date a, Date b) { return date::sys_days{a} < date::sys_days{b}; }

}  // namespace

Date events_season_start(const Municipality& m, int year) {
    const Date day{date::year{year} / date::month{static_cast<unsigned>(m.events_season_month)} /
                   date::day{static_cast<unsigned>(m.events_season_day)}};
    return day.ok() ? day : Date{date::year{year} / date::February / date::last};
}

Date next_events_season(const Municipality& m, Date today) {
    const int year = static_cast<int>(today.year());
    const Date start = events_season_start(m, year);
    return before(start, today) ? events_season_start(m, year + 1) : start;
}

Date events_season_kickoff(const Municipality& m, Date today) {
    const int weeks = municipality_setting_or(m, "season_kickoff_weeks",
                                              EventsSeasonDefaults::kickoff_weeks, 0, 52);
    const int months =
        municipality_setting_or(m, "events_season_months", EventsSeasonDefaults::months, 1, 12);
    const Date ready = add_period(today, weeks, PeriodUnit::weeks);
    // The season that began the year before may still be on (one over the turn of the
    // year); the one after `ready`'s year begins after it, so three years settle it.
    const int first_year = static_cast<int>(ready.year()) - 1;
    for (int year = first_year; year < first_year + 2; ++year) {
        const Date start = events_season_start(m, year);
        if (!before(start, ready)) return start;  // ahead: its first day
        if (before(ready, add_period(start, months, PeriodUnit::months))) return ready;  // on
    }
    return events_season_start(m, first_year + 2);
}

}  // namespace okod
