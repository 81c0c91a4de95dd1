#pragma once
// The workflow engine: turns due timers and user commands into state changes.
//
// Every public operation is one engine step and runs in one store transaction:
// event in -> transitions -> new tasks and timers -> event log and outbox rows. If
// anything throws, the transaction rolls back and the store is as before the step.
// Steps due together may share one outer transaction (step_due): a step never spans
// two transactions, and its outbox rows commit with its state.
//
// The engine owns no thread and no timer. A driver (the daemon's scheduler, or the
// simulator on a virtual clock) asks next_due(), waits until then, and calls step().
// Not thread-safe: call it from one strand.
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar.hpp"
#include "definition/registry.hpp"
#include "model/refusal.hpp"
#include "model/store.hpp"
#include "model/traffic_light.hpp"
#include "time/clock.hpp"

namespace okod {

struct EngineSettings {
    TimeOfDay due_time = kDefaultDueTime;            // deadlines without an explicit `at`
    TimeOfDay reminder_time = kDefaultReminderTime;  // reminders, escalations, starts
};

// Outcome of a user command; when !ok, `refusal` says why as a type (refusal.hpp) and
// `error` in a sentence for the user.
struct CommandResult {
    bool ok = true;
    std::string error;
    Refusal refusal = Refusal::invalid;

    static CommandResult failure(std::string message, Refusal why = Refusal::invalid) {
        return {false, std::move(message), why};
    }
    static CommandResult not_found(std::string message) {
        return failure(std::move(message), Refusal::not_found);
    }
};

// Outcome of skip_open_tasks: the tasks it skipped (or, for a dry run, would skip), in
// deadline order, as they are afterwards.
struct BulkSkipResult : CommandResult {
    std::vector<Task> tasks;
};

// Why `due` may not be a task's new deadline, if it may not: a day before `now`'s day in
// Amsterdam is in the past. The engine refuses it; the API asks first to answer 400.
std::optional<std::string> past_deadline_problem(Instant due, Instant now);

// Outcome of an execution-plan command (engine_execution_plan.cpp).
struct ExecutionActionResult {
    bool ok = true;
    Refusal refusal =
        Refusal::invalid;    // when !ok; not_found: no such municipality, or no such action in it
    std::string error;       // when !ok: a sentence, or several joined by "; "
    ExecutionAction action;  // when ok: as stored afterwards (removed: as it was)
    bool changed = true;     // false when it was already so: nothing written, nothing logged
    std::string changes;     // a change: what it changed (describe_changes), as logged
};

// Outcome of erase_person (engine_personal_data.cpp).
struct ErasureResult {
    bool ok = true;
    std::string error;      // when !ok: a sentence for the user
    bool already = false;   // erased before: nothing changed
    std::string pseudonym;  // what the person is called from now on
    ErasureCounts counts;
    int tokens_revoked = 0;      // API tokens of the person, revoked with the erasure
    std::int64_t event_seq = 0;  // the person_erased line in the event log
};

class Engine {
public:
    Engine(Store& store, const DefinitionRegistry& definitions, const Calendar& calendar,
           const Clock& clock, EngineSettings settings = {});

    // Makes sure the next start of every workflow the municipality runs is scheduled.
    // Idempotent: calling it again (on every daemon start) schedules nothing twice.
    void plan(const Municipality& m);
    // plan() for each, in one transaction: one commit (one sync to disk) at a start or
    // reload instead of one per municipality.
    void plan_all(const std::vector<Municipality>& municipalities);

    // The earliest moment something is due, if anything is scheduled at all.
    std::optional<Instant> next_due();

    // Processes the earliest timer that is due at the clock's now, in one transaction.
    // Returns false when nothing is due.
    bool step();

    // Group commit: processes up to `max_steps` timers due at the clock's now, each one
    // step as above, inside one outer transaction, and returns how many. The group
    // costs one sync instead of one per step; a crash before its commit replays every
    // step of it, after the commit none. If a step throws, the whole group rolls back
    // and the exception propagates (a caller retrying with step() isolates it).
    int step_due(int max_steps);

    // step() inside a transaction the caller has open, for drivers that group steps
    // themselves (step_due, the simulator, the daemon's timed batch). The step gets no
    // savepoint of its own: a step that throws leaves half its writes in the caller's
    // transaction, which must then roll back whole. That is what a group does anyway,
    // and the savepoint's page copies were a sixth of a step's cost (BENCHMARKS.md).
    bool step_in_group() { return step_in_group(clock_.now()); }
    // The same as at the moment `now`, which may be still to come: the daemon runs the
    // steps due at a moment just before it and commits them when it comes.
    bool step_in_group(Instant now);

    // User commands, each one transaction. Completing a closed task changes nothing
    // and succeeds (idempotent); unknown ids are errors.
    CommandResult complete_task(TaskId id, const std::string& by, const std::string& note = {});
    CommandResult skip_task(TaskId id, const std::string& by, const std::string& reason);
    // Moves an open task's deadline (reminders and escalation follow); needs a reason,
    // and a deadline not before today (past_deadline_problem).
    CommandResult reschedule_task(TaskId id, Instant due, const std::string& by,
                                  const std::string& reason);
    // Undoes a completion while the workflow is still in the step the task belongs to:
    // the task is open (overdue when its deadline passed) again, its reminders and
    // escalation re-armed as for an open task, and task_reopened logged with who and why
    // (`reason` may be empty). Refused (conflict) when the task is not done, or when its
    // instance has moved on since: the completion may be what moved it, and the step
    // after it cannot be taken back.
    CommandResult reopen_task(TaskId id, const std::string& by, const std::string& reason = {});
    // A municipality that joined late has history okod did not see: skips, with one
    // reason, each of its open or overdue tasks due before `due_before`, in one
    // transaction, a task_skipped line each (as skip_task). Steps that move on because of
    // it may create new tasks; those are not skipped (run it again). A dry run reads
    // which it would skip and changes nothing.
    BulkSkipResult skip_open_tasks(const std::string& municipality, Instant due_before,
                                   const std::string& by, const std::string& reason, bool dry_run);
    // Delivers a named event (e.g. "survey_closed") to a running instance.
    CommandResult signal(InstanceId id, const std::string& event, const std::string& by);

    // People and roles, each one transaction and logged in the event log. Saving or
    // assigning exactly what is recorded changes nothing and succeeds.
    CommandResult save_person(const Person& p, const std::string& by);
    // The person holds the role from a.from (to a.until). A successor for a hand-over
    // in progress is told to that hand-over; the capacity norm is checked.
    CommandResult assign_role(const RoleAssignment& a, const std::string& by);
    // The person's last day in `role` (every role they hold there when `role` is empty):
    // ends the assignment and starts the municipality's role_leave workflows (the warm
    // hand-over). Open tasks need no moving: work is addressed to roles.
    CommandResult announce_leave(const std::string& municipality, const std::string& person_id,
                                 const std::string& role, Date last_day, const std::string& by);

    // Memberships (engine_memberships.cpp): who belongs to which municipality, so that
    // its regisseur may see and change them. Assigning a role makes the person a member
    // there too; the caller decides who may link (the API: an admin, or a regisseur for
    // a person it creates). Each is one transaction, logged as person_linked/_unlinked;
    // linking a member again changes nothing.
    // save_person and link_person in one transaction: a new person and where they belong.
    CommandResult save_member(const Person& p, const std::string& municipality,
                              const std::string& by);
    CommandResult link_person(const std::string& person_id, const std::string& municipality,
                              const std::string& by);
    // Refused while the person holds a role there today or later (end it first: a leave);
    // their past roles stay in the municipality's history.
    CommandResult unlink_person(const std::string& person_id, const std::string& municipality,
                                const std::string& by);

    // A year-plan activity's traffic light set by hand, with a remark (required): it
    // overrides the light its tasks give (model/activity_status.hpp). One transaction,
    // logged as activity_status_set; setting exactly what is recorded changes nothing.
    // The engine does not know the year plans: the caller checks that the activity is
    // in the municipality's plan for `year`.
    CommandResult set_activity_status(const std::string& municipality, int year,
                                      const std::string& activity, TrafficLight light,
                                      const std::string& remark, const std::string& by);

    // Next year's plan drawn up from this year's (model/year_plan_draft.hpp), stored as
    // the TOML its caller wrote and checked (the engine knows no TOML, nor the plan
    // files: the caller refuses a year that has a file). One transaction, logged as
    // year_plan_drafted with `summary`; refused (conflict) when the store has a plan for
    // that municipality and year already.
    CommandResult save_year_plan(const StoredYearPlan& plan, const std::string& summary);

    // The execution plan after a Scanner (model/execution_plan.hpp), each one
    // transaction with its line in the event log (execution_action_added, _changed,
    // _removed). The municipality must be in the store; the recommendation is resolved
    // against its list (text or number); the action is validated as a whole, so a
    // refused command changes nothing. A change to an action of another municipality
    // is not_found, as is an unknown id.
    ExecutionActionResult add_execution_action(const std::string& municipality,
                                               const ExecutionActionChange& fields,
                                               const std::string& by);
    // Replaces only what `change` sets; a change that alters nothing writes nothing.
    ExecutionActionResult change_execution_action(const std::string& municipality, std::int64_t id,
                                                  const ExecutionActionChange& change,
                                                  const std::string& by);
    ExecutionActionResult remove_execution_action(const std::string& municipality, std::int64_t id,
                                                  const std::string& by);

    // AVG/GDPR art. 17: pseudonymises the person everywhere in the store (their row, task
    // titles, the event log's titles and notes, outbox addresses) in one transaction,
    // logged as person_erased with the pseudonym and the rewritten seqs. Refused while
    // they hold or will hold a role: their leave comes first. Erasing twice changes
    // nothing and succeeds.
    ErasureResult erase_person(const std::string& person_id, const std::string& by);

private:
    Store& store_;
    const DefinitionRegistry& definitions_;
    const Calendar& calendar_;
    const Clock& clock_;
    EngineSettings settings_;
};

}  // namespace okod
