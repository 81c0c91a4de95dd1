#include "engine/engine.hpp"

#include <fmt/format.h>

#include "engine/step.hpp"
#include "model/event_kind.hpp"
#include "model/input_rules.hpp"
#include "time/amsterdam.hpp"

namespace okod {

std::optional<std::string> past_deadline_problem(Instant due, Instant now) {
    const Date day = local_date(due);
    const Date today = local_date(now);
    if (date::sys_days{day} >= date::sys_days{today}) return std::nullopt;
    return fmt::format("the new deadline {} is in the past: it must be today ({}) or later",
                       format_date(day), format_date(today));
}

Engine::Engine(Store& store, const DefinitionRegistry& definitions, const Calendar& calendar,
               const Clock& clock, EngineSettings settings)
    : store_(store),
      definitions_(definitions),
      calendar_(calendar),
      clock_(clock),
      settings_(settings) {}

void Engine::plan(const Municipality& m) {
    auto tx = store_.begin();
    Step step(store_, definitions_, calendar_, settings_, clock_.now());
    for (const auto& id : m.workflows)
        if (const Definition* d = definitions_.latest(id)) step.schedule_first_start(m, *d);
    step.check_capacity(m);
    step.tell_handovers(m, "okod");  // a successor may have come with the config
    tx->commit();
}

void Engine::plan_all(const std::vector<Municipality>& municipalities) {
    auto tx = store_.begin();
    for (const auto& m : municipalities) plan(m);
    tx->commit();
}

std::optional<Instant> Engine::next_due() {
    auto t = store_.next_timer();
    if (!t) return std::nullopt;
    return t->due;
}

bool Engine::step() {
    auto tx = store_.begin();
    if (!step_in_group()) return false;
    tx->commit();
    return true;
}

bool Engine::step_in_group(Instant now) {
    auto due = store_.due_timers(now, 1);
    if (due.empty()) return false;
    // Deleting the timer and applying its effects commit together: a crash before
    // commit replays the timer, a crash after it finds the timer gone.
    store_.delete_timer(due.front().id);
    Step(store_, definitions_, calendar_, settings_, now).fire(due.front());
    return true;
}

int Engine::step_due(int max_steps) {
    auto group = store_.begin();
    int steps = 0;
    while (steps < max_steps && step_in_group()) ++steps;
    group->commit();
    return steps;
}

CommandResult Engine::complete_task(TaskId id, const std::string& by, const std::string& note) {
    if (auto problem = text_problem("note", note, TextKind::free_text))
        return CommandResult::failure(*problem);
    auto tx = store_.begin();
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now())
                 .close_task(id, TaskStatus::done, by, note);
    if (r.ok) tx->commit();
    return r;
}

CommandResult Engine::skip_task(TaskId id, const std::string& by, const std::string& reason) {
    if (auto problem = reason_problem("reason", reason)) return CommandResult::failure(*problem);
    auto tx = store_.begin();
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now())
                 .close_task(id, TaskStatus::skipped, by, reason);
    if (r.ok) tx->commit();
    return r;
}

CommandResult Engine::reschedule_task(TaskId id, Instant due, const std::string& by,
                                      const std::string& reason) {
    auto tx = store_.begin();
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now())
                 .reschedule_task(id, due, by, reason);
    if (r.ok) tx->commit();
    return r;
}

CommandResult Engine::reopen_task(TaskId id, const std::string& by, const std::string& reason) {
    if (auto problem = text_problem("reason", reason, TextKind::free_text))
        return CommandResult::failure(*problem);
    auto tx = store_.begin();
    auto r =
        Step(store_, definitions_, calendar_, settings_, clock_.now()).reopen_task(id, by, reason);
    if (r.ok) tx->commit();
    return r;
}

BulkSkipResult Engine::skip_open_tasks(const std::string& municipality, Instant due_before,
                                       const std::string& by, const std::string& reason,
                                       bool dry_run) {
    BulkSkipResult out;
    if (auto problem = reason_problem("reason", reason)) {
        out.ok = false;
        out.error = *problem;
        return out;
    }
    auto tx = store_.begin();
    if (!store_.municipality(municipality)) {
        out.ok = false;
        out.error = fmt::format("no municipality {}", municipality);
        out.refusal = Refusal::not_found;
        return out;
    }
    TaskFilter f;
    f.municipality = municipality;
    f.statuses = std::vector{TaskStatus::open, TaskStatus::overdue};
    f.due_before = due_before;
    out.tasks = store_.tasks_matching(f);
    if (dry_run) return out;  // the transaction rolls back: nothing was written anyway
    Step step(store_, definitions_, calendar_, settings_, clock_.now());
    for (auto& t : out.tasks) {
        auto r = step.close_task(t.id, TaskStatus::skipped, by, reason);
        if (!r.ok) {
            static_cast<CommandResult&>(out) = r;
            out.tasks.clear();
            return out;  // rolls back the whole batch
        }
        t = *store_.task(t.id);
    }
    tx->commit();
    return out;
}

CommandResult Engine::signal(InstanceId id, const std::string& event, const std::string& by) {
    if (auto problem = text_problem("event", event)) return CommandResult::failure(*problem);
    auto tx = store_.begin();
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now()).signal(id, event, by);
    if (r.ok) tx->commit();
    return r;
}

CommandResult Engine::save_person(const Person& p, const std::string& by) {
    auto tx = store_.begin();
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now()).save_person(p, by);
    if (r.ok) tx->commit();
    return r;
}

CommandResult Engine::assign_role(const RoleAssignment& a, const std::string& by) {
    auto tx = store_.begin();
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now()).assign_role(a, by);
    if (r.ok) tx->commit();
    return r;
}

CommandResult Engine::announce_leave(const std::string& municipality, const std::string& person_id,
                                     const std::string& role, Date last_day,
                                     const std::string& by) {
    auto tx = store_.begin();
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now())
                 .announce_leave(municipality, person_id, role, last_day, by);
    if (r.ok) tx->commit();
    return r;
}

CommandResult Engine::set_activity_status(const std::string& municipality, int year,
                                          const std::string& activity, TrafficLight light,
                                          const std::string& remark, const std::string& by) {
    if (is_blank(remark))
        return CommandResult::failure(
            "a status set by hand needs a remark (what was done, what not)");
    if (auto problem = text_problem("remark", remark, TextKind::free_text))
        return CommandResult::failure(*problem);
    if (activity.empty())
        return CommandResult::failure("which activity? (its id in the year plan)");
    if (year < 2000 || year > 2100)
        return CommandResult::failure(fmt::format("{} is not a plan year", year));
    auto tx = store_.begin();
    if (!store_.municipality(municipality))
        return CommandResult::not_found(fmt::format("no municipality {}", municipality));
    for (const auto& o : store_.activity_overrides_of_year(municipality, year))
        if (o.activity == activity && o.light == light && o.remark == remark)
            return {};  // as recorded
    ActivityOverride o{municipality, year, activity, light, remark, by, clock_.now()};
    store_.set_activity_status(o);
    Event e;
    e.at = o.set_at;
    e.municipality = municipality;
    e.kind = EventKind::activity_status_set;
    e.note =
        fmt::format("jaarplan {}, activiteit {}: {}: {}", year, activity, to_string(light), remark);
    if (!by.empty()) e.note += " (door " + by + ")";
    store_.append_event(e);
    tx->commit();
    return {};
}

CommandResult Engine::save_year_plan(const StoredYearPlan& plan, const std::string& summary) {
    auto tx = store_.begin();
    if (!store_.municipality(plan.municipality))
        return CommandResult::not_found(fmt::format("no municipality {}", plan.municipality));
    if (!store_.insert_year_plan(plan))
        return CommandResult::failure(
            fmt::format("{} has a year plan for {} already", plan.municipality, plan.year),
            Refusal::conflict);
    Event e;
    e.at = plan.drafted_at;
    e.municipality = plan.municipality;
    e.kind = EventKind::year_plan_drafted;
    e.note = fmt::format("jaarplan {} opgesteld uit {}: {}", plan.year, plan.drafted_from, summary);
    if (!plan.drafted_by.empty()) e.note += " (door " + plan.drafted_by + ")";
    store_.append_event(e);
    tx->commit();
    return {};
}

}  // namespace okod
