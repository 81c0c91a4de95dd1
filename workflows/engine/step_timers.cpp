// Timers firing: reminders, deadlines, escalations and timed transitions, and the
// notices they put in the outbox.
#include <fmt/format.h>

#include "definition/guards.hpp"
#include "engine/step.hpp"
#include "model/event_kind.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// A timer handled this much later than it was due fell due while okod was not running.
constexpr auto kLateAfter = std::chrono::minutes{15};

// The event-log line a sent notice leaves; none for the overdue notice, whose
// task_overdue line is already there.
std::optional<EventKind> notice_event(OutboxKind kind) {
    switch (kind) {
        case OutboxKind::reminder:
            return EventKind::reminder;
        case OutboxKind::escalation:
            return EventKind::escalation;
        case OutboxKind::vacancy:
            return EventKind::vacancy;
        case OutboxKind::overdue:
        case OutboxKind::sign_in:  // not the engine's: the API enqueues it
        case OutboxKind::welcome:  // not a notice about a task (engine/step_handover.cpp)
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

void Step::fire(const Timer& t) {
    // A timer fired more than a few minutes late is okod catching up (installed late,
    // down for days): the work it brings was due to appear at the timer's moment.
    work_due_at_ = now_ - t.due > kLateAfter ? t.due : now_;
    switch (t.kind) {
        case TimerKind::start_instance:
            return start_instance(t);
        case TimerKind::reminder:
            return fire_reminder(t);
        case TimerKind::task_due:
            return fire_task_due(t);
        case TimerKind::escalation:
            return fire_escalation(t);
        case TimerKind::transition:
            return fire_transition(t);
        case TimerKind::capacity_check:
            if (auto m = store_.municipality(t.municipality)) check_capacity(*m);
            return;
    }
}

void Step::fire_reminder(const Timer& t) {
    auto task = store_.task(t.task_id);
    if (!task || task->status != TaskStatus::open || !task->due) return;
    // Policy for reminders missed while okod was down: once the deadline itself has
    // passed, the overdue notice says it all; and of several missed lead times only
    // the latest is sent, so nobody gets a burst of stale mail.
    if (*task->due <= now_) return;
    for (int lead : task->remind_days) {
        if (lead >= t.lead_days) continue;
        if (reminder_instant(task->municipality, *task->due, lead) <= now_) return;
    }
    // Labelled by when it really comes: a reminder moved off a weekend or holiday to
    // the business day before says "5 days ahead", not its nominal "3 days ahead".
    const int days_ahead =
        static_cast<int>((to_days(local_date(*task->due)) - to_days(local_date(t.due))).count());
    notify_role(*task, OutboxKind::reminder, task->role, days_ahead, now_ - t.due > kLateAfter);
}

void Step::fire_task_due(const Timer& t) {
    auto task = store_.task(t.task_id);
    if (!task || task->status != TaskStatus::open) return;
    task->status = TaskStatus::overdue;
    store_.update_task(*task);
    Event e = event_for(*task, EventKind::task_overdue);
    // A task whose deadline had passed before it existed (okod started mid-trajectory,
    // or a state was entered late) is shown as overdue, not mailed about: those
    // notices would be a burst of stale mail about work nobody was asked to do.
    const bool born_late = task->created_at > t.due;
    if (born_late) e.note = "deadline had passed when the task was created";
    log(e);
    if (!born_late)
        notify_role(*task, OutboxKind::overdue, task->role, 0, now_ - t.due > kLateAfter);
}

void Step::fire_escalation(const Timer& t) {
    auto task = store_.task(t.task_id);
    if (!task || is_closed(task->status) || !task->escalation) return;
    notify_role(*task, OutboxKind::escalation, task->escalation->to_role, t.lead_days,
                now_ - t.due > kLateAfter);
}

void Step::fire_transition(const Timer& t) {
    auto l = load(t.instance_id);
    if (!l || l->instance.finished_at || l->instance.state_entry != t.state_entry) return;
    const auto& transitions = l->definition->transitions;
    if (t.transition_index < 0 ||
        static_cast<std::size_t>(t.transition_index) >= transitions.size())
        return;
    const auto& tr = transitions[static_cast<std::size_t>(t.transition_index)];
    if (!guard(*l, tr.guard)) return;
    take(*l, tr, "timer", 0);
}

void Step::notify_role(const Task& task, OutboxKind kind, const std::string& role, int lead_days,
                       bool late) {
    auto holders = store_.holders_of_role(task.municipality, role, today_);
    // A task addressed to one person (a leaver's hand-over file) reaches them alone, not
    // every holder of its role (the successor who already started); and nobody in the
    // role once they hold it no more, so the regisseur hears of it as of a vacancy.
    if (!task.person.empty() && role == task.role)
        std::erase_if(holders, [&](const Person& p) { return p.id != task.person; });
    const auto due_epoch = task.due ? task.due->time_since_epoch().count() : 0;
    // `key_kind` keeps a vacancy alert for a reminder apart from one for the overdue
    // notice of the same day: both must reach the regisseur.
    auto enqueue = [&](const Person& p, OutboxKind notice_kind, const std::string& addressed,
                       const std::string& key_kind) {
        OutboxItem o;
        o.key = fmt::format("{}/{}/{}/{}/{}", task.id, key_kind, lead_days, due_epoch, p.id);
        o.created_at = now_;
        o.municipality = task.municipality;
        o.task_id = task.id;
        o.kind = notice_kind;
        o.role = addressed;
        o.person_id = p.id;
        o.recipient = p.email;
        o.language = p.language;
        o.lead_days = lead_days;
        o.due = task.due;
        o.late = late;
        if (!store_.enqueue(o)) return;  // already decided once: never twice
        const auto logged = notice_event(notice_kind);
        if (!logged) return;  // the task_overdue event already tells
        Event e = event_for(task, *logged);
        e.role = addressed;
        e.person = p.id;
        e.lead_days = lead_days;
        if (late) e.note = "late";
        log(e);
    };

    if (!holders.empty()) {
        for (const auto& p : holders) enqueue(p, kind, role, std::string(to_string(kind)));
        return;
    }
    // Nobody holds the role: never drop the notice silently. The regisseur hears of it,
    // or the steering group when the regisseur's own post is vacant; when nobody is
    // left to tell, the event log says so.
    auto alerted =
        role == kRegisseurRole
            ? std::vector<Person>{}
            : store_.holders_of_role(task.municipality, std::string(kRegisseurRole), today_);
    if (alerted.empty() && role != kSteeringGroupRole)
        alerted =
            store_.holders_of_role(task.municipality, std::string(kSteeringGroupRole), today_);
    for (const auto& p : alerted)
        enqueue(p, OutboxKind::vacancy, role, fmt::format("vacancy-{}", to_string(kind)));
    if (alerted.empty()) {
        Event e = event_for(task, EventKind::vacancy);
        e.role = role;
        e.note = "no regisseur or steering group to alert";
        log(e);
    }
}

}  // namespace okod
