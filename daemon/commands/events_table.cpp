#include "daemon/commands/events_table.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "daemon/client/json_fields.hpp"

namespace okod {
namespace {

std::string what_happened(const boost::json::value& e) {
    std::vector<std::string> parts;
    // The state only where it changes: every event carries the one it happened in.
    const auto from = json_text(e, "from_state"), to = json_text(e, "state");
    if (!from.empty() && from != to)
        parts.push_back(from + " -> " + to);
    else if (json_text(e, "kind") == "instance_started" && !to.empty())
        parts.push_back("in " + to);
    const auto task = json_text(e, "task"), title = json_text(e, "title");
    if (!title.empty())
        parts.push_back(task.empty() ? title : task + ": " + title);
    else if (!task.empty())
        parts.push_back("task " + task);
    if (const auto role = json_text(e, "role"); !role.empty()) parts.push_back("role " + role);
    if (const auto person = json_text(e, "person"); !person.empty())
        parts.push_back("person " + person);
    if (const auto due = json_local_minutes(e, "due", ""); !due.empty())
        parts.push_back("due " + due);
    if (const auto note = json_text(e, "note"); !note.empty()) parts.push_back(note);
    return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

std::vector<TextRow> event_rows(const boost::json::array& events, bool with_instance) {
    std::vector<TextRow> rows;
    if (with_instance)
        rows.push_back({"SEQ", "AT", "KIND", "INSTANCE", "WHAT"});
    else
        rows.push_back({"SEQ", "AT", "KIND", "WHAT"});
    for (const auto& e : events) {
        TextRow row{json_text(e, "seq"), json_local_minutes(e, "at"), json_text(e, "kind")};
        if (with_instance) {
            const auto instance = json_int(e, "instance_id");
            row.push_back(instance > 0 ? fmt::format("{} {}", instance, json_text(e, "workflow"))
                                       : std::string("-"));
        }
        row.push_back(what_happened(e));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace okod
