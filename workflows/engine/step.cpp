#include "engine/step.hpp"

#include <fmt/format.h>

#include "calendar/elections.hpp"
#include "definition/guards.hpp"
#include "definition/named_moments.hpp"
#include "engine/reminder_time.hpp"
#include "model/event_kind.hpp"
#include "model/input_rules.hpp"
#include "model/reschedule_note.hpp"
#include "model/session_access.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// Immediate transitions (a state with nothing to do) may chain; a definition that
// loops without waiting is a bug, and this bound turns it into an error event.
constexpr int kMaxChainedTransitions = 32;
// A repeating start looks this many occurrences past its first one (1000 years at
// every = 1): a bound on the search, never reached by a municipality that exists.
constexpr int kMaxStartOccurrences = 1000;

// The escalation ladder (README): lateness goes to the regisseur's manager; the
// alderman and the council are informed (yearly report, council information) and never
// escalated to. A definition that still names them -- a municipality's own, or one
// written before the ladder -- escalates to the manager instead.
std::string escalation_target(const std::string& role) {
    return is_council_role(role) ? std::string(kManagerRole) : role;
}

std::string replace_all(std::string text, const std::string& placeholder,
                        const std::string& value) {
    for (auto pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size()))
        text.replace(pos, placeholder.size(), value);
    return text;
}

std::string replace_item(std::string text, const std::string& item) {
    return replace_all(std::move(text), "{item}", item);
}

// "€ 50.000" as a Dutch reader writes it.
std::string format_euros(double amount) {
    std::string digits = fmt::format("{:.0f}", amount);
    for (int pos = static_cast<int>(digits.size()) - 3; pos > 0; pos -= 3)
        digits.insert(static_cast<std::size_t>(pos), ".");
    return "€ " + digits;
}

// "17-03-2026": the short Dutch date, for titles.
std::string format_date_nl(Date d) {
    return fmt::format("{:02}-{:02}-{}", static_cast<unsigned>(d.day()),
                       static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
}

}  // namespace

Step::Step(Store& store, const DefinitionRegistry& definitions, const Calendar& calendar,
           const EngineSettings& settings, Instant now)
    : store_(store),
      definitions_(definitions),
      calendar_(calendar),
      settings_(settings),
      now_(now),
      today_(local_date(now)),
      work_due_at_(now) {}

// ---- starting instances ----------------------------------------------------------

void Step::schedule_first_start(const Municipality& m, const Definition& d) {
    switch (d.start.trigger) {
        case StartTrigger::date:
            break;
        case StartTrigger::election:
            // Nothing for a municipality before its start: an election before the
            // trajectory began is not okod's to prepare (issue 20).
            return schedule_election_start(m, d, election_after(m, not_before_start(m, today_)));
        case StartTrigger::budget_line:
            for (const auto& b : m.budget_lines) schedule_budget_start(m, d, b);
            return;
        case StartTrigger::role_leave:
        case StartTrigger::capacity_shortfall:
            return;  // started by what okod watches, not by the calendar
    }
    const std::optional<Date> first = start_day(d.start.at, {m, nullptr, today_});
    if (!first) {
        log_error(m.code, fmt::format("'{}' starts at '{}', which {} does not configure", d.id,
                                      d.start.at, m.code));
        return;
    }
    Date start = *first;
    if (d.start.every) {
        // Catch up to the occurrence that is current now, rather than replaying
        // every cycle since the trajectory began.
        const int every = std::max(1, resolve_years(*d.start.every, m));
        for (int k = 1;; ++k) {
            const Date next = add_period(*first, k * every, PeriodUnit::years);
            if (at_local(next, settings_.reminder_time) > now_) break;
            start = next;
        }
    }
    if (store_.instance_by_key(m.code, d.id, start_key(start))) {
        // Started already (by an earlier run): re-arming its past start would only fire to
        // find it running, a step per municipality and workflow at every start of okod.
        // The next occurrence was scheduled when it started; make sure it still is (it
        // may not be when `every` was added to the file since).
        if (d.start.every) schedule_start(m, d, next_start(m, d, start));
        return;
    }
    schedule_start(m, d, start);
}

std::string Step::start_key(Date on) { return std::to_string(static_cast<int>(on.year())); }

// The occurrence after `on` of a definition that starts `every` N years.
// Each occurrence is counted from the first start, not from the one before: a start on
// 29 February is on the 28th in the years without one and back on the 29th in leap
// years, instead of drifting to the 28th for ever.
Date Step::next_start(const Municipality& m, const Definition& d, Date on) {
    const int every = std::max(1, resolve_years(*d.start.every, m));
    if (const std::optional<Date> first = start_day(d.start.at, {m, nullptr, on}))
        for (int k = 1; k <= kMaxStartOccurrences; ++k) {
            const Date next = add_period(*first, k * every, PeriodUnit::years);
            if (date::sys_days{next} > date::sys_days{on}) return next;
        }
    return add_period(on, every, PeriodUnit::years);
}

void Step::schedule_start(const Municipality& m, const Definition& d, Date on) {
    if (!d.start.until.empty()) {
        const auto until = resolve_moment(d.start.until, {m, nullptr, today_});
        if (until && date::sys_days{on} >= date::sys_days{*until}) return;
    }
    Timer t;
    t.due = at_local(on, settings_.reminder_time);
    t.kind = TimerKind::start_instance;
    t.municipality = m.code;
    t.definition_id = d.id;
    t.instance_key = start_key(on);
    t.key = fmt::format("start/{}/{}/{}", m.code, d.id, t.instance_key);
    store_.add_timer(t);
}

// Elections: the playbook for each election starts `days_before` it; starting one
// schedules the next, so a municipality always has exactly one ahead.
void Step::schedule_election_start(const Municipality& m, const Definition& d, Date election) {
    const int lead = d.start.days_before ? resolve_setting(*d.start.days_before, d, m) : 0;
    schedule_triggered_start(m, d, add_days(election, -lead), format_date(election));
}

// A budget line that ends needs a college decision; the instance about it starts
// `days_before` its last day. A line that has already ended needs nothing any more.
void Step::schedule_budget_start(const Municipality& m, const Definition& d, const BudgetLine& b) {
    if (date::sys_days{b.until} < date::sys_days{today_}) return;
    const int lead = d.start.days_before ? resolve_setting(*d.start.days_before, d, m) : 0;
    schedule_triggered_start(m, d, add_days(b.until, -lead),
                             fmt::format("{}/{}", b.id, format_date(b.until)));
}

// The day itself, or the municipality's trajectory start when it comes before it.
Date Step::not_before_start(const Municipality& m, Date day) {
    return date::sys_days{day} < date::sys_days{m.trajectory_start} ? m.trajectory_start : day;
}

void Step::schedule_triggered_start(const Municipality& m, const Definition& d, Date on,
                                    const std::string& key) {
    if (store_.instance_by_key(m.code, d.id, key)) return;
    Timer t;
    // A start whose day has passed (okod installed late) happens at once; one planned
    // before the municipality's trajectory starts waits for that day (its tasks then
    // follow the late-start rule).
    on = not_before_start(m, on);
    t.due = std::max(at_local(on, settings_.reminder_time), now_);
    t.kind = TimerKind::start_instance;
    t.municipality = m.code;
    t.definition_id = d.id;
    t.instance_key = key;
    t.key = fmt::format("start/{}/{}/{}", m.code, d.id, key);
    store_.add_timer(t);
}

Date Step::election_after(const Municipality& m, Date from) const {
    return next_election(from, m.herindeling_elections);
}

void Step::start_instance(const Timer& t) {
    auto m = store_.municipality(t.municipality);
    if (!m) return log_error(t.municipality, "timer for an unknown municipality");
    const Definition* d = definitions_.latest(t.definition_id);
    if (!d) return log_error(m->code, fmt::format("no definition '{}' is loaded", t.definition_id));
    if (store_.instance_by_key(m->code, d->id, t.instance_key)) return;  // already running

    const Date start = local_date(t.due);
    std::map<std::string, std::string> params;
    switch (d->start.trigger) {
        case StartTrigger::date:
            if (d->start.every) schedule_start(*m, *d, next_start(*m, *d, start));
            break;
        case StartTrigger::election: {
            const auto election = parse_date(t.instance_key);
            if (!election)
                return log_error(m->code, fmt::format("bad election key '{}'", t.instance_key));
            // Scheduled years ahead: a herindeling configured since may have moved it.
            if (next_election(*election, m->herindeling_elections) != *election) {
                log_error(m->code, fmt::format("no council election on {} any more (herindeling); "
                                               "'{}' not started",
                                               t.instance_key, d->id));
                return schedule_election_start(*m, *d, election_after(*m, today_));
            }
            params["election"] = t.instance_key;
            schedule_election_start(*m, *d, election_after(*m, add_days(*election, 1)));
            break;
        }
        case StartTrigger::budget_line: {
            const BudgetLine* line = nullptr;
            for (const auto& b : m->budget_lines)
                if (fmt::format("{}/{}", b.id, format_date(b.until)) == t.instance_key) line = &b;
            if (!line)
                return log_error(m->code, fmt::format("budget line '{}' is no longer configured; "
                                                      "'{}' not started",
                                                      t.instance_key, d->id));
            params["budget_line"] = line->id;
            params["budget_name"] = line->name;
            params["budget_end"] = format_date(line->until);
            params["budget_amount"] = line->amount ? format_euros(*line->amount) : "";
            break;
        }
        case StartTrigger::role_leave:
        case StartTrigger::capacity_shortfall:
            return log_error(m->code,
                             fmt::format("'{}' is started by okod itself, not by a timer", d->id));
    }
    begin_instance(*m, *d, t.instance_key, start, std::move(params));
}

InstanceId Step::begin_instance(const Municipality& m, const Definition& def,
                                const std::string& key, Date start,
                                std::map<std::string, std::string> params) {
    const Definition* d = &def;
    Loaded l{{}, d, m};
    Instance& i = l.instance;
    i.municipality = m.code;
    i.definition_id = d->id;
    i.definition_version = d->version;
    i.key = key;
    i.state = d->initial;
    i.year_one = start;
    i.started_at = now_;
    i.params = std::move(params);
    for (const auto& list : d->required_lists) {
        auto it = m.lists.find(list);
        i.lists[list] = it == m.lists.end() ? std::vector<std::string>{} : it->second;
    }
    i.id = store_.insert_instance(i);
    Event e = event_for(i, EventKind::instance_started);
    e.state = d->initial;
    e.note = fmt::format("version {}", d->version);
    log(e);
    enter_state(l, d->initial, "", "start", 0);
    return i.id;
}

// ---- moving instances --------------------------------------------------------------

std::optional<Step::Loaded> Step::load(InstanceId id) {
    auto i = store_.instance(id);
    if (!i) return std::nullopt;
    const Definition* d = definitions_.get(i->definition_id, i->definition_version);
    if (!d) {
        log_error(i->municipality, fmt::format("instance {} needs '{}' version {}, not loaded", id,
                                               i->definition_id, i->definition_version));
        return std::nullopt;
    }
    auto m = store_.municipality(i->municipality);
    if (!m) return std::nullopt;
    return Loaded{std::move(*i), d, std::move(*m)};
}

void Step::enter_state(Loaded& l, const std::string& state, const std::string& from,
                       const std::string& via, int depth) {
    Instance& i = l.instance;
    if (depth > kMaxChainedTransitions)
        return log_error(
            i.municipality,
            fmt::format("'{}' keeps moving without waiting at state '{}'", i.definition_id, state));
    const StateSpec* st = l.definition->state(state);
    if (!st) return log_error(i.municipality, fmt::format("unknown state '{}'", state));

    i.state = state;
    i.state_entry += 1;
    i.marks["entered"] = now_;
    if (!from.empty()) {
        Event e = event_for(i, EventKind::transition);
        e.from_state = from;
        e.state = state;
        e.note = via;
        log(e);
    }
    if (st->final) {
        i.finished_at = now_;
        store_.update_instance(i);
        store_.delete_instance_timers(i.id);
        log(event_for(i, EventKind::instance_finished));
        return;
    }
    store_.update_instance(i);
    hand_on_personal_tasks(l);
    create_tasks(l, *st);
    arm_timer_transitions(l);
    advance_if_all_done(l, depth);
}

void Step::take(Loaded& l, const TransitionSpec& tr, const std::string& via, int depth) {
    const std::string from = l.instance.state;
    if (tr.next_year) l.instance.year_index += 1;
    enter_state(l, tr.to, from, via, depth + 1);
}

void Step::advance_if_all_done(Loaded& l, int depth) {
    if (has_open_tasks(l.instance)) return;
    for (const auto& tr : l.definition->transitions) {
        if (tr.from != l.instance.state || tr.trigger != TriggerKind::all_tasks_done) continue;
        if (!guard(l, tr.guard)) continue;
        take(l, tr, "all_tasks_done", depth);
        return;
    }
}

void Step::arm_timer_transitions(Loaded& l) {
    const Instance& i = l.instance;
    const auto& transitions = l.definition->transitions;
    for (std::size_t k = 0; k < transitions.size(); ++k) {
        const auto& tr = transitions[k];
        if (tr.from != i.state || tr.trigger != TriggerKind::timer || !tr.timer) continue;
        std::string missing;
        auto at = due_instant(l, *tr.timer, &missing);
        if (!at) {
            log_error(i.municipality,
                      fmt::format("timer to '{}' needs '{}', not known yet", tr.to, missing));
            continue;
        }
        Timer t;
        t.due = *at;
        t.kind = TimerKind::transition;
        t.municipality = i.municipality;
        t.instance_id = i.id;
        t.transition_index = static_cast<int>(k);
        t.state_entry = i.state_entry;
        t.key = fmt::format("transition/{}/{}/{}", i.id, i.state_entry, k);
        store_.add_timer(t);
    }
}

// ---- tasks -------------------------------------------------------------------------

bool Step::has_open_tasks(const Instance& i) { return store_.has_open_task(i.id, i.state_entry); }

void Step::create_tasks(Loaded& l, const StateSpec& state) {
    for (const auto& spec : state.tasks) {
        if (!guard(l, spec.when)) continue;
        if (spec.for_each.empty()) {
            create_task(l, spec, spec.id, "");
            continue;
        }
        // The list as the municipality has it now: recommendations are prioritised
        // after the instance started, so the start-time copy may be out of date.
        auto it = l.municipality.lists.find(spec.for_each);
        const auto items =
            it == l.municipality.lists.end() ? std::vector<std::string>{} : it->second;
        l.instance.lists[spec.for_each] = items;
        store_.update_instance(l.instance);
        if (items.empty()) {
            Event e = event_for(l.instance, EventKind::error);
            e.note =
                fmt::format("list '{}' is empty: no '{}' tasks created", spec.for_each, spec.id);
            log(e);
        }
        for (std::size_t n = 0; n < items.size(); ++n)
            create_task(l, spec, fmt::format("{}#{}", spec.id, n + 1), items[n]);
    }
}

void Step::create_task(Loaded& l, const TaskSpec& spec, const std::string& base_key,
                       const std::string& item) {
    const Instance& i = l.instance;
    // A state entered again in a later year creates its tasks again: the year keeps
    // the keys unique and readable ("council-report.2024").
    std::string key = base_key;
    if (i.year_index > 1)
        key += fmt::format(".{}", static_cast<int>(i.year_one.year()) + i.year_index - 1);
    // A state entered again within the same year (a loop back to an earlier step)
    // gets fresh tasks; the entry number keeps their keys apart.
    if (store_.task_key_taken(i.id, key)) key += fmt::format("~{}", i.state_entry);

    Task t;
    t.instance_id = i.id;
    t.municipality = i.municipality;
    t.workflow = i.definition_id;
    t.spec_id = spec.id;
    t.key = key;
    t.state = i.state;
    t.state_entry = i.state_entry;
    t.title =
        Text{fill(spec.title.nl, l, item, Language::nl),
             spec.title.en.empty() ? std::string() : fill(spec.title.en, l, item, Language::en)};
    t.role = resolve_role(i, spec.role);
    t.person = resolve_person(i, spec.person);
    t.item = item;
    t.remind_days = spec.remind_days;
    t.escalation = spec.escalation;
    if (t.escalation)
        t.escalation->to_role = escalation_target(resolve_role(i, t.escalation->to_role));
    t.created_at = now_;
    std::string missing;
    t.due = due_instant(l, spec.due, &missing);
    // The late-start rule (rules/due_rule.hpp): no task is born overdue unless its
    // definition says why. A deadline already past when the task is created (a leave
    // announced three days ahead, a state entered after its quarter ended) moves to two
    // business days after today, and the event log says so.
    // A municipality that joins mid-trajectory ([dates] joined) did the work due before
    // that day without okod: such a task is recorded as history, closed as skipped,
    // instead of one more in a wall of overdue tasks (README, "Joining mid-trajectory").
    const auto joined = l.municipality.dates.find(std::string(kJoinedDate));
    const bool before_joining =
        t.due && joined != l.municipality.dates.end() && local_date(*t.due) < joined->second;
    if (before_joining) {
        t.status = TaskStatus::skipped;
        t.closed_at = now_;
        t.note = std::string(kBeforeJoinedNote);
        t.id = store_.insert_task(t);
        Event e = event_for(t, EventKind::task_created);
        e.note = t.note;
        log(e);
        return;
    }
    std::optional<Instant> rule_due;
    if (t.due && *t.due <= work_due_at_ && spec.overdue_at_creation.empty()) {
        rule_due = t.due;
        t.due = at_local(late_start_day(spec.due, local_date(work_due_at_), calendar_,
                                        l.municipality.school_region, l.municipality.holidays),
                         spec.due.at.value_or(settings_.due_time));
    }
    t.id = store_.insert_task(t);

    Event e = event_for(t, EventKind::task_created);
    if (!t.due) e.note = fmt::format("no deadline yet: '{}' is not known", missing);
    if (rule_due)
        e.note = fmt::format("deadline lag vóór aanmaak ({}): {} werkdagen na aanmaak",
                             format_local_minutes(*rule_due), kLateStartBusinessDays);
    else if (t.due && *t.due <= now_ && !spec.overdue_at_creation.empty())
        e.note = fmt::format("deadline al verstreken bij aanmaak: {}", spec.overdue_at_creation);
    log(e);
    if (!t.due) return;
    arm_task_timers(t);
}

// The deadline, the reminders at each lead time and the escalation of an open task
// with a deadline. Lead times already past when this runs are not replayed.
void Step::arm_task_timers(const Task& t) {
    const Date due_day = local_date(*t.due);
    Timer due;
    due.due = *t.due;
    due.kind = TimerKind::task_due;
    due.municipality = t.municipality;
    due.task_id = t.id;
    due.key = fmt::format("due/{}", t.id);
    store_.add_timer(due);

    bool missed = false;
    std::optional<Instant> next_reminder;
    for (int lead : t.remind_days) {
        Timer r;
        r.due = reminder_instant(t.municipality, *t.due, lead);
        if (r.due <= now_) {  // that reminder's moment was before the task existed
            missed = true;
            continue;
        }
        r.kind = TimerKind::reminder;
        r.municipality = t.municipality;
        r.task_id = t.id;
        r.lead_days = lead;
        r.key = fmt::format("reminder/{}/{}", t.id, lead);
        store_.add_timer(r);
        next_reminder = next_reminder ? std::min(*next_reminder, r.due) : r.due;
    }
    // Created inside its reminder window (the first lead time already passed, deadline
    // still ahead): one reminder now, so the holder hears of the task when it appears,
    // not days later; unless the next reminder is due within the day anyway.
    const bool next_is_soon = next_reminder && *next_reminder <= now_ + std::chrono::hours{24};
    if (missed && !next_is_soon && *t.due > now_ + std::chrono::hours{1}) {
        Timer r;
        r.due = now_;
        r.kind = TimerKind::reminder;
        r.municipality = t.municipality;
        r.task_id = t.id;
        r.lead_days = static_cast<int>((date::sys_days{due_day} - date::sys_days{today_}).count());
        r.key = fmt::format("reminder/{}/{}", t.id, r.lead_days);
        store_.add_timer(r);
    }
    if (*t.due > now_) arm_escalation(t);
}

// The escalation of a task with a deadline, if it has one still to come: `after_days`
// after the deadline at reminder time, moved on to the next business day (nobody reads
// an escalation on a Saturday), and labelled with the days overdue it really arrives.
void Step::arm_escalation(const Task& t) {
    if (!t.escalation || !t.due) return;
    const Date due_day = local_date(*t.due);
    const Date day = calendar_.shift_business_day(add_days(due_day, t.escalation->after_days),
                                                  Shift::after, holidays_of(t.municipality));
    Timer x;
    x.due = std::max(at_local(day, settings_.reminder_time), *t.due + std::chrono::minutes{1});
    if (x.due <= now_) return;
    x.kind = TimerKind::escalation;
    x.municipality = t.municipality;
    x.task_id = t.id;
    x.lead_days = static_cast<int>((to_days(day) - to_days(due_day)).count());
    x.key = fmt::format("escalation/{}", t.id);
    store_.add_timer(x);
}

CommandResult Step::close_task(TaskId id, TaskStatus to, const std::string& by,
                               const std::string& note) {
    auto t = store_.task(id);
    if (!t) return CommandResult::not_found(fmt::format("no task with id {}", id));
    if (is_closed(t->status)) {
        if (t->status == to) return {};  // completing twice is harmless
        return CommandResult::failure(
            fmt::format("task {} is already {}", id, to_string(t->status)),
            Refusal::already_closed);
    }
    t->status = to;
    t->closed_at = now_;
    t->closed_by = by;
    t->note = note;
    store_.update_task(*t);
    store_.delete_task_timers(id);
    Event e =
        event_for(*t, to == TaskStatus::done ? EventKind::task_done : EventKind::task_skipped);
    e.person = by;
    e.note = note;
    log(e);

    auto l = load(t->instance_id);
    if (!l || l->instance.finished_at) return {};
    if (to == TaskStatus::done) {  // a skipped survey closes nothing to count from
        l->instance.marks[t->spec_id + ".done"] = now_;
        store_.update_instance(l->instance);
    }
    if (t->state_entry == l->instance.state_entry) advance_if_all_done(*l, 0);
    return {};
}

CommandResult Step::reschedule_task(TaskId id, Instant due, const std::string& by,
                                    const std::string& reason) {
    auto t = store_.task(id);
    if (!t) return CommandResult::not_found(fmt::format("no task with id {}", id));
    if (is_closed(t->status))
        return CommandResult::failure(
            fmt::format("task {} is already {}", id, to_string(t->status)),
            Refusal::already_closed);
    if (auto problem = reason_problem("reason", reason)) return CommandResult::failure(*problem);
    if (t->due == due) return {};  // already there: harmless
    if (auto problem = past_deadline_problem(due, now_)) return CommandResult::failure(*problem);
    const std::optional<Instant> before = t->due;
    t->due = due;
    ++t->revision;
    t->revised_at = now_;
    if (t->status == TaskStatus::overdue && due > now_) t->status = TaskStatus::open;
    store_.update_task(*t);
    store_.delete_task_timers(id);
    if (t->status == TaskStatus::open) arm_task_timers(*t);
    Event e = event_for(*t, EventKind::task_rescheduled);
    e.person = by;
    e.note = reschedule_note(before, due, reason);
    log(e);
    return {};
}

CommandResult Step::signal(InstanceId id, const std::string& event, const std::string& by) {
    auto l = load(id);
    if (!l) return CommandResult::not_found(fmt::format("no running instance with id {}", id));
    if (l->instance.finished_at)
        return CommandResult::failure(fmt::format("instance {} has finished", id));
    const TransitionSpec* match = nullptr;
    for (const auto& tr : l->definition->transitions) {
        if (tr.from == l->instance.state && tr.trigger == TriggerKind::event && tr.event == event &&
            guard(*l, tr.guard)) {
            match = &tr;
            break;
        }
    }
    if (!match)
        return CommandResult::failure(
            fmt::format("instance {} is in state '{}', which does not "
                        "react to event '{}'",
                        id, l->instance.state, event));
    l->instance.marks[event] = now_;
    Event e = event_for(l->instance, EventKind::event_received);
    e.person = by;
    e.note = event;
    log(e);
    take(*l, *match, event, 0);
    return {};
}

// ---- helpers -----------------------------------------------------------------------

DueContext Step::context(const Loaded& l) const {
    const Instance& i = l.instance;
    const Municipality& m = l.municipality;
    DueContext ctx;
    ctx.year_one = i.year_one;
    ctx.year_index = i.year_index;
    ctx.reference = today_;
    ctx.school_region = m.school_region;
    ctx.holidays = m.holidays;
    ctx.calendar = &calendar_;
    const Definition& d = *l.definition;
    ctx.setting = [&d, &m](std::string_view name) {
        return resolve_setting(std::string(name), d, m);
    };
    ctx.named_date = [&i, &m, today = today_](std::string_view name) {
        return resolve_moment(name, {m, &i, today});
    };
    return ctx;
}

bool Step::guard(const Loaded& l, std::string_view text) {
    auto g = parse_guard(text);
    if (!g || g->name != kRoleVacantGuard)
        return guard_holds(text, *l.definition, l.instance, l.municipality);
    // Vacant: no successor, i.e. nobody but the leaver holds the role after the last
    // day, nor has been named to start later (a successor who starts on Monday is no
    // vacancy).
    const bool vacant = !successor_of(l.instance);
    return vacant != g->negated;
}

std::string Step::resolve_role(const Instance& i, const std::string& role) const {
    if (role.size() < 3 || role.front() != '{' || role.back() != '}') return role;
    auto it = i.params.find(role.substr(1, role.size() - 2));
    return it == i.params.end() ? role : it->second;
}

std::string Step::resolve_person(const Instance& i, const std::string& person) {
    if (person.size() < 3 || person.front() != '{' || person.back() != '}') return {};
    auto it = i.params.find(person.substr(1, person.size() - 2));
    return it == i.params.end() ? std::string() : it->second;
}

std::string Step::fill(const std::string& text, const Loaded& l, const std::string& item,
                       Language language) const {
    std::string out = replace_item(text, item);
    for (const auto& [name, value] : l.instance.params) {
        std::string shown = value;
        if (name == "role_name") {
            // Stored in Dutch; an English title names the role in English.
            auto role = l.instance.params.find("role");
            if (role != l.instance.params.end())
                shown = definitions_.roles().name(role->second, language);
        } else if (auto day = parse_date(value); day && name != "budget_line") {
            shown = language == Language::nl ? format_date_nl(*day) : format_date(*day);
        }
        out = replace_all(std::move(out), fmt::format("{{{}}}", name), shown);
    }
    // No successor named yet: the title says so, and says who once one is
    // (Step::learn_successor fills it in again).
    return replace_all(std::move(out), fmt::format("{{{}}}", kSuccessorNameParam),
                       language == Language::nl ? "de opvolger" : "the successor");
}

Instant Step::reminder_instant(const std::string& municipality, Instant due, int lead) const {
    return okod::reminder_instant(calendar_, settings_.reminder_time, due, lead,
                                  holidays_of(municipality));
}

const HolidayRules& Step::holidays_of(const std::string& municipality) const {
    auto it = holidays_.find(municipality);
    if (it == holidays_.end()) {
        const auto m = store_.municipality(municipality);
        it = holidays_.emplace(municipality, m ? m->holidays : HolidayRules{}).first;
    }
    return it->second;
}

std::optional<Instant> Step::due_instant(const Loaded& l, const DueRule& rule,
                                         std::string* missing) const {
    const DueResult r = due_date(rule, context(l));
    if (!r.date) {
        if (missing) *missing = r.missing_anchor;
        return std::nullopt;
    }
    return at_local(*r.date, rule.at.value_or(settings_.due_time));
}

Event Step::event_for(const Instance& i, EventKind kind) const {
    Event e;
    e.at = now_;
    e.municipality = i.municipality;
    e.instance_id = i.id;
    e.workflow = i.definition_id;
    e.kind = kind;
    e.state = i.state;
    return e;
}

Event Step::event_for(const Task& t, EventKind kind) const {
    Event e;
    e.at = now_;
    e.municipality = t.municipality;
    e.instance_id = t.instance_id;
    e.workflow = t.workflow;
    e.kind = kind;
    e.state = t.state;
    e.task = t.key;
    e.title = t.title.nl;
    e.role = t.role;
    e.person = t.person;  // a task addressed to one person: theirs (callers may override)
    e.due = t.due;
    return e;
}

void Step::log(const Event& e) { store_.append_event(e); }

void Step::log_error(const std::string& municipality, const std::string& message) {
    Event e;
    e.at = now_;
    e.municipality = municipality;
    e.kind = EventKind::error;
    e.note = message;
    log(e);
}

}  // namespace okod
