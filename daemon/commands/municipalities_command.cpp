// `okoctl municipalities list | show` through okod's API.
#include "daemon/commands/municipalities_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <boost/json.hpp>
#include <ostream>

#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/people_list_view.hpp"

namespace okod {
namespace {

namespace json = boost::json;

std::string workflows_text(const json::value& m) {
    std::vector<std::string> ids;
    for (const auto& w : json_array(m, "workflows"))
        if (w.is_string()) ids.emplace_back(w.as_string());
    return fmt::format("{}", fmt::join(ids, ", "));
}

std::string with_name(const json::value& v, std::string_view id_key, std::string_view name_key) {
    const auto id = json_text(v, id_key), name = json_text(v, name_key);
    return name.empty() || name == id ? id : fmt::format("{} [{}]", name, id);
}

TextRow holder_row(const std::string& role, const json::value& a) {
    return {role,
            json_text(a, "person"),
            json_text(a, "name"),
            json_text(a, "from"),
            json_text(a, "until").empty() ? "-" : json_text(a, "until"),
            json_text(a, "fte").empty() ? "-" : json_text(a, "fte")};
}

// Who holds which role today. okod sends `roles` (with names and vacancies) or, before
// that, only the assignments as `holders`.
void print_holders(const json::value& m, std::ostream& out) {
    std::vector<TextRow> rows{{"  ROLE", "PERSON", "NAME", "FROM", "UNTIL", "FTE"}};
    const auto* o = m.if_object();
    if (o && o->contains("roles")) {
        for (const auto& r : json_array(m, "roles")) {
            const std::string role = "  " + with_name(r, "role", "role_name");
            if (json_array(r, "holders").empty()) rows.push_back({role, "vacant"});
            for (const auto& a : json_array(r, "holders")) rows.push_back(holder_row(role, a));
        }
    } else {
        for (const auto& a : json_array(m, "holders"))
            rows.push_back(holder_row("  " + json_text(a, "role"), a));
    }
    out << "holders today:\n";
    if (rows.size() == 1)
        out << "  nobody\n";
    else
        print_table(rows, out);
}

void print_running(const json::value& m, std::ostream& out) {
    const auto& instances = json_array(m, "instances");
    out << "running instances:\n";
    if (instances.empty()) {
        out << "  none\n";
        return;
    }
    std::vector<TextRow> rows{{"  ID", "WORKFLOW", "STATE", "STARTED"}};
    for (const auto& i : instances)
        rows.push_back({"  " + json_text(i, "id"), with_name(i, "workflow", "workflow_name"),
                        with_name(i, "state", "state_name"), json_local_minutes(i, "started_at")});
    print_table(rows, out);
}

void print_municipality(const json::value& m, std::ostream& out) {
    out << fmt::format("{} {}\n", json_text(m, "code"), json_text(m, "name"));
    std::vector<TextRow> rows;
    auto row = [&](const std::string& key, const std::string& value) {
        if (!value.empty()) rows.push_back({"  " + key, value});
    };
    row("school region", json_text(m, "school_region"));
    row("language", json_text(m, "language"));
    const auto cycle = json_int(m, "cycle_years");
    row("trajectory", fmt::format("{} to {}, cycle of {} year{}", json_text(m, "trajectory_start"),
                                  json_text(m, "trajectory_end"), cycle, cycle == 1 ? "" : "s"));
    row("workflows", workflows_text(m));
    row("next election", json_text(m, "next_election"));
    const auto capacity = capacity_text(m);
    row("capacity", capacity.empty() ? "not reported" : capacity);
    print_table(rows, out);
    print_holders(m, out);
    print_running(m, out);
}

}  // namespace

std::string capacity_text(const json::value& m) {
    const auto* o = m.if_object();
    const auto* c = o ? o->if_contains("capacity") : nullptr;
    const auto capacity = c ? capacity_from_json(*c) : std::nullopt;
    return capacity ? okod::capacity_text(*capacity) : std::string();
}

int run_municipalities_list(const MunicipalitiesListArgs& args, std::ostream& out,
                            std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    // okod answers a page at a time: every page, to the last (bounded, as a promise).
    boost::json::array list;
    std::string after;
    for (int page = 0; page < 10'000; ++page) {
        const auto reply =
            connected.api->get("/api/v1/municipalities", {{"after", after}, {"limit", "1000"}});
        if (!reply.ok()) return reply.exit_code;
        const auto& part = json_array(reply.body, "municipalities");
        list.insert(list.end(), part.begin(), part.end());
        after = json_text(reply.body, "next_after");
        if (after.empty()) break;
    }
    if (args.json) {
        print_json_lines(list, out);
        return exit_code::ok;
    }
    if (list.empty()) {
        out << "no municipalities (none that this token may see)\n";
        return exit_code::ok;
    }
    std::vector<TextRow> rows{{"CODE", "NAME", "REGION", "TRAJECTORY", "WORKFLOWS"}};
    for (const auto& m : list)
        rows.push_back({json_text(m, "code"), json_text(m, "name"), json_text(m, "school_region"),
                        json_text(m, "trajectory_start") + " to " + json_text(m, "trajectory_end"),
                        workflows_text(m)});
    print_table(rows, out);
    return exit_code::ok;
}

int run_municipalities_show(const MunicipalitiesShowArgs& args, std::ostream& out,
                            std::ostream& err) {
    auto connected = connect(args.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get("/api/v1/municipalities/" + args.code);
    if (!reply.ok()) return reply.exit_code;
    if (args.json)
        print_json_line(reply.body, out);
    else
        print_municipality(reply.body, out);
    return exit_code::ok;
}

}  // namespace okod
