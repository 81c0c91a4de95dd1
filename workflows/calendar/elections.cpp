#include "calendar/elections.hpp"

#include <algorithm>

namespace okod {

bool is_council_election_year(int year) {
    // Not year % 4 == 2: that is -2 for years before 0.
    return ((year % 4) + 4) % 4 == 2;
}

Date council_election_day(int year) {
    const bool leap = date::year{year}.is_leap();
    // The window starts 30 January (31 in a leap year): the Monday in the 7 days from there.
    Date day{date::year{year}, date::January, date::day{leap ? 31u : 30u}};
    while (date::weekday{date::sys_days{day}} != date::Monday) day = add_days(day, 1);
    return add_days(day, 44);
}

Date next_council_election(Date from) {
    int year = static_cast<int>(from.year());
    while (!is_council_election_year(year)) ++year;
    Date day = council_election_day(year);
    if (date::sys_days{day} < date::sys_days{from}) day = council_election_day(year + 4);
    return day;
}

bool skipped_by_herindeling(Date march, const std::vector<Date>& herindeling) {
    return std::any_of(herindeling.begin(), herindeling.end(), [&](Date h) {
        // A year after a day that may not exist then (29 February) is 1 March.
        const auto limit = date::sys_days{(h.year() + date::years{1}) / h.month() / 1} +
                           date::days{static_cast<unsigned>(h.day()) - 1};
        return to_days(h) < to_days(march) && to_days(march) <= limit;
    });
}

std::vector<Date> council_elections(int from_year, int to_year,
                                    const std::vector<Date>& herindeling) {
    std::vector<Date> out;
    for (int year = from_year; year <= to_year; ++year) {
        if (!is_council_election_year(year)) continue;
        const Date march = council_election_day(year);
        if (!skipped_by_herindeling(march, herindeling)) out.push_back(march);
    }
    for (Date h : herindeling) {
        const int year = static_cast<int>(h.year());
        if (from_year <= year && year <= to_year) out.push_back(h);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Date next_election(Date from, const std::vector<Date>& herindeling) {
    // Each skipped March election needs its own herindeling, so this ends.
    Date regular = next_council_election(from);
    while (skipped_by_herindeling(regular, herindeling))
        regular = next_council_election(add_days(regular, 1));
    Date next = regular;
    for (Date h : herindeling)
        if (to_days(from) <= to_days(h) && to_days(h) < to_days(next)) next = h;
    return next;
}

}  // namespace okod
