#pragma once
// Municipal council elections (Kieswet). Nomination day is the Monday between
// 30 January and 5 February (31 January and 6 February in a leap year); voting is on
// the 44th day after it, so always a Wednesday between 15 and 21 March. Regular
// elections are every four years: 2014, 2018, 2022, 2026, 2030, ...
#include "time/instant.hpp"

#include <optional>

namespace okod {

bool is_council_election_year(int year);
// The regular March election day of `year` (computed for any year).
Date council_election_day(int year);
// The first regular election on or after `from`.
Date next_council_election(Date from);

}  // namespace okod
