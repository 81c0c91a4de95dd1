#pragma once
// One engine step's worth of work, inside one open store transaction. Internal to the
// engine: Engine opens the transaction, makes a Step, calls one entry point, commits.
#include <map>
#include <string>

#include "engine/engine.hpp"
#include "rules/due_rule.hpp"

namespace okod {

// The [dates] entry of a municipality that joined okod mid-trajectory, and what its
// tasks due before that day say: done before okod was in use.
inline constexpr std::string_view kJoinedDate = "joined";
inline constexpr std::string_view kBeforeJoinedNote = "al gedaan voordat okod in gebruik was";

class Step {
public:
    Step(Store& store, const DefinitionRegistry& definitions, const Calendar& calendar,
         const EngineSettings& settings, Instant now);

    // Schedules the first start of `d` for `m` that is still relevant at `now`.
    void schedule_first_start(const Municipality& m, const Definition& d);
    void fire(const Timer& t);
    CommandResult close_task(TaskId id, TaskStatus to, const std::string& by,
                             const std::string& note);
    CommandResult signal(InstanceId id, const std::string& event, const std::string& by);
    CommandResult reschedule_task(TaskId id, Instant due, const std::string& by,
                                  const std::string& reason);
    // Undoing a completion (engine/step_reopen.cpp).
    CommandResult reopen_task(TaskId id, const std::string& by, const std::string& reason);

    // People and roles (engine/step_people.cpp).
    CommandResult save_person(const Person& p, const std::string& by);
    CommandResult assign_role(RoleAssignment a, const std::string& by);
    CommandResult announce_leave(const std::string& municipality, const std::string& person_id,
                                 const std::string& role, Date last_day, const std::string& by);
    // Starts the capacity_shortfall workflows the municipality runs when the FTE on its
    // roles today falls below the norm (once per shortfall, not at every look).
    void check_capacity(const Municipality& m);
    // Moves on the hand-overs that wait for a successor the role now has.
    void tell_handovers(const Municipality& m, const std::string& by);

private:
    struct Loaded {  // an instance with what it needs to advance
        Instance instance;
        const Definition* definition = nullptr;
        Municipality municipality;
    };
    std::optional<Loaded> load(InstanceId id);

    // Starting and moving instances.
    void start_instance(const Timer& t);
    InstanceId begin_instance(const Municipality& m, const Definition& d, const std::string& key,
                              Date start, std::map<std::string, std::string> params);
    void schedule_start(const Municipality& m, const Definition& d, Date on);
    static std::string start_key(Date on);
    static Date next_start(const Municipality& m, const Definition& d, Date on);
    void schedule_election_start(const Municipality& m, const Definition& d, Date election);
    void schedule_budget_start(const Municipality& m, const Definition& d, const BudgetLine& b);
    void schedule_triggered_start(const Municipality& m, const Definition& d, Date on,
                                  const std::string& key);
    static Date not_before_start(const Municipality& m, Date day);
    Date election_after(const Municipality& m, Date from) const;
    // People and roles (engine/step_people.cpp).
    std::optional<std::string> successor_of(const Instance& handover);
    // The successor's period in the role (the newest holder after the last day).
    std::optional<RoleAssignment> successor_period(const Instance& handover);
    // A successor the hand-over did not know yet: its parameters, the titles of its open
    // tasks, the tasks waiting for them, and their welcome mail (engine/step_handover.cpp).
    void learn_successor(Instance& handover, const RoleAssignment& period);
    void welcome(const Instance& handover, const RoleAssignment& period);
    void start_handover(const Municipality& m, const RoleAssignment& a, const Person& leaver,
                        Date last_day);
    void finish_superseded(Instance& i, const std::string& reason);
    void schedule_capacity_check(const Municipality& m, Date on);

    // Evaluates a guard; role_vacant needs the store, the others are pure.
    bool guard(const Loaded& l, std::string_view text);
    // "{role}" in a definition names the instance's role parameter.
    std::string resolve_role(const Instance& i, const std::string& role) const;
    // "{leaver}": the person a task is addressed to; empty when not known (yet).
    static std::string resolve_person(const Instance& i, const std::string& person);
    // Open tasks addressed to a person who holds their role no more go on to the role
    // their definition names (then_role): a leaver's work is never their successor's.
    void hand_on_personal_tasks(const Loaded& l);
    // A title with {item} and the instance's parameters filled in.
    std::string fill(const std::string& text, const Loaded& l, const std::string& item,
                     Language language) const;
    void enter_state(Loaded& l, const std::string& state, const std::string& from,
                     const std::string& via, int depth);
    void take(Loaded& l, const TransitionSpec& tr, const std::string& via, int depth);
    // Takes the first all_tasks_done transition whose guard holds, if no task is open.
    void advance_if_all_done(Loaded& l, int depth);
    void arm_timer_transitions(Loaded& l);

    // Tasks.
    void create_tasks(Loaded& l, const StateSpec& state);
    void create_task(Loaded& l, const TaskSpec& spec, const std::string& key,
                     const std::string& item);
    bool has_open_tasks(const Instance& i);
    void arm_task_timers(const Task& t);
    void arm_escalation(const Task& t);

    // Timers firing.
    void fire_reminder(const Timer& t);
    void fire_task_due(const Timer& t);
    void fire_escalation(const Timer& t);
    void fire_transition(const Timer& t);

    // Resolves `role` to its holders today and writes one outbox row each; a vacant
    // role becomes a vacancy alert to the regisseur instead.
    void notify_role(const Task& task, OutboxKind kind, const std::string& role, int lead_days,
                     bool late);

    // When the reminder `lead` days ahead of `due` goes out (engine/reminder_time.hpp,
    // shared with the calendar feeds' alarms), on the municipality's holidays.
    Instant reminder_instant(const std::string& municipality, Instant due, int lead) const;
    // The municipality's Goede Vrijdag and Bevrijdingsdag (read once per step).
    const HolidayRules& holidays_of(const std::string& municipality) const;
    DueContext context(const Loaded& l) const;
    std::optional<Instant> due_instant(const Loaded& l, const DueRule& rule,
                                       std::string* missing = nullptr) const;
    Event event_for(const Instance& i, EventKind kind) const;
    Event event_for(const Task& t, EventKind kind) const;
    void log(const Event& e);
    void log_error(const std::string& municipality, const std::string& message);
    Event event_for(const RoleAssignment& a, EventKind kind) const;

    Store& store_;
    const DefinitionRegistry& definitions_;
    const Calendar& calendar_;
    const EngineSettings& settings_;
    Instant now_;
    Date today_;
    // When the work this step creates was due to appear: now_, or a missed timer's
    // moment when okod catches up on it (installed late, down for days). The late-start
    // rule measures a deadline against this moment, so catching up creates the tasks
    // it would have created on time; work missed while okod was not running stays
    // overdue without stale mail.
    Instant work_due_at_;
    mutable std::map<std::string, HolidayRules> holidays_;
};

}  // namespace okod
