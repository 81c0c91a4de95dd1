#include "report/annual_report_builder.hpp"

#include <algorithm>
#include <map>

#include "calendar/elections.hpp"
#include "definition/guards.hpp"
#include "definition/registry.hpp"
#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "model/store.hpp"
#include "time/amsterdam.hpp"

namespace okod {

namespace {

Date day(int y, unsigned m, unsigned d) {
    return Date{date::year{y}, date::month{m}, date::day{d}};
}

// Names as the definition an instance runs has them: a workflow's name, a state's.
struct Names {
    const DefinitionRegistry& defs;
    Language language;

    const Definition* of(const Instance& i) const {
        return defs.get(i.definition_id, i.definition_version);
    }
    std::string workflow(const std::string& id) const {
        const Definition* d = defs.latest(id);
        return d ? d->name.in(language) : id;
    }
    std::string state(const Definition* d, const std::string& state_id) const {
        if (d)
            for (const auto& s : d->states)
                if (s.id == state_id) return s.name.in(language);
        return state_id;
    }
    bool is_report(const Task& t) const {
        if (const Definition* d = defs.latest(t.workflow))
            for (const auto& s : d->states)
                for (const auto& spec : s.tasks)
                    if (spec.id == t.spec_id) return spec.report;
        return false;
    }
};

ReportDeadline deadline(const Task& t, const Names& names, const DefinitionRegistry& defs) {
    return {*t.due, t.title.in(names.language), defs.roles().name(t.role, names.language),
            names.is_report(t)};
}

// Whether the newest version of workflow `id` says the report uses it this way: the
// newest, because what the report does is okod's choice today, not the instance's.
bool uses(const DefinitionRegistry& defs, const std::string& id, bool AnnualReportUse::*use) {
    const Definition* d = defs.latest(id);
    return d && d->annual_report.*use;
}

}  // namespace

std::optional<std::pair<int, double>> latest_measurement(
    const PolicyGoal& g, const std::vector<std::pair<int, double>>& measured) {
    // Only what was measured after the baseline says anything about progress.
    const auto latest = std::find_if(measured.rbegin(), measured.rend(),
                                     [&](const auto& m) { return m.first > g.baseline.year; });
    if (latest == measured.rend()) return std::nullopt;
    return *latest;
}

TrafficLight goal_light(const PolicyGoal& g, const std::vector<std::pair<int, double>>& measured) {
    const auto last = latest_measurement(g, measured);
    if (!last) return TrafficLight::rood;
    const double latest = last->second;
    const bool down = g.direction == Direction::down;
    if (down ? latest <= g.target.value : latest >= g.target.value) return TrafficLight::groen;
    if (down ? latest < g.baseline.value : latest > g.baseline.value) return TrafficLight::oranje;
    return TrafficLight::rood;
}

AnnualReport build_annual_report(Store& store, const DefinitionRegistry& definitions,
                                 const Municipality& m, int year, Language language, Instant now,
                                 const YearPlan* plan) {
    const Names names{definitions, language};
    AnnualReport r;
    r.language = language;
    r.municipality_code = m.code;
    r.municipality_name = m.name;
    r.year = year;
    r.generated_at = now;
    r.trajectory_start = m.trajectory_start;
    r.trajectory_end = m.trajectory_end();
    const Date today = local_date(now);
    r.period_end = std::min(day(year, 12, 31), today);
    const Instant year_begin = at_local(day(year, 1, 1), TimeOfDay{0});
    const Instant year_end = std::min(at_local(day(year + 1, 1, 1), TimeOfDay{0}), now);

    std::map<InstanceId, Instance> instances;
    for (auto& i : store.instances_of_municipality(m.code)) instances.emplace(i.id, i);
    // Each instance's step at the end of the period, replayed from the log: a report on
    // a past year shows where the municipality stood then, not today.
    std::map<InstanceId, std::string> state_then;

    // The year in the municipality's own event log (not every municipality's).
    for (std::int64_t after = 0;;) {
        const auto batch = store.events_of_municipality(m.code, after, 1000);
        if (batch.empty()) break;
        for (const auto& e : batch) {
            after = e.seq;
            if (e.at >= year_end) continue;
            if (e.kind == EventKind::instance_started || e.kind == EventKind::transition)
                state_then[e.instance_id] = e.state;
            if (e.kind == EventKind::instance_finished) state_then.erase(e.instance_id);
            if (e.at < year_begin) continue;
            if (e.kind == EventKind::reminder) ++r.counts.reminders;
            if (e.kind == EventKind::escalation) ++r.counts.escalations;
            if (e.kind == EventKind::vacancy) ++r.counts.vacancies;
            if (e.kind == EventKind::instance_started) ++r.counts.instances_started;
            if (e.kind == EventKind::transition) {
                const auto it = instances.find(e.instance_id);
                const Definition* d = it == instances.end() ? nullptr : names.of(it->second);
                r.transitions.push_back({e.at, names.workflow(e.workflow),
                                         names.state(d, e.from_state), names.state(d, e.state)});
            }
        }
    }

    for (const auto& [id, state] : state_then) {
        const auto it = instances.find(id);
        if (it == instances.end()) continue;
        const Instance& i = it->second;
        r.position.push_back(
            {names.workflow(i.definition_id), names.state(names.of(i), state), i.started_at});
    }

    // Tasks: done on time or late, skipped, and still open past their deadline.
    std::vector<Task> trajectory;
    const auto tasks = with_names(store.tasks_of_municipality(m.code), person_names(store));
    for (const auto& t : tasks) {
        const bool closed_this_year =
            t.closed_at && *t.closed_at >= year_begin && *t.closed_at < year_end;
        if (t.status == TaskStatus::done && closed_this_year) {
            (t.due && *t.closed_at > *t.due ? r.counts.tasks_done_late
                                            : r.counts.tasks_done_on_time)++;
        }
        if (t.status == TaskStatus::skipped && closed_this_year) ++r.counts.tasks_skipped;
        // Open at the end of the period, even if it was done later: a report on a past
        // year says how that year ended.
        const bool due_this_year = t.due && *t.due >= year_begin && *t.due < year_end;
        if (due_this_year && (!t.closed_at || *t.closed_at >= year_end)) ++r.counts.overdue_open;
        if (uses(definitions, t.workflow, &AnnualReportUse::trajectory_steps) && t.due &&
            *t.due >= year_begin && *t.due < at_local(day(year + 1, 1, 1), TimeOfDay{0}))
            trajectory.push_back(t);
        // What comes: open work in the twelve months after the period, and next year's.
        if (!is_closed(t.status) && t.due && *t.due >= year_end) {
            const Date due_day = local_date(*t.due);
            if (due_day <= add_days(r.period_end, 365))
                r.upcoming.push_back(deadline(t, names, definitions));
            if (due_day.year() == date::year{year + 1})
                r.next_year.push_back(deadline(t, names, definitions));
        }
    }
    r.trajectory_steps = process_steps(std::move(trajectory), now);
    auto by_due = [](const ReportDeadline& a, const ReportDeadline& b) { return a.due < b.due; };
    std::stable_sort(r.upcoming.begin(), r.upcoming.end(), by_due);
    std::stable_sort(r.next_year.begin(), r.next_year.end(), by_due);

    // Success conditions: capacity, money, support, vacancies.
    const auto assignments = store.assignments_of_municipality(m.code);
    r.capacity = capacity_on(assignments, m, r.period_end);
    for (const auto& b : m.budget_lines)
        r.budget_lines.push_back(
            {b, b.until < r.period_end,
             b.until >= r.period_end && b.until <= add_days(r.period_end, 365)});
    std::vector<std::string> roles{std::string(kRegisseurRole)};
    for (const auto& a : assignments)
        if (std::find(roles.begin(), roles.end(), a.role) == roles.end()) roles.push_back(a.role);
    for (const auto& role : roles) {
        const bool held = std::any_of(
            assignments.begin(), assignments.end(),
            [&](const RoleAssignment& a) { return a.role == role && a.covers(r.period_end); });
        if (!held) r.vacancies.push_back({definitions.roles().name(role, language)});
        if (role == kWethouderRole && held) r.has_wethouder = true;
    }

    if (plan) {
        r.activities = year_overview(*plan, tasks, store.activity_overrides_of_year(m.code, year),
                                     now, language);
        const auto measurements = store.measurements_of_municipality(m.code);
        for (const auto& g : plan->policy_goals) {
            ReportGoal rg{g, {}, TrafficLight::rood};
            for (const auto& x : measurements)
                if (x.indicator == g.indicator && x.population == g.population && x.year <= year)
                    rg.measured.emplace_back(x.year, x.value);
            std::sort(rg.measured.begin(), rg.measured.end());
            rg.light = goal_light(g, rg.measured);
            r.goals.push_back(std::move(rg));
        }
    }

    // Recorded by the end of the year (nothing can be recorded after now anyway).
    const Instant next_year_begin = at_local(day(year + 1, 1, 1), TimeOfDay{0});
    std::vector<ExecutionAction> actions;
    for (auto& a : store.execution_actions_of_municipality(m.code))
        if (a.created_at < next_year_begin) actions.push_back(std::move(a));
    const bool runs_execution_plan = std::any_of(
        m.workflows.begin(), m.workflows.end(),
        [&](const auto& id) { return uses(definitions, id, &AnnualReportUse::execution_plan); });
    if (!actions.empty() || runs_execution_plan)
        r.execution_plan = execution_plan(m, std::move(actions));

    r.next_election = next_election(add_days(r.period_end, 1), m.herindeling_elections);
    for (int y = year + 1; y <= year + 4; ++y)
        if (is_survey_year(m, y)) {
            r.next_survey_year = y;
            break;
        }
    return r;
}

}  // namespace okod
