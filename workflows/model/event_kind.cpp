#include "model/event_kind.hpp"

#include "model/enum_names.hpp"

namespace okod {
namespace {

constexpr std::array<std::pair<EventKind, std::string_view>, 31> kEventKind{{
    {EventKind::instance_started, "instance_started"},
    {EventKind::instance_finished, "instance_finished"},
    {EventKind::transition, "transition"},
    {EventKind::task_created, "task_created"},
    {EventKind::task_done, "task_done"},
    {EventKind::task_skipped, "task_skipped"},
    {EventKind::task_overdue, "task_overdue"},
    {EventKind::task_rescheduled, "task_rescheduled"},
    {EventKind::reminder, "reminder"},
    {EventKind::escalation, "escalation"},
    {EventKind::vacancy, "vacancy"},
    {EventKind::event_received, "event_received"},
    {EventKind::error, "error"},
    {EventKind::mail_undeliverable, "mail_undeliverable"},
    {EventKind::person_saved, "person_saved"},
    {EventKind::role_assigned, "role_assigned"},
    {EventKind::leave_announced, "leave_announced"},
    {EventKind::person_linked, "person_linked"},
    {EventKind::person_unlinked, "person_unlinked"},
    {EventKind::person_erased, "person_erased"},
    {EventKind::capacity_below_norm, "capacity_below_norm"},
    {EventKind::activity_status_set, "activity_status_set"},
    {EventKind::execution_action_added, "execution_action_added"},
    {EventKind::execution_action_changed, "execution_action_changed"},
    {EventKind::execution_action_removed, "execution_action_removed"},
    {EventKind::task_reopened, "task_reopened"},
    {EventKind::year_plan_drafted, "year_plan_drafted"},
    {EventKind::municipality_settings_changed, "municipality_settings_changed"},
    {EventKind::survey_imported, "survey_imported"},
    {EventKind::task_handed_on, "task_handed_on"},
    {EventKind::welcome, "welcome"},
}};

}  // namespace

std::string_view to_string(EventKind k) { return name_of(kEventKind, k); }
std::optional<EventKind> parse_event_kind(std::string_view t) { return find_name(kEventKind, t); }

}  // namespace okod
