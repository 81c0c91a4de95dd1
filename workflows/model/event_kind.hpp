#pragma once
// The kinds of lines in the event log. The log is the audit trail, the source of the
// simulation timeline and of the process monitor, so their names (to_string) are part
// of okod's interface: the store keeps them, the API and `okod simulate --json` show
// them. Renaming one is a migration, not an edit here.
//
// A stored name parse_event_kind() does not know is an error where it is read, as for
// every stored enum: no migration ever wrote another name, and a store written by a
// newer okod is refused by its schema version. A new kind therefore comes with a
// schema version, so that an older okod refuses the store instead of misreading it.
#include <optional>
#include <string_view>

namespace okod {

enum class EventKind {
    instance_started,
    instance_finished,
    transition,
    task_created,
    task_done,
    task_skipped,
    task_overdue,
    // A deadline moved by hand; `note` says from when to when and why.
    task_rescheduled,
    reminder,
    escalation,
    vacancy,
    event_received,
    error,
    // An e-mail the outbox gave up on (dead letter); `note` holds the last error.
    mail_undeliverable,
    // Who held which role when: a person's details saved, a role assigned (from,
    // until, FTE in `note`), a leave announced (the last day in `note`).
    person_saved,
    role_assigned,
    leave_announced,
    // A person made a member of a municipality by an admin (or by being added there),
    // or no longer one (issue 16); `note` says by whom.
    person_linked,
    person_unlinked,
    // A person's data erased (AVG art. 17): names only the pseudonym, lists what it
    // rewrote.
    person_erased,
    // The FTE on the roles fell below the municipality's norm; `note` has the figures.
    capacity_below_norm,
    // A year-plan activity's traffic light set by hand (okoctl activities set); `note`
    // has the year, the activity, the light, the remark and who set it.
    activity_status_set,
    // The execution plan after a Scanner: an action added, changed or removed (okoctl
    // execution-plan, or the API); `note` names the action, its recommendation, what
    // changed and who did it.
    execution_action_added,
    execution_action_changed,
    execution_action_removed,
    // A completion undone within its step (issue 19): the task is open again; `person`
    // says who undid it, `note` why (may be empty).
    task_reopened,
    // Next year's plan drawn up from this year's activity overview (issue 19) and stored;
    // `note` has both years, how many activities came over and who did it.
    year_plan_drafted,
    // A municipality's settings changed in the browser or with okoctl, or dropped so
    // that its file counts again (issue 19); `person` says who, `note` what changed
    // ("budget_lines.npo.until 2023-07-31 → 2024-07-31; ...").
    municipality_settings_changed,
    // Survey results stored (issue 19: the API's upload, okoctl import survey): `title`
    // is the file, `note` how many values of which indicators and years, and by whom.
    survey_imported,
    // A task addressed to one person went on to a role because that person holds its
    // role no more (a leaver's hand-over file after the last day, issue 20); `role` is
    // the role it went to, `note` says whose it was.
    task_handed_on,
    // The welcome of a successor in a warm hand-over queued (issue 20); `person` is the
    // successor, `role` the role taken over, `note` from when it goes out.
    welcome,
};

// "instance_started", "task_done", ...: the name the store, the API and the tests see.
std::string_view to_string(EventKind k);
std::optional<EventKind> parse_event_kind(std::string_view text);

}  // namespace okod
