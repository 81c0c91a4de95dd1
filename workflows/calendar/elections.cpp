#include "calendar/elections.hpp"

namespace okod {

bool is_council_election_year(int year) { return year % 4 == 2; }

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

}  // namespace okod
