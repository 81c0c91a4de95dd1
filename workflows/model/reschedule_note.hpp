#pragma once
// The event-log note of a moved deadline: "deadline van 2025-09-01 17:00 naar 2025-09-15
// 17:00: <reason>" (Amsterdam wall clock; "geen" for a task that had none). The engine
// writes it; the task's history (GET /api/v1/tasks/{id}/history) reads it back into
// from, to and reason, so the reason is shown again.
#include <optional>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod {

std::string reschedule_note(std::optional<Instant> from, Instant to, const std::string& reason);

struct RescheduleNote {
    std::optional<Instant> from;  // none: the task had no deadline
    Instant to{};
    std::string reason;
};
// nullopt when `note` is not such a note.
std::optional<RescheduleNote> parse_reschedule_note(std::string_view note);

}  // namespace okod
