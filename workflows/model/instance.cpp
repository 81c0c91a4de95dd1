#include "model/instance.hpp"

#include "model/enum_names.hpp"

namespace okod {
namespace {

constexpr std::array<std::pair<TaskStatus, std::string_view>, 4> kTaskStatus{{
    {TaskStatus::open, "open"},
    {TaskStatus::done, "done"},
    {TaskStatus::skipped, "skipped"},
    {TaskStatus::overdue, "overdue"},
}};
constexpr std::array<std::pair<TimerKind, std::string_view>, 6> kTimerKind{{
    {TimerKind::start_instance, "start_instance"},
    {TimerKind::reminder, "reminder"},
    {TimerKind::task_due, "task_due"},
    {TimerKind::escalation, "escalation"},
    {TimerKind::transition, "transition"},
    {TimerKind::capacity_check, "capacity_check"},
}};
constexpr std::array<std::pair<OutboxStatus, std::string_view>, 4> kOutboxStatus{{
    {OutboxStatus::pending, "pending"},
    {OutboxStatus::sent, "sent"},
    {OutboxStatus::dead, "dead"},
    {OutboxStatus::obsolete, "obsolete"},
}};
constexpr std::array<std::pair<OutboxKind, std::string_view>, 6> kOutboxKind{{
    {OutboxKind::reminder, "reminder"},
    {OutboxKind::overdue, "overdue"},
    {OutboxKind::escalation, "escalation"},
    {OutboxKind::vacancy, "vacancy"},
    {OutboxKind::sign_in, "sign_in"},
    {OutboxKind::welcome, "welcome"},
}};

}  // namespace

std::string_view to_string(TaskStatus s) { return name_of(kTaskStatus, s); }
std::optional<TaskStatus> parse_task_status(std::string_view t) {
    return find_name(kTaskStatus, t);
}
std::string_view to_string(TimerKind k) { return name_of(kTimerKind, k); }
std::optional<TimerKind> parse_timer_kind(std::string_view t) { return find_name(kTimerKind, t); }
std::string_view to_string(OutboxStatus s) { return name_of(kOutboxStatus, s); }
std::optional<OutboxStatus> parse_outbox_status(std::string_view t) {
    return find_name(kOutboxStatus, t);
}
std::string_view to_string(OutboxKind k) { return name_of(kOutboxKind, k); }
std::optional<OutboxKind> parse_outbox_kind(std::string_view t) {
    return find_name(kOutboxKind, t);
}

}  // namespace okod
