#include "model/instance.hpp"

#include <array>
#include <utility>

namespace okod {
namespace {

template <typename E, std::size_t N>
std::optional<E> find_name(const std::array<std::pair<E, std::string_view>, N>& names,
                           std::string_view text) {
    for (const auto& [value, name] : names)
        if (name == text) return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return "?";
}

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

}  // namespace

std::string_view to_string(TaskStatus s) { return name_of(kTaskStatus, s); }
std::optional<TaskStatus> parse_task_status(std::string_view t) { return find_name(kTaskStatus, t); }
std::string_view to_string(TimerKind k) { return name_of(kTimerKind, k); }
std::optional<TimerKind> parse_timer_kind(std::string_view t) { return find_name(kTimerKind, t); }
std::string_view to_string(OutboxStatus s) { return name_of(kOutboxStatus, s); }
std::optional<OutboxStatus> parse_outbox_status(std::string_view t) {
    return find_name(kOutboxStatus, t);
}

}  // namespace okod
