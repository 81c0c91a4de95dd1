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
#include "model/capacity.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// --store and --at name the local store and clock: through the API, okod uses its own.
bool local_options_refused(const PeopleCommon& c, const std::string& sub, std::ostream& err) {
    for (const auto& [given, option] :
         {std::pair{!c.store.empty(), "--store"}, std::pair{!c.at.empty(), "--at"}}) {
        if (!given) continue;
        err << fmt::format(
            "okoctl people {}: {} works on okod's store on its server; through okod's API "
            "(--url or OKOD_URL) okod uses its own store and clock: leave out {}\n",
            sub, option, option);
        return true;
    }
    return false;
}

std::string period(const std::string& from, const std::string& until,
                   const std::optional<double>& fte) {
    std::string text = "from " + from;
    if (!until.empty()) text += " to " + until + " inclusive";
    if (fte) text += fmt::format(", {} fte", format_fte(*fte));
    return text;
}

// Role names from the municipality's detail (okod sends them in `roles` when it can).
std::map<std::string, std::string> role_names(const json::value& municipality) {
    std::map<std::string, std::string> names;
    for (const auto& r : json_array(municipality, "roles"))
        names[json_text(r, "role")] = json_text(r, "role_name");
    return names;
}

}  // namespace

int run_people_add_api(const PeopleAddArgs& args, std::ostream& out, std::ostream& err) {
    if (local_options_refused(args.common, "add", err)) return exit_code::usage;
    // okod's API saves a person whole: what is left out would be cleared, not kept.
    if (!args.email || !args.language) {
        err << "okoctl people add: through okod's API a person is saved whole, so give both "
               "--email (--email \"\" for none) and --language (nl or en): a recorded address "
               "or language would otherwise be lost\n";
        return exit_code::usage;
    }
    auto connected = connect(args.common.client, err);
    if (!connected.api) return connected.exit_code;
    const auto reply = connected.api->post("/api/v1/people", {{"id", args.id},
                                                              {"name", args.name},
                                                              {"email", *args.email},
                                                              {"language", *args.language}});
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
    if (local_options_refused(args.common, "assign", err)) return exit_code::usage;
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
    if (local_options_refused(args.common, "leave", err)) return exit_code::usage;
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
    if (local_options_refused(args.common, "list", err)) return exit_code::usage;
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
    const auto& assignments = json_array(reply.body, "assignments");
    if (args.json) {
        print_json_lines(assignments, out);
        return exit_code::ok;
    }
    // Role names, and today's vacancies and capacity, come with the municipality's detail.
    auto detail_reply = connected.api->get("/api/v1/municipalities/" + args.municipality);
    if (!detail_reply.ok()) return detail_reply.exit_code;
    const json::value& detail = detail_reply.body;
    const bool today = args.on.empty();
    const auto names = role_names(detail);
    auto role_label = [&](const std::string& role) {
        const auto it = names.find(role);
        return it == names.end() || it->second.empty() ? role : it->second;
    };
    std::vector<TextRow> rows;
    for (const auto& a : assignments) {
        json::value person;
        if (const auto* o = a.if_object())
            if (const auto* p = o->if_contains("person_detail")) person = *p;
        const auto until = json_text(a, "until"), fte = json_text(a, "fte");
        rows.push_back({role_label(json_text(a, "role")), json_text(a, "person"),
                        json_text(person, "name"), json_text(person, "email"), json_text(a, "from"),
                        until.empty() ? "-" : until, fte.empty() ? "-" : fte});
    }
    if (today)
        for (const auto& r : json_array(detail, "roles"))
            if (json_bool(r, "vacant"))
                rows.push_back({role_label(json_text(r, "role")), "vacant"});
    // As the local list: by role name, holders by first day, a vacancy last.
    std::stable_sort(rows.begin(), rows.end(), [](const TextRow& x, const TextRow& y) {
        if (x[0] != y[0]) return x[0] < y[0];
        return x.size() > y.size() || (x.size() == y.size() && x.size() > 4 && x[4] < y[4]);
    });
    rows.insert(rows.begin(), TextRow{"role", "person", "name", "e-mail", "from", "until", "fte"});
    out << fmt::format("{} on {}\n", json_text(reply.body, "municipality"),
                       json_text(reply.body, "on"));
    print_table(rows, out);
    if (const auto line = capacity_text(detail); today && !line.empty())
        out << "capacity: " << line << '\n';
    return exit_code::ok;
}

}  // namespace okod
