#pragma once
// The municipality's events (festival) season and the kick-off held in it.
//
// The regional project uses the start of the festival season for a kick-off with
// (new) administrators and everyone involved (seed 000: "de start van het
// evenementenseizoen aangrijpen om een kick-off moment te organiseren met (nieuwe)
// bestuurders"). The season starts on the municipality's `events_season_start` (MM-DD,
// default 1 April) and lasts `events_season_months` months (a setting, default 6:
// April - September). A kick-off needs a few weeks to prepare with the people it is
// for (`season_kickoff_weeks`, default 4): it is held on the season's first day when
// that is far enough ahead, or otherwise while the season is still on. A college
// installed in May after a March election so holds its kick-off in June of the
// election year, not in April of the year after.
#include "time/instant.hpp"

namespace okod {

struct Municipality;

struct EventsSeasonDefaults {
    static constexpr int months = 6;         // events_season_months: April - September
    static constexpr int kickoff_weeks = 4;  // season_kickoff_weeks: time to prepare
};

// The season's first day in `year` (29 February is the 28th in other years).
Date events_season_start(const Municipality& m, int year);

// The first day of the next season on or after `today` (the named moment events_season).
Date next_events_season(const Municipality& m, Date today);

// The kick-off day for people who are there from `today` (the named moment
// events_season_kickoff): the first day at least season_kickoff_weeks ahead on which the
// season is on: the season's first day, or that day itself when the season has begun
// and does not end before it.
Date events_season_kickoff(const Municipality& m, Date today);

}  // namespace okod
