// Undoing a completion (issue 19): the task opens again only while its instance is still
// in the step (state entry) the task was made in. Completing it may have moved the
// instance on (advance_if_all_done), and a step taken cannot be taken back: its tasks,
// timers and mails exist. Within the step nothing else depended on it but the mark
// "<task>.done", which goes back to what it was before.
#include <fmt/format.h>

#include "engine/step.hpp"
#include "model/event_kind.hpp"

namespace okod {

CommandResult Step::reopen_task(TaskId id, const std::string& by, const std::string& reason) {
    auto t = store_.task(id);
    if (!t) return CommandResult::not_found(fmt::format("no task with id {}", id));
    if (t->status != TaskStatus::done)
        return CommandResult::failure(
            fmt::format("task {} is {}, not done: only a completion can be undone", id,
                        to_string(t->status)),
            Refusal::conflict);
    auto l = load(t->instance_id);
    if (!l)
        return CommandResult::failure(
            fmt::format("task {} cannot be undone: its workflow instance {} is not loaded", id,
                        t->instance_id),
            Refusal::conflict);
    Instance& i = l->instance;
    if (i.finished_at || i.state_entry != t->state_entry)
        return CommandResult::failure(
            fmt::format("task {} cannot be undone: its step '{}' has moved on (the workflow is "
                        "{} now), so the completion counted already",
                        id, t->state,
                        i.finished_at ? std::string("finished") : "at '" + i.state + "'"),
            Refusal::conflict);

    t->status = t->due && *t->due <= now_ ? TaskStatus::overdue : TaskStatus::open;
    t->closed_at.reset();
    t->closed_by.clear();
    t->note.clear();
    ++t->revision;  // calendars show it again
    t->revised_at = now_;
    store_.update_task(*t);
    if (t->due && t->status == TaskStatus::open) arm_task_timers(*t);
    if (t->due && t->status == TaskStatus::overdue) arm_escalation(*t);  // overdue: told

    // "<spec>.done" is when a task of the spec was done last: another one's, if any.
    std::optional<Instant> last_done;
    for (const auto& other : store_.tasks_of_instance(i.id))
        if (other.spec_id == t->spec_id && other.status == TaskStatus::done && other.closed_at)
            last_done = last_done ? std::max(*last_done, *other.closed_at) : *other.closed_at;
    const std::string mark = t->spec_id + ".done";
    if (last_done)
        i.marks[mark] = *last_done;
    else
        i.marks.erase(mark);
    store_.update_instance(i);

    Event e = event_for(*t, EventKind::task_reopened);
    e.person = by;
    e.note = reason;
    log(e);
    return {};
}

}  // namespace okod
