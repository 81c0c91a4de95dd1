#include "model/reschedule_note.hpp"

#include <fmt/format.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

constexpr std::string_view kPrefix = "deadline van ";
constexpr std::string_view kTo = " naar ";
constexpr std::string_view kNone = "geen";
constexpr std::size_t kMinutesLength = 16;  // "2025-09-01 17:00"

std::optional<Instant> parse_minutes(std::string_view text) {
    if (text.size() != kMinutesLength || text[10] != ' ') return std::nullopt;
    std::string iso(text);
    iso[10] = 'T';
    return parse_local_date_time(iso);
}

}  // namespace

std::string reschedule_note(std::optional<Instant> from, Instant to, const std::string& reason) {
    return fmt::format("{}{}{}{}: {}", kPrefix,
                       from ? format_local_minutes(*from) : std::string(kNone), kTo,
                       format_local_minutes(to), reason);
}

std::optional<RescheduleNote> parse_reschedule_note(std::string_view note) {
    if (!note.starts_with(kPrefix)) return std::nullopt;
    note.remove_prefix(kPrefix.size());
    RescheduleNote out;
    if (note.starts_with(kNone)) {
        note.remove_prefix(kNone.size());
    } else {
        out.from = parse_minutes(note.substr(0, kMinutesLength));
        if (!out.from) return std::nullopt;
        note.remove_prefix(kMinutesLength);
    }
    if (!note.starts_with(kTo)) return std::nullopt;
    note.remove_prefix(kTo.size());
    const auto to = parse_minutes(note.substr(0, kMinutesLength));
    if (!to || note.size() < kMinutesLength + 2 || note.substr(kMinutesLength, 2) != ": ")
        return std::nullopt;
    out.to = *to;
    out.reason = std::string(note.substr(kMinutesLength + 2));
    return out;
}

}  // namespace okod
