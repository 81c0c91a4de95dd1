// `okoctl tasks list | show | history | complete | undo | skip | reschedule` through okod's API.
#include "daemon/commands/tasks_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/json.hpp>
#include <ostream>

#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;

std::string task_path(std::int64_t id) { return fmt::format("/api/v1/tasks/{}", id); }

std::string reminders(const json::value& task) {
    std::vector<std::string> days;
    for (const auto& d : json_array(task, "remind_days"))
        if (d.is_int64()) days.push_back(std::to_string(d.as_int64()));
    if (days.empty()) return "none";
    return fmt::format("{} {} before", fmt::join(days, ", "),
                       days.size() == 1 && days[0] == "1" ? "day" : "days");
}

// One task as key and value lines under its title.
void print_task(const json::value& t, std::ostream& out) {
    out << fmt::format("task {}: {}\n", json_int(t, "id"), json_title(t));
    std::vector<TextRow> rows;
    auto row = [&](const std::string& key, const std::string& value) {
        if (!value.empty()) rows.push_back({"  " + key, value});
    };
    std::string status = json_text(t, "status");
    if (const auto light = json_text(t, "light"); !light.empty()) status += " (" + light + ")";
    row("status", status);
    row("due", json_local_minutes(t, "due", "none"));
    const auto role_name = json_text(t, "role_name");
    row("role", role_name.empty() ? json_text(t, "role")
                                  : fmt::format("{} [{}]", role_name, json_text(t, "role")));
    row("municipality", json_text(t, "municipality"));
    row("workflow", fmt::format("{}, instance {}, state {}", json_text(t, "workflow"),
                                json_int(t, "instance_id"), json_text(t, "state")));
    row("reminders", reminders(t));
    row("created", json_local_minutes(t, "created_at"));
    if (const auto closed = json_local_minutes(t, "closed_at", ""); !closed.empty()) {
        const auto by = json_text(t, "closed_by");
        row("closed", by.empty() ? closed : closed + " by " + by);
    }
    row("note", json_text(t, "note"));
    if (const auto* o = t.if_object())
        if (const auto* title = o->if_contains("title"))
            if (const auto en = json_text(*title, "en"); !en.empty() && en != json_title(t))
                row("in English", en);
    print_table(rows, out);
}

int print_written(const TaskArgs& args, const std::string& action, const json::object& body,
                  std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->post(task_path(args.id) + "/" + action, body);
    if (!reply.ok()) return reply.exit_code;
    if (args.json)
        print_json_line(reply.body, out);
    else
        print_task(reply.body, out);
    return exit_code::ok;
}

}  // namespace

int run_tasks_list(const TasksListArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get(
        "/api/v1/tasks", {{"municipality", args.municipality},
                          {"role", args.role},
                          {"person", args.person},
                          {"status", args.status},
                          {"due_before", args.due_before},
                          {"due_after", args.due_after},
                          {"view", args.view},
                          {"q", args.search},
                          {"limit", args.limit > 0 ? std::to_string(args.limit) : ""}});
    if (!reply.ok()) return reply.exit_code;
    const auto& tasks = json_array(reply.body, "tasks");
    if (args.json) {
        print_json_lines(tasks, out);
        return exit_code::ok;
    }
    if (tasks.empty()) {
        out << "no tasks match\n";
        return exit_code::ok;
    }
    std::vector<TextRow> rows{{"ID", "DUE", "STATUS", "ROLE", "GM", "TITLE"}};
    for (const auto& t : tasks)
        rows.push_back({json_text(t, "id"), json_local_minutes(t, "due"), json_text(t, "status"),
                        json_text(t, "role"), json_text(t, "municipality"), json_title(t)});
    print_table(rows, out);
    return exit_code::ok;
}

int run_tasks_show(const TaskArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get(task_path(args.id));
    if (!reply.ok()) return reply.exit_code;
    if (args.json)
        print_json_line(reply.body, out);
    else
        print_task(reply.body, out);
    return exit_code::ok;
}

int run_tasks_history(const TaskArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get(task_path(args.id) + "/history");
    if (!reply.ok()) return reply.exit_code;
    const auto& history = json_array(reply.body, "history");
    if (args.json) {
        print_json_lines(history, out);
        return exit_code::ok;
    }
    std::vector<TextRow> rows{{"AT", "WHAT", "WHO", "DETAILS"}};
    for (const auto& e : history) {
        const auto who = [&](std::string_view id, std::string_view name) {
            const auto n = json_text(e, name);
            return n.empty() ? json_text(e, id) : n;
        };
        std::string person = who("by", "by_name");
        if (person.empty()) person = who("sent_to", "sent_to_name");
        std::string details = json_text(e, "reason");
        if (const auto to = json_local_minutes(e, "to", ""); !to.empty())
            details =
                fmt::format("{} -> {}: {}", json_local_minutes(e, "from", "none"), to, details);
        if (details.empty()) details = json_text(e, "note");
        rows.push_back({json_local_minutes(e, "at"), json_text(e, "kind"), person, details});
    }
    print_table(rows, out);
    return exit_code::ok;
}

int run_tasks_complete(const TasksCompleteArgs& args, std::ostream& out, std::ostream& err) {
    json::object body;
    if (!args.note.empty()) body["note"] = args.note;
    return print_written(args.task, "complete", body, out, err);
}

int run_tasks_undo(const TasksUndoArgs& args, std::ostream& out, std::ostream& err) {
    json::object body;
    if (!args.reason.empty()) body["reason"] = args.reason;
    return print_written(args.task, "undo", body, out, err);
}

int run_tasks_skip(const TasksSkipArgs& args, std::ostream& out, std::ostream& err) {
    if (args.municipality.empty())
        return print_written(args.task, "skip", {{"reason", args.reason}}, out, err);
    auto connected = connect(args.task.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->post(
        fmt::format("/api/v1/municipalities/{}/tasks/skip", args.municipality),
        json::object{
            {"due_before", args.due_before}, {"reason", args.reason}, {"dry_run", args.dry_run}});
    if (!reply.ok()) return reply.exit_code;
    if (args.task.json) {
        print_json_line(reply.body, out);
        return exit_code::ok;
    }
    const auto& tasks = json_array(reply.body, "tasks");
    out << fmt::format("{} {} open task(s) of {} due before {}\n",
                       args.dry_run ? "would skip" : "skipped", json_int(reply.body, "count"),
                       args.municipality, args.due_before);
    if (tasks.empty()) return exit_code::ok;
    std::vector<TextRow> rows{{"ID", "DUE", "ROLE", "TITLE"}};
    for (const auto& t : tasks)
        rows.push_back({json_text(t, "id"), json_local_minutes(t, "due"), json_text(t, "role"),
                        json_title(t)});
    print_table(rows, out);
    if (json_int(reply.body, "count") > static_cast<std::int64_t>(tasks.size()))
        out << fmt::format("(the first {} listed)\n", tasks.size());
    return exit_code::ok;
}

int run_tasks_reschedule(const TasksRescheduleArgs& args, std::ostream& out, std::ostream& err) {
    json::object body{{"due", args.due}, {"reason", args.reason}};
    // okod compares moments, so any spelling of the deadline seen will do.
    if (!args.if_due.empty()) body["if_due"] = args.if_due;
    return print_written(args.task, "reschedule", body, out, err);
}

}  // namespace okod
