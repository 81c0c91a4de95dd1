// `okoctl people list`: who holds which role in a municipality on a day, which roles
// are vacant, and the capacity against the norm; or with --history every assignment.
// Reads okod's store, or with --url or $OKOD_URL asks okod's API; either answer becomes
// a PeopleListView, printed by print_people_list.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "daemon/client/api_client.hpp"
#include "daemon/client/exit_codes.hpp"
#include "daemon/commands/people_command.hpp"
#include "daemon/commands/people_list_view.hpp"
#include "daemon/commands/store_session.hpp"
#include "daemon/commands/view_or_exit.hpp"
#include "model/capacity.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// okod's store as the list's view: the assignments of the day (or all of them, with
// --history), the roles nobody holds that day, and the capacity against the norm.
PeopleListView view_of(StoreSession& s, const Municipality& m, Date day, bool history) {
    PeopleListView view;
    view.municipality = m.code;
    view.municipality_name = m.name;
    view.on = format_date(day);
    view.history = history;
    const RoleCatalog& catalog = s.definitions.roles();
    const auto assignments = s.store->assignments_of_municipality(m.code);
    std::set<std::string> roles{std::string(kRegisseurRole)};
    for (const auto& a : assignments) {
        roles.insert(a.role);
        if (!history && !a.covers(day)) continue;
        const auto p = s.store->person(a.person_id);
        view.lines.push_back(
            {.role = a.role,
             .role_name = catalog.name(a.role, Language::nl),
             .vacant = false,
             .person = a.person_id,
             .name = p ? p->name : "",
             .email = p ? p->email : "",
             .language = std::string(to_string(p ? p->language : Language::nl)),
             .from = format_date(a.from),
             .until = a.until ? std::optional(format_date(*a.until)) : std::nullopt,
             .fte = a.fte,
             .holds_on_day = a.covers(day)});
    }
    if (!history)
        for (const auto& role : roles)
            if (std::none_of(assignments.begin(), assignments.end(), [&](const RoleAssignment& a) {
                    return a.role == role && a.covers(day);
                }))
                view.lines.push_back(
                    PeopleListLine::vacancy(role, catalog.name(role, Language::nl)));
    sort_people_list(view);
    const Capacity c = capacity_on(assignments, m, day);
    view.capacity = PeopleListCapacity{.recorded = c.recorded,
                                       .total_fte = c.total,
                                       .regisseur_fte = c.regisseur,
                                       .norm_total_fte = c.norm.total_fte,
                                       .norm_regisseur_fte = c.norm.regisseur_fte,
                                       .below_norm = c.below_norm()};
    return view;
}

ViewOrExit<PeopleListView> view_from_store(const PeopleListArgs& args, std::ostream& err) {
    using Result = ViewOrExit<PeopleListView>;
    std::optional<Date> on;
    if (!args.on.empty()) {
        on = parse_date(args.on);
        if (!on) {
            err << fmt::format("okoctl people list: --on '{}' is not a date (YYYY-MM-DD)\n",
                               args.on);
            return Result::exit(exit_code::usage);
        }
    }
    auto opened = open_store_session(args.common, "people list", err);
    if (!opened.session) return Result::exit(opened.exit_code);
    StoreSession& s = *opened.session;
    const auto m = require_municipality(s, args.municipality, "people list", err);
    if (!m) return Result::exit(exit_code::refused);
    return Result::of(view_of(s, *m, on ? *on : local_date(s.clock->now()), args.history));
}

// GET /api/v1/people: the holders on one day, so no --history.
ViewOrExit<PeopleListView> view_from_api(const PeopleListArgs& args, std::ostream& err) {
    using Result = ViewOrExit<PeopleListView>;
    if (local_options_refused(args.common, "people list", err))
        return Result::exit(exit_code::usage);
    if (args.history) {
        err << "okoctl people list: okod's API lists the holders on one day; --history works on "
               "okod's store on its server only\n";
        return Result::exit(exit_code::usage);
    }
    auto connected = connect(args.common.client, err);
    if (!connected.api) return Result::exit(connected.exit_code);
    const auto reply = connected.api->get("/api/v1/people",
                                          {{"municipality", args.municipality}, {"on", args.on}});
    if (!reply.ok()) return Result::exit(reply.exit_code);
    return Result::of(people_list_from_json(reply.body));
}

}  // namespace

int run_people_list(const PeopleListArgs& args, std::ostream& out, std::ostream& err) {
    const auto read =
        api_mode(args.common.client) ? view_from_api(args, err) : view_from_store(args, err);
    if (!read.view) return read.exit_code;
    print_people_list(*read.view, args.json, out);
    return exit_code::ok;
}

}  // namespace okod
