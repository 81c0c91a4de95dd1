#include "model/person_record.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

void add_unique(std::vector<std::string>& to, const std::string& text) {
    if (!text.empty() && std::find(to.begin(), to.end(), text) == to.end()) to.push_back(text);
}

bool before_or_on(Date a, Date b) { return date::sys_days{a} <= date::sys_days{b}; }

}  // namespace

KnownIdentity known_identity(Store& store, const Person& p) {
    KnownIdentity k;
    add_unique(k.names, p.name);
    add_unique(k.addresses, p.email);
    // Lines written before names were kept by reference: "Anna de Vries <anna@x.nl>
    // (gewijzigd) door beheer".
    for (const auto& e : store.events_naming(p.id, {})) {
        if (e.kind != EventKind::person_saved || e.person != p.id) continue;
        const auto open = e.note.find(" <");
        const auto close = open == std::string::npos ? open : e.note.find('>', open);
        if (close == std::string::npos) continue;
        add_unique(k.names, e.note.substr(0, open));
        add_unique(k.addresses, e.note.substr(open + 2, close - open - 2));
    }
    for (const auto& o : store.outbox_of_person(p.id)) add_unique(k.addresses, o.recipient);
    return k;
}

std::optional<PersonRecord> person_record(Store& store, const std::string& id) {
    auto p = store.person(id);
    if (!p) return std::nullopt;
    PersonRecord r;
    r.person = *p;
    r.erased_at = store.person_erased_at(id);
    r.assignments = store.assignments_of_person(id);  // by municipality, as before

    // A task was theirs when it was open on a day they held its role: made on or before
    // their last day, and not closed before their first.
    std::set<TaskId> seen;
    for (const auto& a : r.assignments) {
        TaskFilter f;
        f.role = a.role;
        for (auto& t : store.tasks_of_municipality(a.municipality, f)) {
            const bool started = !a.until || before_or_on(local_date(t.created_at), *a.until);
            const bool still_open = !t.closed_at || before_or_on(a.from, local_date(*t.closed_at));
            if (started && still_open && seen.insert(t.id).second) r.tasks.push_back(std::move(t));
        }
    }
    std::stable_sort(r.tasks.begin(), r.tasks.end(), [](const Task& a, const Task& b) {
        if (a.due != b.due) return a.due < b.due;
        return a.id < b.id;
    });

    r.mails = store.outbox_of_person(id);
    const auto identity = known_identity(store, *p);
    std::vector<std::string> texts{person_ref(id)};
    for (const auto& n : identity.names) add_unique(texts, n);
    for (const auto& a : identity.addresses) add_unique(texts, a);
    r.events = store.events_naming(id, texts);
    for (auto& t : store.all_tokens())
        if (t.person_id == id) r.tokens.push_back(std::move(t));
    return r;
}

PersonNameOf person_names(PeopleStore& store) {
    auto cache = std::make_shared<std::map<std::string, std::optional<std::string>>>();
    return [&store, cache](const std::string& id) -> std::optional<std::string> {
        auto it = cache->find(id);
        if (it == cache->end()) {
            const auto p = store.person(id);
            it = cache->emplace(id, p ? std::optional<std::string>(p->name) : std::nullopt).first;
        }
        return it->second;
    };
}

Text render_person_refs(const Text& text, const PersonNameOf& name_of) {
    return Text{render_person_refs(text.nl, name_of), render_person_refs(text.en, name_of)};
}

std::vector<Task> with_names(std::vector<Task> tasks, const PersonNameOf& name_of) {
    for (auto& t : tasks) t.title = render_person_refs(t.title, name_of);
    return tasks;
}

Event with_names(Event e, const PersonNameOf& name_of) {
    e.title = render_person_refs(e.title, name_of);
    e.note = render_person_refs(e.note, name_of);
    return e;
}

Instance with_names(Instance i, const PersonNameOf& name_of) {
    for (auto& [name, value] : i.params) value = render_person_refs(value, name_of);
    return i;
}

}  // namespace okod
