// People and roles: the turnover operations behind `okoctl people` (and the API).
// A role is held by a person from a day to a day; work follows the role, so these
// operations only record who holds what, start the warm hand-over when someone
// leaves, and watch the capacity norm.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "engine/step.hpp"
#include "model/capacity.hpp"
#include "model/event_kind.hpp"
#include "model/input_rules.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

std::string describe(const RoleAssignment& a) {
    std::string note = "vanaf " + format_date(a.from);
    if (a.until) note += " tot en met " + format_date(*a.until);
    if (a.fte) note += fmt::format(", {} fte", format_fte(*a.fte));
    return note;
}

}  // namespace

Event Step::event_for(const RoleAssignment& a, EventKind kind) const {
    Event e;
    e.at = now_;
    e.municipality = a.municipality;
    e.kind = kind;
    e.role = a.role;
    e.person = a.person_id;
    return e;
}

CommandResult Step::save_person(const Person& p, const std::string& by) {
    if (auto problem = text_problem("id", p.id)) return CommandResult::failure(*problem);
    if (p.id.empty()) return CommandResult::failure("a person needs an id");
    if (auto problem = text_problem("name", p.name)) return CommandResult::failure(*problem);
    if (is_blank(p.name))
        return CommandResult::failure(fmt::format("person '{}' needs a name", p.id));
    if (!p.email.empty())
        if (auto problem = email_problem("email", p.email)) return CommandResult::failure(*problem);
    if (store_.person_erased_at(p.id))
        return CommandResult::failure(fmt::format(
            "person '{}' was erased (AVG): their id stays unused; give them a new id", p.id));
    const auto before = store_.person(p.id);
    if (before && before->name == p.name && before->email == p.email &&
        before->language == p.language)
        return {};  // nothing changed: saving twice is harmless
    store_.upsert_person(p);
    Event e;
    e.at = now_;
    e.kind = EventKind::person_saved;
    e.person = p.id;
    // The log says what changed, not to what: the name and address live in the people
    // row only, so that an erasure has one place to clear (model/personal_data.hpp).
    std::vector<std::string_view> changed;
    if (before && before->name != p.name) changed.emplace_back("naam");
    if (before && before->email != p.email) changed.emplace_back("e-mailadres");
    if (before && before->language != p.language) changed.emplace_back("taal");
    e.note = before ? fmt::format("gewijzigd: {}", fmt::join(changed, ", ")) : "nieuw";
    if (!by.empty()) e.note += " door " + by;
    log(e);
    return {};
}

CommandResult Step::assign_role(RoleAssignment a, const std::string& by) {
    auto m = store_.municipality(a.municipality);
    if (!m) return CommandResult::not_found(fmt::format("no municipality {}", a.municipality));
    if (!store_.person(a.person_id))
        return CommandResult::not_found(fmt::format("no person '{}': add them first", a.person_id));
    if (store_.person_erased_at(a.person_id))
        return CommandResult::failure(fmt::format("person '{}' was erased (AVG)", a.person_id));
    if (!definitions_.roles().contains(a.role))
        return CommandResult::failure(
            fmt::format("unknown role '{}' (known roles: {})", a.role, definitions_.roles().ids()));
    if (a.until && date::sys_days{*a.until} < date::sys_days{a.from})
        return CommandResult::failure(fmt::format("the last day {} is before the first day {}",
                                                  format_date(*a.until), format_date(a.from)));
    if (a.fte && (*a.fte < 0 || *a.fte > 1.5))
        return CommandResult::failure(fmt::format("fte must be between 0 and 1.5, not {}", *a.fte));

    bool recorded = false;  // exactly this is on record already: nothing to change
    for (auto existing : store_.assignments_of_municipality(a.municipality)) {
        if (existing.role != a.role || existing.person_id != a.person_id) continue;
        if (existing.from == a.from && existing.until == a.until &&
            (!a.fte || existing.fte == a.fte)) {
            recorded = true;
            continue;
        }
        // The same person from a later day (new FTE, say): the earlier period ends the
        // day before, so the person is never counted twice.
        if (date::sys_days{existing.from} < date::sys_days{a.from} && existing.covers(a.from)) {
            existing.until = add_days(a.from, -1);
            store_.update_assignment(existing);
        }
    }
    // Who holds a role somewhere belongs there: its regisseur sees and changes them.
    store_.add_membership(a.person_id, a.municipality);
    if (!recorded) {
        a.id = store_.add_assignment(a);
        Event e = event_for(a, EventKind::role_assigned);
        e.note = describe(a);
        if (!by.empty()) e.note += " door " + by;
        log(e);
    }
    // Also when nothing changed: a hand-over waiting for this successor must hear of it.
    tell_handovers(*m, by);
    if (a.until) schedule_capacity_check(*m, add_days(*a.until, 1));
    check_capacity(*m);
    return {};
}

// A hand-over learns its successor: someone else who holds the role after the leaver's
// last day. Its titles name them, they are welcomed, and a hand-over waiting in a state
// that reacts to `successor_named` moves on.
void Step::tell_handovers(const Municipality& m, const std::string& by) {
    for (auto& i : store_.open_instances_of_municipality(m.code)) {
        const Definition* d = definitions_.get(i.definition_id, i.definition_version);
        if (!d || d->start.trigger != StartTrigger::role_leave) continue;
        const auto period = successor_period(i);
        if (!period) continue;
        const std::string successor = period->person_id;
        if (i.params[std::string(kSuccessorParam)] != successor) learn_successor(i, *period);
        welcome(i, *period);  // once per successor and leaver: the outbox key
        const bool waits =
            std::any_of(d->transitions.begin(), d->transitions.end(), [&](const auto& t) {
                return t.from == i.state && t.trigger == TriggerKind::event &&
                       t.event == "successor_named";
            });
        if (waits) signal(i.id, "successor_named", by.empty() ? successor : by);
    }
}

std::optional<std::string> Step::successor_of(const Instance& i) {
    const auto period = successor_period(i);
    if (!period) return std::nullopt;
    return period->person_id;
}

std::optional<RoleAssignment> Step::successor_period(const Instance& i) {
    const auto role = i.params.find("role");
    const auto leaver = i.params.find("leaver");
    const auto leave = i.params.find("leave_date");
    if (role == i.params.end() || leaver == i.params.end() || leave == i.params.end())
        return std::nullopt;
    const auto last_day = parse_date(leave->second);
    if (!last_day) return std::nullopt;
    std::optional<RoleAssignment> best;
    for (const auto& a : store_.assignments_of_municipality(i.municipality)) {
        if (a.role != role->second || a.person_id == leaver->second) continue;
        if (a.until && date::sys_days{*a.until} <= date::sys_days{*last_day})
            continue;  // gone by then
        if (!best || date::sys_days{a.from} > date::sys_days{best->from})
            best = a;  // the newest holder
    }
    return best;
}

CommandResult Step::announce_leave(const std::string& municipality, const std::string& person_id,
                                   const std::string& role, Date last_day, const std::string& by) {
    auto m = store_.municipality(municipality);
    if (!m) return CommandResult::not_found(fmt::format("no municipality {}", municipality));
    auto person = store_.person(person_id);
    if (!person) return CommandResult::not_found(fmt::format("no person '{}'", person_id));

    // The periods that end: the ones covering the last day, or (a leave moved later)
    // the ones that still run today and started before the last day.
    std::vector<RoleAssignment> leaving;
    for (const auto& a : store_.assignments_of_municipality(municipality)) {
        if (a.person_id != person_id || (!role.empty() && a.role != role)) continue;
        const bool still_current =
            a.covers(today_) && date::sys_days{a.from} <= date::sys_days{last_day};
        if (a.covers(last_day) || still_current) leaving.push_back(a);
    }
    if (leaving.empty())
        return CommandResult::failure(
            fmt::format("{} holds {} in {} on {}", person_id,
                        role.empty() ? std::string("no role") : fmt::format("no role '{}'", role),
                        municipality, format_date(last_day)));

    for (auto& a : leaving) {
        if (a.until != last_day) {
            a.until = last_day;
            store_.update_assignment(a);
            Event e = event_for(a, EventKind::leave_announced);
            e.note = "laatste dag " + format_date(last_day);
            if (!by.empty()) e.note += ", gemeld door " + by;
            log(e);
        }
        start_handover(*m, a, *person, last_day);
    }
    schedule_capacity_check(*m, add_days(last_day, 1));
    tell_handovers(*m, by);  // a successor may have been named before the leave
    return {};
}

// One hand-over per period that ends. A moved leave date supersedes the hand-over for
// the old date. A role that others keep holding (the kernteam) needs no hand-over: a
// colleague held it before today. A successor who starts today (the browser's hand-over
// form names them first, from today) is no such colleague: theirs is the warm part.
void Step::start_handover(const Municipality& m, const RoleAssignment& a, const Person& leaver,
                          Date last_day) {
    for (const auto& other : store_.assignments_of_municipality(m.code))
        if (other.role == a.role && other.person_id != leaver.id && other.covers(today_) &&
            date::sys_days{other.from} < date::sys_days{today_})
            return;
    const std::string tenure = fmt::format("{}/{}/{}", a.role, leaver.id, format_date(a.from));
    for (const auto& id : m.workflows) {
        const Definition* d = definitions_.latest(id);
        if (!d || d->start.trigger != StartTrigger::role_leave) continue;
        const std::string key = fmt::format("{}/{}", tenure, format_date(last_day));
        if (store_.instance_by_key(m.code, d->id, key)) continue;  // announced before
        for (auto& i : store_.instances_of_municipality(m.code))
            if (i.definition_id == d->id && !i.finished_at && i.key.starts_with(tenure + "/"))
                finish_superseded(
                    i, fmt::format("vertrekdatum gewijzigd in {}", format_date(last_day)));
        std::map<std::string, std::string> params{
            {"role", a.role},
            {"role_name", definitions_.roles().name(a.role, Language::nl)},
            {"leaver", leaver.id},
            // By reference: titles show the name the people row has when read.
            {"leaver_name", person_ref(leaver.id)},
            {"leave_date", format_date(last_day)},
            // The regisseur runs a hand-over; the steering group when the regisseur leaves.
            {"coordinator",
             std::string(a.role == kRegisseurRole ? kSteeringGroupRole : kRegisseurRole)},
        };
        // A successor named before the leave (the browser's hand-over form names them
        // first): the tasks name them from the start.
        Instance probe;
        probe.municipality = m.code;
        probe.params = params;
        if (const auto successor = successor_period(probe)) {
            params[std::string(kSuccessorParam)] = successor->person_id;
            params[std::string(kSuccessorNameParam)] = person_ref(successor->person_id);
        }
        begin_instance(m, *d, key, today_, std::move(params));
    }
}

void Step::finish_superseded(Instance& i, const std::string& reason) {
    TaskFilter f;
    f.instance_id = i.id;
    for (auto t : store_.tasks_matching(f)) {
        if (is_closed(t.status)) continue;
        t.status = TaskStatus::skipped;
        t.closed_at = now_;
        t.closed_by = "okod";
        t.note = reason;
        store_.update_task(t);
        Event e = event_for(t, EventKind::task_skipped);
        e.note = reason;
        log(e);
    }
    store_.delete_instance_timers(i.id);
    i.finished_at = now_;
    store_.update_instance(i);
    Event e = event_for(i, EventKind::instance_finished);
    e.note = reason;
    log(e);
}

void Step::schedule_capacity_check(const Municipality& m, Date on) {
    if (date::sys_days{on} <= date::sys_days{today_}) return;
    Timer t;
    t.due = at_local(on, settings_.reminder_time);
    t.kind = TimerKind::capacity_check;
    t.municipality = m.code;
    t.key = fmt::format("capacity/{}/{}", m.code, format_date(on));
    store_.add_timer(t);
}

void Step::check_capacity(const Municipality& m) {
    // Periods that end later change the capacity on the day after: look again then.
    for (const auto& a : store_.assignments_of_municipality(m.code))
        if (a.until && a.fte) schedule_capacity_check(m, add_days(*a.until, 1));

    const Capacity c = capacity_on(store_.assignments_of_municipality(m.code), m, today_);
    // Only a change of verdict counts: a shortfall is raised once, not again at every
    // restart or assignment while it lasts, and again after it was resolved.
    const std::string verdict_key = "capacity_verdict/" + m.code;
    const std::string verdict = !c.recorded ? "unknown" : c.below_norm() ? "below" : "ok";
    const auto previous = store_.meta(verdict_key);
    if (previous != verdict) store_.set_meta(verdict_key, verdict);
    if (verdict != "below" || previous == verdict) return;

    std::map<std::string, std::string> params{
        {"total_fte", format_fte(c.total)},
        {"regisseur_fte", format_fte(c.regisseur)},
        {"norm_total_fte", format_fte(m.capacity.total_fte)},
        {"norm_regisseur_fte", format_fte(m.capacity.regisseur_fte)},
    };
    Event e;
    e.at = now_;
    e.municipality = m.code;
    e.kind = EventKind::capacity_below_norm;
    e.note = fmt::format("{} fte in totaal (norm {}), regisseur {} fte (norm {})",
                         params["total_fte"], params["norm_total_fte"], params["regisseur_fte"],
                         params["norm_regisseur_fte"]);
    log(e);
    for (const auto& id : m.workflows) {
        const Definition* d = definitions_.latest(id);
        if (!d || d->start.trigger != StartTrigger::capacity_shortfall) continue;
        if (store_.instance_by_key(m.code, d->id, format_date(today_))) continue;
        begin_instance(m, *d, format_date(today_), today_, params);
    }
}

}  // namespace okod
