#pragma once
// The yearly status report to college and council (jaarrapportage): what okod knows of
// one municipality's year, gathered from the store, ready to be written as HTML or
// Markdown. Pure data; annual_report_builder.hpp fills it, adapters/report renders it.
#include <optional>
#include <string>
#include <vector>

#include "model/activity_status.hpp"
#include "model/capacity.hpp"
#include "model/execution_plan.hpp"
#include "model/municipality.hpp"
#include "model/process_monitor.hpp"
#include "model/text.hpp"
#include "model/year_plan.hpp"
#include "time/instant.hpp"

namespace okod {

struct ReportPosition {
    std::string workflow_name;  // in the report's language
    std::string state_name;
    Instant started{};
};

// A change of step during the year: "OKO-cyclus: Monitoring → Terugkoppeling en dialoog".
struct ReportTransition {
    Instant at{};
    std::string workflow_name;
    std::string from_state, to_state;  // names
};

struct ReportYearCounts {
    int tasks_done_on_time = 0, tasks_done_late = 0, tasks_skipped = 0;
    int overdue_open = 0;  // due this year, still open at the end of it (or now)
    int reminders = 0, escalations = 0, vacancies = 0, instances_started = 0;
};

struct ReportDeadline {
    Instant due{};
    std::string title;
    std::string role_name;
    bool report = false;  // a reporting deadline
};

struct ReportBudgetLine {
    BudgetLine line;
    bool ended = false;               // its last day is before the report's period end
    bool ends_within_a_year = false;  // still running, but not a year from the period end
};

struct ReportVacancy {
    std::string role_name;
};

// A policy goal with its figures: baseline, target and the survey values of its
// indicator and population (okoctl import survey).
struct ReportGoal {
    PolicyGoal goal;
    std::vector<std::pair<int, double>> measured;  // (year, value), by year
    // Latest value against baseline and target: groen when the target is met, oranje
    // when it moved the right way, rood when not (or no measurement yet).
    TrafficLight light = TrafficLight::rood;
};

struct AnnualReport {
    Language language = Language::nl;
    std::string municipality_code, municipality_name;
    int year = 0;
    Instant generated_at{};
    Date period_end{};  // 31 December, or today when the year is not over
    Date trajectory_start{}, trajectory_end{};

    std::vector<ReportPosition> position;
    std::vector<ReportTransition> transitions;
    ReportYearCounts counts;
    std::vector<ProcessStep> trajectory_steps;  // implementation trajectory, due this year
    std::vector<std::string> step_names;        // per trajectory step: its task title
    Capacity capacity;
    std::vector<ReportBudgetLine> budget_lines;
    std::vector<ReportVacancy> vacancies;
    bool has_wethouder = false;  // support: an alderman holds the ambassador role

    Date next_election{};
    std::optional<int> next_survey_year;
    std::vector<ReportDeadline> upcoming;   // open tasks due in the twelve months after period_end
    std::vector<ReportDeadline> next_year;  // what the cycle schedules for year + 1 (draft plan)

    // From the year plan (config/municipalities/plans/<CODE>-<YEAR>.toml), when there is one.
    std::optional<YearOverview> activities;
    std::vector<ReportGoal> goals;

    // The execution plan after a Scanner: the actions recorded by the end of the period,
    // per recommendation, with their light as it is now (okod keeps no history of an
    // action's light). Set when there are actions or the municipality runs the
    // scanner-execution-plan workflow (then possibly without actions: "none recorded").
    std::optional<ExecutionPlan> execution_plan;
};

}  // namespace okod
