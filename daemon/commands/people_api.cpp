// `okoctl people` through okod's API: the same arguments as locally, one request each.
#include "daemon/commands/people_api.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <ostream>

#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"
#include "daemon/commands/municipalities_command.hpp"
#include "daemon/commands/store_session.hpp"
#include "model/capacity.hpp"

namespace okod {
namespace {

namespace json = boost::json;

std::string period(const std::string& from, const std::string& until,
                   const std::optional<double>& fte) {
    std::string text = "from " + from;
    if (!until.empty()) text += " to " + until + " inclusive";
    if (fte) text += fmt::format(", {} fte", format_fte(*fte));
    return text;
}

// Role names from the municipality's detail (okod sends them in `roles` when it can).
}  // namespace

int run_people_add_api(const PeopleAddArgs& args, std::ostream& out, std::ostream& err) {
    if (local_options_refused(args.common, "people add", err)) return exit_code::usage;
    // okod's API saves a person whole: what is left out would be cleared, not kept.
    if (!args.email || !args.language) {
        err << "okoctl people add: through okod's API a person is saved whole, so give both "
               "--email (--email \"\" for none) and --language (nl or en): a recorded address "
               "or language would otherwise be lost\n";
        return exit_code::usage;
    }
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    json::object body{
        {"id", args.id}, {"name", args.name}, {"email", *args.email}, {"language", *args.language}};
    if (!args.municipality.empty()) body["municipality"] = args.municipality;
    const auto reply = connected.api->post("/api/v1/people", body);
    if (!reply.ok()) return reply.exit_code;
    const auto& p = reply.body;
    const auto email = json_text(p, "email");
    out << fmt::format("saved person {} ({}{}{})\n", json_text(p, "id"), json_text(p, "name"),
                       email.empty() ? std::string() : " <" + email + ">",
                       json_text(p, "language") == "en" ? ", English" : "");
    if (email.empty())
        out << "note: no e-mail address: reminders for the roles they hold cannot reach them "
               "(--email)\n";
    return exit_code::ok;
}

int run_people_assign_api(const PeopleAssignArgs& args, std::ostream& out, std::ostream& err) {
    if (local_options_refused(args.common, "people assign", err)) return exit_code::usage;
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    json::object body{{"municipality", args.municipality},
                      {"role", args.role},
                      {"person", args.person},
                      {"from", args.from}};
    if (!args.until.empty()) body["until"] = args.until;
    if (args.fte) body["fte"] = *args.fte;
    const auto reply = connected.api->post("/api/v1/assignments", body);
    if (!reply.ok()) return reply.exit_code;
    out << fmt::format("assigned {} in {} to {}, {}\n", args.role, args.municipality, args.person,
                       period(args.from, args.until, args.fte));
    out << fmt::format(
        "okod confirmed it and reports no more: `okoctl people list --municipality {}` shows the "
        "holders, `okoctl instances list --municipality {}` any hand-over it moved on\n",
        args.municipality, args.municipality);
    return exit_code::ok;
}

int run_people_leave_api(const PeopleLeaveArgs& args, std::ostream& out, std::ostream& err) {
    if (local_options_refused(args.common, "people leave", err)) return exit_code::usage;
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    json::object body{
        {"municipality", args.municipality}, {"person", args.person}, {"last_day", args.last_day}};
    if (!args.role.empty()) body["role"] = args.role;
    const auto reply = connected.api->post("/api/v1/leaves", body);
    if (!reply.ok()) return reply.exit_code;
    out << fmt::format("{} leaves {} in {}: last day {}\n", args.person,
                       args.role.empty() ? std::string("every role they hold") : args.role,
                       args.municipality, args.last_day);
    out << fmt::format(
        "okod confirmed it and reports no more: `okoctl instances list --municipality {}` shows "
        "the warm hand-over it started, `okoctl people list --municipality {}` the holders\n",
        args.municipality, args.municipality);
    return exit_code::ok;
}

int run_people_list_api(const PeopleListArgs& args, std::ostream& out, std::ostream& err) {
    if (local_options_refused(args.common, "people list", err)) return exit_code::usage;
    if (args.history) {
        err << "okoctl people list: okod's API lists the holders on one day; --history works on "
               "okod's store on its server only\n";
        return exit_code::usage;
    }
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->get("/api/v1/people",
                                          {{"municipality", args.municipality}, {"on", args.on}});
    if (!reply.ok()) return reply.exit_code;
    const json::value& body = reply.body;
    const std::string code = json_text(body, "municipality"), on = json_text(body, "on");
    // One line per holder and per vacancy, as the local list: by role name, holders by
    // first day.
    struct Line {
        std::string role, role_name;
        json::value assignment, person;  // null for a vacancy
    };
    std::vector<Line> lines;
    for (const auto& a : json_array(body, "assignments")) {
        json::value person;
        if (const auto* o = a.if_object())
            if (const auto* p = o->if_contains("person_detail")) person = *p;
        lines.push_back({json_text(a, "role"), "", a, person});
    }
    for (const auto& v : json_array(body, "vacancies"))
        lines.push_back({json_text(v, "role"), json_text(v, "role_name"), nullptr, nullptr});
    std::map<std::string, std::string> names;
    for (const auto& v : json_array(body, "vacancies")) names[json_text(v, "role")] = json_text(v, "role_name");
    for (const auto& a : json_array(body, "assignments"))
        if (const auto* o = a.if_object())
            if (const auto* n = o->if_contains("role_name"); n && n->is_string()) names[json_text(a, "role")] = json_text(a, "role_name");
    for (auto& l : lines)
        if (l.role_name.empty()) l.role_name = names.count(l.role) ? names[l.role] : l.role;
    std::stable_sort(lines.begin(), lines.end(), [](const Line& x, const Line& y) {
        if (x.role_name != y.role_name) return x.role_name < y.role_name;
        if (x.assignment.is_null() != y.assignment.is_null()) return y.assignment.is_null();
        return json_text(x.assignment, "from") < json_text(y.assignment, "from");
    });
    const json::value& capacity = body.as_object().contains("capacity") ? body.at("capacity") : json::value();

    if (args.json) {
        // The shape of the local `people list --json`.
        for (const auto& l : lines) {
            json::object o{{"kind", l.assignment.is_null() ? "vacancy" : "assignment"},
                           {"municipality", code},
                           {"role", l.role},
                           {"role_name", l.role_name}};
            if (!l.assignment.is_null()) {
                const auto& a = l.assignment.as_object();
                o["person"] = a.contains("person") ? a.at("person") : json::value("");
                o["name"] = json_text(l.person, "name");
                o["email"] = json_text(l.person, "email");
                o["language"] = json_text(l.person, "language").empty() ? "nl" : json_text(l.person, "language");
                o["from"] = a.contains("from") ? a.at("from") : nullptr;
                o["until"] = a.contains("until") ? a.at("until") : nullptr;
                o["fte"] = a.contains("fte") ? a.at("fte") : nullptr;
                o["holds_on_day"] = true;
            }
            o["on"] = on;
            print_json_line(o, out);
        }
        json::object cap{{"kind", "capacity"}, {"municipality", code}, {"on", on}};
        const bool recorded = json_bool(capacity, "recorded");
        for (const char* k : {"total_fte", "regisseur_fte"})
            cap[k] = recorded && capacity.is_object() && capacity.as_object().contains(k) ? capacity.at(k) : nullptr;
        for (const char* k : {"norm_total_fte", "norm_regisseur_fte"})
            cap[k] = capacity.is_object() && capacity.as_object().contains(k) ? capacity.at(k) : nullptr;
        cap["below_norm"] = json_bool(capacity, "below_norm");
        print_json_line(cap, out);
        return exit_code::ok;
    }
    std::vector<TextRow> rows{TextRow{"role", "person", "name", "e-mail", "from", "until", "fte"}};
    for (const auto& l : lines) {
        if (l.assignment.is_null()) {
            rows.push_back({l.role_name, "vacant"});
            continue;
        }
        const auto until = json_text(l.assignment, "until"), fte = json_text(l.assignment, "fte");
        rows.push_back({l.role_name, json_text(l.assignment, "person"), json_text(l.person, "name"),
                        json_text(l.person, "email"), json_text(l.assignment, "from"), until.empty() ? "-" : until,
                        fte.empty() ? "-" : fte});
    }
    out << fmt::format("{} on {}\n", code, on);
    print_table(rows, out);
    if (const auto line = capacity_text(body); !line.empty()) out << "capacity: " << line << '\n';
    return exit_code::ok;
}

}  // namespace okod
