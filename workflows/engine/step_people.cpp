// People and roles: the turnover operations behind `okoctl people` (and the API).
// A role is held by a person from a day to a day; work follows the role, so these
// operations only record who holds what, start the warm hand-over when someone
// leaves, and watch the capacity norm.
#include "engine/event_kinds.hpp"
#include "engine/step.hpp"
#include "model/capacity.hpp"
#include "time/amsterdam.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace okod {
namespace {

constexpr std::string_view kRegisseur = "regisseur";
constexpr std::string_view kSteeringGroup = "stuurgroep";

std::string describe(const RoleAssignment& a) {
    std::string note = "vanaf " + format_date(a.from);
    if (a.until) note += " tot en met " + format_date(*a.until);
    if (a.fte) note += fmt::format(", {} fte", format_fte(*a.fte));
    return note;
}

}  // namespace

Event Step::event_for(const RoleAssignment& a, std::string_view kind) const {
    Event e;
    e.at = now_;
    e.municipality = a.municipality;
    e.kind = std::string(kind);
    e.role = a.role;
    e.person = a.person_id;
    return e;
}

CommandResult Step::save_person(const Person& p, const std::string& by) {
    if (p.id.empty()) return CommandResult::failure("a person needs an id");
    if (p.name.empty()) return CommandResult::failure(fmt::format("person '{}' needs a name", p.id));
    if (!p.email.empty() && p.email.find('@') == std::string::npos)
        return CommandResult::failure(fmt::format("'{}' is not an e-mail address", p.email));
    const auto before = store_.person(p.id);
    if (before && before->name == p.name && before->email == p.email && before->language == p.language)
        return {};  // nothing changed: saving twice is harmless
    store_.upsert_person(p);
    Event e;
    e.at = now_;
    e.kind = std::string(event_kind::person_saved);
    e.person = p.id;
    e.note = fmt::format("{} <{}>{}", p.name, p.email, before ? " (gewijzigd)" : "");
    if (!by.empty()) e.note += " door " + by;
    log(std::move(e));
    return {};
}

CommandResult Step::assign_role(RoleAssignment a, const std::string& by) {
    auto m = store_.municipality(a.municipality);
    if (!m) return CommandResult::failure(fmt::format("no municipality {}", a.municipality));
    if (!store_.person(a.person_id))
        return CommandResult::failure(fmt::format("no person '{}': add them first", a.person_id));
    if (!definitions_.roles().contains(a.role))
        return CommandResult::failure(fmt::format("unknown role '{}' (known roles: {})", a.role,
                                                  definitions_.roles().ids()));
    if (a.until && date::sys_days{*a.until} < date::sys_days{a.from})
        return CommandResult::failure(fmt::format("the last day {} is before the first day {}",
                                                  format_date(*a.until), format_date(a.from)));
    if (a.fte && (*a.fte < 0 || *a.fte > 1.5))
        return CommandResult::failure(fmt::format("fte must be between 0 and 1.5, not {}", *a.fte));
    for (const auto& existing : store_.assignments(a.municipality))
        if (existing.role == a.role && existing.person_id == a.person_id && existing.from == a.from &&
            existing.until == a.until && (!a.fte || existing.fte == a.fte))
            return {};  // already recorded exactly so: harmless

    a.id = store_.add_assignment(a);
    Event e = event_for(a, event_kind::role_assigned);
    e.note = describe(a);
    if (!by.empty()) e.note += " door " + by;
    log(std::move(e));

    // A successor for a hand-over in progress: the hand-over learns who it is.
    for (auto& i : store_.instances(a.municipality)) {
        if (i.finished_at) continue;
        const Definition* d = definitions_.get(i.definition_id, i.definition_version);
        if (!d || d->start.trigger != StartTrigger::role_leave) continue;
        auto role = i.params.find("role");
        auto leaver = i.params.find("leaver");
        if (role == i.params.end() || role->second != a.role) continue;
        if (leaver != i.params.end() && leaver->second == a.person_id) continue;
        i.params["successor"] = a.person_id;
        store_.update_instance(i);
        // Only a state that waits for a successor reacts; earlier ones just record it.
        const bool waits = std::any_of(d->transitions.begin(), d->transitions.end(), [&](const auto& t) {
            return t.from == i.state && t.trigger == TriggerKind::event && t.event == "successor_named";
        });
        if (waits) signal(i.id, "successor_named", by.empty() ? a.person_id : by);
    }
    check_capacity(*m);
    return {};
}

CommandResult Step::announce_leave(const std::string& municipality, const std::string& person_id,
                                   const std::string& role, Date last_day, const std::string& by) {
    auto m = store_.municipality(municipality);
    if (!m) return CommandResult::failure(fmt::format("no municipality {}", municipality));
    auto person = store_.person(person_id);
    if (!person) return CommandResult::failure(fmt::format("no person '{}'", person_id));

    std::vector<RoleAssignment> leaving;
    for (const auto& a : store_.assignments(municipality))
        if (a.person_id == person_id && (role.empty() || a.role == role) && a.covers(last_day))
            leaving.push_back(a);
    if (leaving.empty())
        return CommandResult::failure(
            fmt::format("{} holds {} in {} on {}", person_id,
                        role.empty() ? std::string("no role") : fmt::format("no role '{}'", role),
                        municipality, format_date(last_day)));

    for (auto& a : leaving) {
        if (a.until == last_day) continue;  // announced before: harmless
        a.until = last_day;
        store_.update_assignment(a);
        Event e = event_for(a, event_kind::leave_announced);
        e.note = "laatste dag " + format_date(last_day);
        if (!by.empty()) e.note += ", gemeld door " + by;
        log(std::move(e));

        std::map<std::string, std::string> params{
            {"role", a.role},
            {"role_name", definitions_.roles().name(a.role, Language::nl)},
            {"leaver", person->id},
            {"leaver_name", person->name},
            {"leave_date", format_date(last_day)},
            // The regisseur runs a hand-over; the steering group when the regisseur leaves.
            {"coordinator", std::string(a.role == kRegisseur ? kSteeringGroup : kRegisseur)},
        };
        const std::string key = fmt::format("{}/{}/{}", a.role, person->id, format_date(last_day));
        for (const auto& id : m->workflows) {
            const Definition* d = definitions_.latest(id);
            if (!d || d->start.trigger != StartTrigger::role_leave) continue;
            if (store_.find_instance(m->code, d->id, key)) continue;
            begin_instance(*m, *d, key, today_, params);
        }
    }
    // The day after, the post may be empty: look at the capacity again then.
    Timer t;
    t.due = std::max(at_local(add_days(last_day, 1), settings_.reminder_time), now_);
    t.kind = TimerKind::capacity_check;
    t.municipality = m->code;
    t.key = fmt::format("capacity/{}/{}", m->code, format_date(add_days(last_day, 1)));
    store_.add_timer(t);
    return {};
}

void Step::check_capacity(const Municipality& m) {
    const Capacity c = capacity_on(store_.assignments(m.code), m, today_);
    // Without FTE figures okod cannot judge the capacity; it does not guess.
    if (!c.below_norm()) return;

    std::map<std::string, std::string> params{
        {"total_fte", format_fte(c.total)},
        {"regisseur_fte", format_fte(c.regisseur)},
        {"norm_total_fte", format_fte(m.capacity.total_fte)},
        {"norm_regisseur_fte", format_fte(m.capacity.regisseur_fte)},
    };
    for (const auto& id : m.workflows) {
        const Definition* d = definitions_.latest(id);
        if (!d || d->start.trigger != StartTrigger::capacity_shortfall) continue;
        const auto running = store_.instances(m.code);
        const bool open = std::any_of(running.begin(), running.end(), [&](const Instance& i) {
            return i.definition_id == d->id && !i.finished_at;
        });
        if (open || store_.find_instance(m.code, d->id, format_date(today_))) continue;
        Event e;
        e.at = now_;
        e.municipality = m.code;
        e.kind = std::string(event_kind::capacity_below_norm);
        e.note = fmt::format("{} fte in totaal (norm {}), regisseur {} fte (norm {})", params["total_fte"],
                             params["norm_total_fte"], params["regisseur_fte"], params["norm_regisseur_fte"]);
        log(std::move(e));
        begin_instance(m, *d, format_date(today_), today_, params);
    }
}

}  // namespace okod
