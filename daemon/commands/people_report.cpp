#include "daemon/commands/people_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "time/amsterdam.hpp"

namespace okod {

BeforeChange BeforeChange::of(Store& store) {
    return {store.last_event_seq(), store.timer_count()};
}

std::vector<Event> events_since(Store& store, const BeforeChange& before) {
    std::vector<Event> all;
    for (std::int64_t seq = before.last_seq;;) {
        auto page = store.events_after(seq, 500);
        if (page.empty()) return all;
        seq = page.back().seq;
        all.insert(all.end(), page.begin(), page.end());
    }
}

bool has_event(const std::vector<Event>& events, EventKind kind) {
    return std::any_of(events.begin(), events.end(),
                       [&](const Event& e) { return e.kind == kind; });
}

std::string role_label(const StoreSession& s, const std::string& role) {
    return fmt::format("{} ({})", s.definitions.roles().name(role, Language::nl), role);
}

void print_started_work(const std::vector<Event>& events, const StoreSession& s,
                        std::ostream& out) {
    for (const auto& e : events) {
        if (e.kind == EventKind::capacity_below_norm)
            out << "capacity below the norm: " << e.note << '\n';
        if (e.kind != EventKind::instance_started) continue;
        const auto instance = s.store->instance(e.instance_id);
        const Definition* d =
            instance ? s.definitions.get(instance->definition_id, instance->definition_version)
                     : nullptr;
        const StateSpec* state = d ? d->state(instance->state) : nullptr;
        out << fmt::format("started {} ({}), instance {}, now in state '{}'\n",
                           d ? d->name.nl : e.workflow, e.workflow, e.instance_id,
                           state ? state->name.nl : e.state);
        for (const auto& t : events) {
            if (t.kind != EventKind::task_created || t.instance_id != e.instance_id) continue;
            const std::string role = s.definitions.roles().name(t.role, Language::nl);
            // A task addressed to one person (the leaver's hand-over file) says whose.
            const auto person = t.person.empty() ? std::nullopt : s.store->person(t.person);
            out << fmt::format("  task for {}, due {}: {}\n",
                               person ? fmt::format("{} ({})", person->name, role) : role,
                               t.due ? format_local_minutes(*t.due) : std::string("not yet known"),
                               render_person_refs(t.title, person_names(*s.store)));
        }
    }
}

void print_pickup_hint(Store& store, const BeforeChange& before, std::ostream& out) {
    if (store.timer_count() <= before.timers) {
        out << "okod reads people and roles from its store whenever a reminder goes out: nothing "
               "to reload\n";
        return;
    }
    // The daemon watches its store's files (daemon/run/store_watch.hpp) and arms its
    // scheduler for what another process committed.
    out << "a running okod acts on this at once: it watches its store\n";
}

bool warn_config_person(const StoreSession& s, const std::string& person_id, std::ostream& out) {
    const auto& people = s.config.people;
    const auto it = std::find_if(people.begin(), people.end(),
                                 [&](const Person& p) { return p.id == person_id; });
    if (it == people.end()) return false;
    const auto stored = s.store->person(person_id);
    if (stored && stored->name == it->name && stored->email == it->email &&
        stored->language == it->language)
        return false;
    out << fmt::format(
        "note: {} is also in the configuration ({}), which says {} <{}>; okod's next start "
        "or reload puts that back: change it there too\n",
        person_id, s.config.municipalities_dir.string(), it->name, it->email);
    return true;
}

bool warn_config_assignment(const StoreSession& s, const RoleAssignment& stored,
                            std::ostream& out) {
    bool warned = false;
    for (const auto& c : s.config.assignments) {
        if (c.municipality != stored.municipality || c.role != stored.role ||
            c.person_id != stored.person_id || c.from != stored.from)
            continue;
        // The sync fills in what the config sets and keeps the rest (an end date
        // announced here survives a config without one).
        if (c.until && c.until != stored.until) {
            warned = true;
            out << fmt::format(
                "note: the configuration ({}) has {} as {} until {}; okod's next start or "
                "reload puts that back: change it there too\n",
                s.config.municipalities_dir.string(), stored.person_id, stored.role,
                format_date(*c.until));
        }
        if (c.fte && c.fte != stored.fte) {
            warned = true;
            out << fmt::format(
                "note: the configuration ({}) has {} as {} at {} fte; okod's next start or "
                "reload puts that back: change it there too\n",
                s.config.municipalities_dir.string(), stored.person_id, stored.role,
                format_fte(*c.fte));
        }
    }
    return warned;
}

}  // namespace okod
