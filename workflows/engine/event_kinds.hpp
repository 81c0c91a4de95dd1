#pragma once
// The kinds of lines in the event log. The log is the audit trail, the source of the
// simulation timeline and of the process monitor, so these names are part of okod's
// interface (they appear in `okod simulate --json`).
#include <string_view>

namespace okod::event_kind {

inline constexpr std::string_view instance_started = "instance_started";
inline constexpr std::string_view instance_finished = "instance_finished";
inline constexpr std::string_view transition = "transition";
inline constexpr std::string_view task_created = "task_created";
inline constexpr std::string_view task_done = "task_done";
inline constexpr std::string_view task_skipped = "task_skipped";
inline constexpr std::string_view task_overdue = "task_overdue";
// A deadline moved by hand; `note` says from when to when and why.
inline constexpr std::string_view task_rescheduled = "task_rescheduled";
inline constexpr std::string_view reminder = "reminder";
inline constexpr std::string_view escalation = "escalation";
inline constexpr std::string_view vacancy = "vacancy";
inline constexpr std::string_view event_received = "event_received";
inline constexpr std::string_view error = "error";
// An e-mail the outbox gave up on (dead letter); `note` holds the last error.
inline constexpr std::string_view mail_undeliverable = "mail_undeliverable";
// Who held which role when: a person's details saved, a role assigned (from, until,
// FTE in `note`), a leave announced (the last day in `note`).
inline constexpr std::string_view person_saved = "person_saved";
inline constexpr std::string_view role_assigned = "role_assigned";
inline constexpr std::string_view leave_announced = "leave_announced";
// A person made a member of a municipality by an admin (or by being added there), or
// no longer one (issue 16); `note` says by whom.
inline constexpr std::string_view person_linked = "person_linked";
inline constexpr std::string_view person_unlinked = "person_unlinked";
// A person's data erased (AVG art. 17): names only the pseudonym, lists what it rewrote.
inline constexpr std::string_view person_erased = "person_erased";
// The FTE on the roles fell below the municipality's norm; `note` has the figures.
inline constexpr std::string_view capacity_below_norm = "capacity_below_norm";
// A year-plan activity's traffic light set by hand (okoctl activities set); `note`
// has the year, the activity, the light, the remark and who set it.
inline constexpr std::string_view activity_status_set = "activity_status_set";
// The execution plan after a Scanner: an action added, changed or removed (okoctl
// execution-plan, or the API); `note` names the action, its recommendation, what
// changed and who did it.
inline constexpr std::string_view execution_action_added = "execution_action_added";
inline constexpr std::string_view execution_action_changed = "execution_action_changed";
inline constexpr std::string_view execution_action_removed = "execution_action_removed";

}  // namespace okod::event_kind
