#pragma once
// The youth survey's field window and the moments that follow from it.
//
// The survey has a field period, not a day someone ticks: the GGD youth monitor runs
// from early October to late November (BRIEF.md), Planet Youth municipalities often
// survey in spring. A municipality sets the window in whole months through the OKO
// cycle's [settings]: survey_window_start_month and survey_window_end_month (default
// 10 and 11: 1 October - 30 November). The two months of feedback run from the window's
// end, whether or not the survey task is ticked (the hard rule of the model), and the
// reports follow at offsets that are settings too.
#include <optional>

#include "time/instant.hpp"

namespace okod {

struct Municipality;
struct Instance;

struct SurveyWindowDefaults {
    static constexpr int start_month = 10;          // GGD youth monitor: October ...
    static constexpr int end_month = 11;            // ... to November
    static constexpr int survey_report_months = 3;  // full report after fieldwork ends
};

struct SurveyWindow {
    Date start{};  // first day of fieldwork
    Date end{};    // last day of fieldwork
};

// The window of the instance year that starts on `year_first`: the first window end
// on or after that day, and the start month on or before it (a window may run over
// the turn of the year, e.g. November - February).
SurveyWindow survey_window(const Municipality& m, Date year_first);

// The day the year's monitoring results are in, which policy is written from: in a
// survey year the full survey report's deadline (window end + survey_report_months),
// otherwise the end of the year's third quarter, when the other data are gathered.
Date monitoring_results_day(const Municipality& m, const Instance& i);

}  // namespace okod
