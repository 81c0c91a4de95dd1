#pragma once
// Municipal council elections (Kieswet). Nomination day is the Monday between
// 30 January and 5 February (31 January and 6 February in a leap year); voting is on
// the 44th day after it, so always a Wednesday between 15 and 21 March. Regular
// elections are every four years: 2014, 2018, 2022, 2026, 2030, ...
//
// Herindeling: a municipality formed by a merger elects its first council in
// November (a `herindeling_elections` date in its config). That council then sits
// through the next regular election if it comes within a year: the regular March
// election in the year after the herindeling election is skipped (November 2025
// skips March 2026), one further away is held (November 2023 still votes in March
// 2026). Pure functions; no I/O.
#include <vector>

#include "time/instant.hpp"

namespace okod {

bool is_council_election_year(int year);
// The regular March election day of `year` (computed for any year).
Date council_election_day(int year);
// The first regular election on or after `from`, ignoring herindeling.
Date next_council_election(Date from);

// Is the regular March election `march` skipped because of one of `herindeling`?
bool skipped_by_herindeling(Date march, const std::vector<Date>& herindeling);

// Every election day in the years [from_year, to_year], regular and herindeling,
// sorted and without duplicates.
std::vector<Date> council_elections(int from_year, int to_year,
                                    const std::vector<Date>& herindeling = {});

// The first election day on or after `from` under the rule above.
Date next_election(Date from, const std::vector<Date>& herindeling);

}  // namespace okod
