#include "definition/survey_window.hpp"

#include "definition/definition.hpp"
#include "definition/guards.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "rules/due_rule.hpp"
#include "rules/instance_year.hpp"

namespace okod {

SurveyWindow survey_window(const Municipality& m, Date year_first) {
    const auto start_month = static_cast<unsigned>(municipality_setting_or(
        m, "survey_window_start_month", SurveyWindowDefaults::start_month, 1, 12));
    const auto end_month = static_cast<unsigned>(municipality_setting_or(
        m, "survey_window_end_month", SurveyWindowDefaults::end_month, 1, 12));
    // The end month's last day in the year's first calendar year, else the next one.
    Date end{year_first.year() / date::month{end_month} / date::last};
    if (date::sys_days{end} < date::sys_days{year_first})
        end = Date{(year_first.year() + date::years{1}) / date::month{end_month} / date::last};
    int start_year = static_cast<int>(end.year());
    if (start_month > end_month) --start_year;
    return {Date{date::year{start_year} / date::month{start_month} / 1}, end};
}

Date monitoring_results_day(const Municipality& m, const Instance& i) {
    const Date first = instance_year(i.year_one, i.year_index).first;
    if (!is_survey_year(m, static_cast<int>(first.year())))
        return instance_quarter_end(i.year_one, i.year_index, 3);
    const int months = municipality_setting_or(m, "survey_report_months",
                                               SurveyWindowDefaults::survey_report_months, 0, 24);
    return add_period(survey_window(m, first).end, months, PeriodUnit::months);
}

}  // namespace okod
