#pragma once
// The instance year: the one definition every due rule, named moment and guard uses.
//
// An instance counts its own years from `year_one`, the day it started (a trajectory
// from 1 October, an OKO cycle from 1 April). Instance year K runs from
// year_one + (K-1) years for twelve months: its last day is the day before year K+1
// starts. Quarter N of that year is its Nth span of three months, in order:
// Q1 is the first three months, Q4 ends on the year's last day. This follows the
// source documents, which plan the trajectory in quarters counted from its start
// ("Q1: core team; Q2-Q3: survey; Q4: feedback and policy", BRIEF.md for a January
// start): a trajectory from October forms its core team by December, surveys in
// January-June and feeds back in July-September. For a year that starts on the first
// day of a calendar quarter the quarters are calendar quarters, taken in the order
// they come. A day of the year given as month and day (`report_due = "05-15"`) is its
// first occurrence on or after the year's first day; 29 February is the 28th in years
// without one.
#include "time/instant.hpp"

namespace okod {

struct InstanceYear {
    Date first{};  // the first day of the year
    Date last{};   // its last day, the day before the next year starts
};

// Year `index` (1-based) of an instance whose year 1 starts on `year_one`.
InstanceYear instance_year(Date year_one, int index);

// The last day of quarter `quarter` (1..4) of that year.
Date instance_quarter_end(Date year_one, int index, int quarter);

// The first `month`-`day` on or after `from`; 29 February clamps to the 28th in a year
// without it.
Date month_day_on_or_after(Date from, unsigned month, unsigned day);

}  // namespace okod
