// `okoctl people add | assign | leave`: turnover, through the engine's people
// operations. Each opens okod's store without writing, runs one engine operation (one
// transaction: all or nothing), then tells from the event log what it did.
#include "daemon/commands/people_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <ostream>

#include "daemon/client/exit_codes.hpp"
#include "daemon/commands/people_api.hpp"
#include "daemon/commands/people_report.hpp"
#include "daemon/commands/people_text.hpp"
#include "engine/engine.hpp"
#include "model/event_kind.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

std::optional<Date> date_option(const std::string& text, const std::string& option,
                                const std::string& sub, std::ostream& err) {
    auto d = parse_date(text);
    if (!d)
        err << fmt::format("okoctl people {}: {} '{}' is not a date (YYYY-MM-DD)\n", sub, option,
                           text);
    return d;
}

int refused(const std::string& sub, const CommandResult& r, std::ostream& err) {
    err << fmt::format("okoctl people {}: {}\n", sub, r.error);
    return exit_code::for_refusal(r.refusal);
}

std::string describe_period(const RoleAssignment& a) {
    return okod::describe_period(
        format_date(a.from), a.until ? std::optional(format_date(*a.until)) : std::nullopt, a.fte);
}

std::optional<RoleAssignment> stored_assignment(Store& store, const RoleAssignment& a) {
    for (auto& s : store.assignments_of_municipality(a.municipality))
        if (s.role == a.role && s.person_id == a.person_id && s.from == a.from) return s;
    return std::nullopt;
}

std::vector<std::string> person_ids(const std::vector<Person>& people) {
    std::vector<std::string> ids;
    for (const auto& p : people) ids.push_back(p.id);
    return ids;
}

bool is_role_leave(const StoreSession& s, const Instance& i) {
    const Definition* d = s.definitions.get(i.definition_id, i.definition_version);
    return d && d->start.trigger == StartTrigger::role_leave;
}

std::string param(const Instance& i, const std::string& name) {
    const auto it = i.params.find(name);
    return it == i.params.end() ? std::string() : it->second;
}

std::string state_name(const StoreSession& s, const Instance& i, const std::string& state) {
    const Definition* d = s.definitions.get(i.definition_id, i.definition_version);
    const StateSpec* st = d ? d->state(state) : nullptr;
    return st ? st->name.nl : state;
}

std::string handover_label(const StoreSession& s, const Instance& i) {
    const Definition* d = s.definitions.get(i.definition_id, i.definition_version);
    return fmt::format("{} (instance {}) for {} after {}, last day {}",
                       d ? d->name.nl : i.definition_id, i.id,
                       s.definitions.roles().name(param(i, "role"), Language::nl),
                       param(i, "leaver"), param(i, "leave_date"));
}

// The hand-overs of this role now know the successor: say whether that moved them on
// (a vacancy filled) or is kept for when they get there.
void print_handovers_told(const StoreSession& s, const RoleAssignment& a,
                          const std::vector<Event>& events, std::ostream& out) {
    for (const auto& i : s.store->instances_of_municipality(a.municipality)) {
        if (i.finished_at || !is_role_leave(s, i) || param(i, "role") != a.role ||
            param(i, "successor") != a.person_id)
            continue;
        const auto moved = std::find_if(events.begin(), events.end(), [&](const Event& e) {
            return e.kind == EventKind::transition && e.instance_id == i.id &&
                   e.note == "successor_named";
        });
        if (moved != events.end())
            out << fmt::format("{}: successor named, '{}' -> '{}'\n", handover_label(s, i),
                               state_name(s, i, moved->from_state), state_name(s, i, moved->state));
        else
            out << fmt::format("{}: knows its successor {}; it is in '{}' and moves on by itself\n",
                               handover_label(s, i), a.person_id, state_name(s, i, i.state));
    }
}

}  // namespace

int run_people_add(const PeopleAddArgs& args, std::ostream& out, std::ostream& err) {
    if (api_mode(args.common.client)) return run_people_add_api(args, out, err);
    std::optional<Language> language;
    if (args.language) {
        language = parse_language(*args.language);
        if (!language) {
            err << fmt::format("okoctl people add: --language must be nl or en, not '{}'\n",
                               *args.language);
            return 2;
        }
    }
    auto opened = open_store_session(args.common, "people add", err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;

    // Saving an existing person again changes only what is given: a new name must not
    // silently drop the e-mail address reminders go to.
    const auto recorded = s.store->person(args.id);
    Person p;
    p.id = args.id;
    p.name = args.name;
    p.email = args.email ? *args.email : recorded ? recorded->email : std::string();
    p.language = language ? *language : recorded ? recorded->language : Language::nl;

    const auto before = BeforeChange::of(*s.store);
    if (!args.municipality.empty() &&
        !require_municipality(s, args.municipality, "people add", err))
        return 1;
    auto engine = engine_of(s);
    const auto r = args.municipality.empty()
                       ? engine.save_person(p, command_user())
                       : engine.save_member(p, args.municipality, command_user());
    if (!r.ok) return refused("add", r, err);
    const auto events = events_since(*s.store, before);
    if (has_event(events, EventKind::person_linked))
        out << fmt::format("{} now belongs to {}\n", p.id, args.municipality);
    if (!has_event(events, EventKind::person_saved)) {
        out << fmt::format("person {} is recorded so already: nothing changed\n", p.id);
        return 0;
    }
    print_person_saved(recorded ? "updated" : "saved", p, out);
    // A config person's details come back at okod's next reload: no "nothing to reload".
    if (!warn_config_person(s, p.id, out)) print_pickup_hint(*s.store, before, out);
    return 0;
}

int run_people_assign(const PeopleAssignArgs& args, std::ostream& out, std::ostream& err) {
    if (api_mode(args.common.client)) return run_people_assign_api(args, out, err);
    RoleAssignment a;
    a.municipality = args.municipality;
    a.role = args.role;
    a.person_id = args.person;
    a.fte = args.fte;
    const auto from = date_option(args.from, "--from", "assign", err);
    if (!from) return 2;
    a.from = *from;
    if (!args.until.empty()) {
        a.until = date_option(args.until, "--until", "assign", err);
        if (!a.until) return 2;
    }
    auto opened = open_store_session(args.common, "people assign", err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;
    const auto m = require_municipality(s, a.municipality, "people assign", err);
    if (!m) return 1;

    const auto before = BeforeChange::of(*s.store);
    const auto r = engine_of(s).assign_role(a, command_user());
    if (!r.ok) return refused("assign", r, err);
    const auto events = events_since(*s.store, before);
    const auto stored = stored_assignment(*s.store, a);
    if (!has_event(events, EventKind::role_assigned) || !stored) {
        out << fmt::format("{} is recorded as {} in {} {} so already: nothing changed\n",
                           a.person_id, role_label(s, a.role), m->code, describe_period(a));
        return 0;
    }
    print_clock(s, out);
    const auto person = s.store->person(a.person_id);
    out << fmt::format("assigned {} in {} {} to {} ({}), {}\n", role_label(s, a.role), m->code,
                       m->name, a.person_id, person ? person->name : "?", describe_period(*stored));
    print_handovers_told(s, *stored, events, out);
    print_started_work(events, s, out);
    warn_config_assignment(s, *stored, out);
    print_pickup_hint(*s.store, before, out);
    return 0;
}

int run_people_leave(const PeopleLeaveArgs& args, std::ostream& out, std::ostream& err) {
    if (api_mode(args.common.client)) return run_people_leave_api(args, out, err);
    const auto last_day = date_option(args.last_day, "--last-day", "leave", err);
    if (!last_day) return 2;
    auto opened = open_store_session(args.common, "people leave", err);
    if (!opened.session) return opened.exit_code;
    StoreSession& s = *opened.session;
    const auto m = require_municipality(s, args.municipality, "people leave", err);
    if (!m) return 1;

    const auto before = BeforeChange::of(*s.store);
    const auto r =
        engine_of(s).announce_leave(m->code, args.person, args.role, *last_day, command_user());
    if (!r.ok) return refused("leave", r, err);
    const auto events = events_since(*s.store, before);
    std::vector<std::string> roles;
    for (const auto& e : events)
        if (e.kind == EventKind::leave_announced) roles.push_back(e.role);
    if (roles.empty()) {
        out << fmt::format(
            "{}'s last day {}in {} was already {}: nothing changed\n", args.person,
            args.role.empty() ? std::string() : "as " + role_label(s, args.role) + " ", m->code,
            format_date(*last_day));
        return 0;
    }
    print_clock(s, out);
    const Date day_after = add_days(*last_day, 1);
    for (const auto& role : roles)
        out << fmt::format("{} leaves {} in {} {}: last day {}\n", args.person, role_label(s, role),
                           m->code, m->name, format_date(*last_day));
    print_started_work(events, s, out);

    const bool runs_handover =
        std::any_of(m->workflows.begin(), m->workflows.end(), [&](const auto& id) {
            const Definition* d = s.definitions.latest(id);
            return d && d->start.trigger == StartTrigger::role_leave;
        });
    if (!runs_handover)
        out << fmt::format(
            "{} {} does not run warm-handover (no workflow of it starts when someone "
            "leaves): no hand-over started\n",
            m->code, m->name);
    else if (!has_event(events, EventKind::instance_started))
        for (const auto& i : s.store->instances_of_municipality(m->code))
            if (!i.finished_at && is_role_leave(s, i) && param(i, "leaver") == args.person &&
                param(i, "leave_date") == format_date(*last_day))
                out << fmt::format("{} was already running\n", handover_label(s, i));

    for (const auto& role : roles) {
        const auto holders = s.store->holders_of_role(m->code, role, day_after);
        if (holders.empty())
            out << fmt::format(
                "from {} nobody holds {}: name a successor with `okoctl people assign "
                "PERSON --municipality {} --role {} --from {}`\n",
                format_date(day_after), role_label(s, role), m->code, role, format_date(day_after));
        else
            out << fmt::format("from {} {} is held by {}\n", format_date(day_after),
                               role_label(s, role), fmt::join(person_ids(holders), ", "));
    }
    for (const auto& a : s.store->assignments_of_municipality(m->code))
        if (a.person_id == args.person && a.until == *last_day &&
            std::find(roles.begin(), roles.end(), a.role) != roles.end())
            warn_config_assignment(s, a, out);
    print_pickup_hint(*s.store, before, out);
    return 0;
}

}  // namespace okod
