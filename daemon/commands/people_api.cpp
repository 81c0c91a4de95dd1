// `okoctl people` through okod's API: the same arguments as locally, one request each.
#include "daemon/commands/people_api.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <ostream>

#include "daemon/client/json_fields.hpp"
#include "daemon/commands/people_text.hpp"
#include "daemon/commands/store_session.hpp"
#include "model/capacity.hpp"

namespace okod {
namespace {

namespace json = boost::json;

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
    // What okod saved, as it answers.
    const auto& saved = reply.body;
    Person p{json_text(saved, "id"), json_text(saved, "name"), json_text(saved, "email"),
             parse_language(json_text(saved, "language")).value_or(Language::nl)};
    print_person_saved("saved", p, out);
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
    out << fmt::format(
        "assigned {} in {} to {}, {}\n", args.role, args.municipality, args.person,
        describe_period(args.from, args.until.empty() ? std::nullopt : std::optional(args.until),
                        args.fte));
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
