// `okoctl instances list | show | signal` through okod's API.
#include "daemon/commands/instances_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/json.hpp>
#include <ostream>

#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/events_table.hpp"

namespace okod {
namespace {

namespace json = boost::json;

std::string instance_path(std::int64_t id) { return fmt::format("/api/v1/instances/{}", id); }

std::string finished(const json::value& i) {
    return json_local_minutes(i, "finished_at", "running");
}

std::string params_text(const json::value& i) {
    std::vector<std::string> parts;
    if (const auto* o = i.if_object())
        if (const auto* params = o->if_contains("params"); params && params->is_object())
            for (const auto& [name, value] : params->as_object())
                parts.push_back(fmt::format(
                    "{}={}", std::string_view(name),
                    value.is_string() ? std::string(value.as_string()) : json::serialize(value)));
    return fmt::format("{}", fmt::join(parts, ", "));
}

// The instance as key and value lines, then its history when okod sent one.
void print_instance(const json::value& i, std::ostream& out) {
    out << fmt::format("instance {}: {} version {} in {}\n", json_int(i, "id"),
                       json_text(i, "workflow"), json_text(i, "version"),
                       json_text(i, "municipality"));
    std::vector<TextRow> rows;
    auto row = [&](const std::string& key, const std::string& value) {
        if (!value.empty()) rows.push_back({"  " + key, value});
    };
    row("state", json_text(i, "state"));
    row("key", json_text(i, "key"));
    row("year", json_text(i, "year"));
    row("started", json_local_minutes(i, "started_at"));
    row("finished", finished(i));
    row("params", params_text(i));
    print_table(rows, out);
    const auto* o = i.if_object();
    if (!o || !o->contains("history")) return;
    const auto& history = json_array(i, "history");
    if (history.empty()) {
        out << "history: none in the event log\n";
        return;
    }
    out << "history:\n";
    print_table(event_rows(history, false), out);
}

}  // namespace

int run_instances_list(const InstancesListArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply =
        connected.api->get("/api/v1/instances", {{"municipality", args.municipality}});
    if (!reply.ok()) return reply.exit_code;
    const auto& instances = json_array(reply.body, "instances");
    if (args.json) {
        print_json_lines(instances, out);
        return exit_code::ok;
    }
    if (instances.empty()) {
        out << "no instances\n";
        return exit_code::ok;
    }
    std::vector<TextRow> rows{{"ID", "GM", "WORKFLOW", "STATE", "YEAR", "STARTED", "FINISHED"}};
    for (const auto& i : instances)
        rows.push_back({json_text(i, "id"), json_text(i, "municipality"), json_text(i, "workflow"),
                        json_text(i, "state"), json_text(i, "year"),
                        json_local_minutes(i, "started_at"), finished(i)});
    print_table(rows, out);
    return exit_code::ok;
}

int run_instances_show(const InstanceArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get(instance_path(args.id));
    if (!reply.ok()) return reply.exit_code;
    if (args.json)
        print_json_line(reply.body, out);
    else
        print_instance(reply.body, out);
    return exit_code::ok;
}

int run_instances_signal(const InstancesSignalArgs& args, std::ostream& out, std::ostream& err) {
    auto connected = connect(args.instance.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply =
        connected.api->post(instance_path(args.instance.id) + "/signal", {{"event", args.event}});
    if (!reply.ok()) return reply.exit_code;
    if (args.instance.json) {
        print_json_line(reply.body, out);
        return exit_code::ok;
    }
    out << fmt::format("delivered {} to instance {}\n", args.event, args.instance.id);
    print_instance(reply.body, out);
    return exit_code::ok;
}

}  // namespace okod
