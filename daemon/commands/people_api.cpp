// `okoctl people` through okod's API: the same arguments as locally, one request each.
#include "daemon/commands/people_api.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <ostream>

#include "daemon/client/json_fields.hpp"
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

}  // namespace okod
