// Who belongs to which municipality (issue 16): a regisseur sees, assigns and changes
// only the people of its own municipalities, so a person enters one deliberately: made
// there, assigned a role there, or linked by an admin.
#include <fmt/format.h>

#include <algorithm>

#include "engine/engine.hpp"
#include "engine/step.hpp"
#include "model/event_kind.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

Event membership_event(EventKind kind, const std::string& person_id,
                       const std::string& municipality, Instant at, const std::string& by) {
    Event e;
    e.at = at;
    e.municipality = municipality;
    e.kind = kind;
    e.person = person_id;
    if (!by.empty()) e.note = "door " + by;
    return e;
}

// Links inside the caller's transaction; false when the person was a member already.
bool link_in(Store& store, const std::string& person_id, const std::string& municipality,
             Instant at, const std::string& by) {
    const auto before = store.memberships_of_person(person_id);
    if (std::find(before.begin(), before.end(), municipality) != before.end()) return false;
    store.add_membership(person_id, municipality);
    store.append_event(membership_event(EventKind::person_linked, person_id, municipality, at, by));
    return true;
}

}  // namespace

CommandResult Engine::save_member(const Person& p, const std::string& municipality,
                                  const std::string& by) {
    auto tx = store_.begin();
    if (!store_.municipality(municipality))
        return CommandResult::not_found(fmt::format("no municipality {}", municipality));
    auto r = Step(store_, definitions_, calendar_, settings_, clock_.now()).save_person(p, by);
    if (!r.ok) return r;
    link_in(store_, p.id, municipality, clock_.now(), by);
    tx->commit();
    return r;
}

CommandResult Engine::link_person(const std::string& person_id, const std::string& municipality,
                                  const std::string& by) {
    auto tx = store_.begin();
    if (!store_.municipality(municipality))
        return CommandResult::not_found(fmt::format("no municipality {}", municipality));
    if (!store_.person(person_id))
        return CommandResult::not_found(fmt::format("no person {}", person_id));
    if (link_in(store_, person_id, municipality, clock_.now(), by)) tx->commit();
    return {};
}

CommandResult Engine::unlink_person(const std::string& person_id, const std::string& municipality,
                                    const std::string& by) {
    auto tx = store_.begin();
    if (!store_.municipality(municipality))
        return CommandResult::not_found(fmt::format("no municipality {}", municipality));
    if (!store_.person(person_id))
        return CommandResult::not_found(fmt::format("no person {}", person_id));
    const Date today = local_date(clock_.now());
    for (const auto& a : store_.assignments_of_municipality(municipality)) {
        if (a.person_id != person_id) continue;
        if (!a.until || date::sys_days{*a.until} >= date::sys_days{today})
            return CommandResult::failure(fmt::format(
                "{} holds the role {} in {} {}: end it first (okoctl people leave)", person_id,
                a.role, municipality,
                a.until ? "until " + format_date(*a.until) : std::string("with no end")));
    }
    if (!store_.remove_membership(person_id, municipality))
        return {};  // not a member: nothing to do
    store_.append_event(
        membership_event(EventKind::person_unlinked, person_id, municipality, clock_.now(), by));
    tx->commit();
    return {};
}

}  // namespace okod
