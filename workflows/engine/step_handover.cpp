// The warm hand-over as practised (issue 20): the leaver's hand-over work is addressed
// to the leaver personally until their last day and goes to the coordinator after it,
// never to the successor; the successor is named in the titles and welcomed by mail.
#include <fmt/format.h>

#include <algorithm>

#include "engine/step.hpp"
#include "model/event_kind.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

const TaskSpec* spec_of(const Definition& d, const Task& t) {
    const StateSpec* state = d.state(t.state);
    if (!state) return nullptr;
    for (const auto& spec : state->tasks)
        if (spec.id == t.spec_id) return &spec;
    return nullptr;
}

std::vector<Task> open_tasks_of(Store& store, InstanceId id) {
    TaskFilter f;
    f.instance_id = id;
    f.statuses = std::vector<TaskStatus>{TaskStatus::open, TaskStatus::overdue};
    return store.tasks_matching(f);
}

bool addresses_people(const Definition& d) {
    for (const auto& state : d.states)
        for (const auto& spec : state.tasks)
            if (!spec.person.empty()) return true;
    return false;
}

}  // namespace

// Runs at every state entry, so a hand-over's move on the morning after the last day
// is the moment the leaver's open work goes to the coordinator. Definitions that
// address nobody personally (all but the hand-over) cost no read.
void Step::hand_on_personal_tasks(const Loaded& l) {
    if (!addresses_people(*l.definition)) return;
    for (auto t : open_tasks_of(store_, l.instance.id)) {
        if (t.person.empty()) continue;
        const auto holders = store_.holders_of_role(t.municipality, t.role, today_);
        if (std::any_of(holders.begin(), holders.end(),
                        [&](const Person& p) { return p.id == t.person; }))
            continue;  // still theirs
        const TaskSpec* spec = spec_of(*l.definition, t);
        const std::string was = t.person;
        const std::string role_was = t.role;
        if (spec && !spec->then_role.empty()) t.role = resolve_role(l.instance, spec->then_role);
        t.person.clear();
        store_.update_task(t);
        Event e = event_for(t, EventKind::task_handed_on);
        e.person = was;
        e.note = fmt::format("{} heeft de rol {} niet meer: nu voor {}", person_ref(was), role_was,
                             t.role);
        log(e);
    }
}

void Step::learn_successor(Instance& i, const RoleAssignment& period) {
    i.params[std::string(kSuccessorParam)] = period.person_id;
    i.params[std::string(kSuccessorNameParam)] = person_ref(period.person_id);
    store_.update_instance(i);
    auto l = load(i.id);
    if (!l) return;
    for (auto t : open_tasks_of(store_, i.id)) {
        const TaskSpec* spec = spec_of(*l->definition, t);
        if (!spec) continue;
        Task before = t;
        t.title = Text{fill(spec->title.nl, *l, t.item, Language::nl),
                       spec->title.en.empty() ? std::string()
                                              : fill(spec->title.en, *l, t.item, Language::en)};
        // A task for {successor} made while nobody was named was the role's: now theirs.
        const std::string person = resolve_person(l->instance, spec->person);
        if (spec->person == fmt::format("{{{}}}", kSuccessorParam) && !person.empty() &&
            t.role == resolve_role(l->instance, spec->role))
            t.person = person;
        if (t.title.nl != before.title.nl || t.title.en != before.title.en ||
            t.person != before.person)
            store_.update_task(t);
    }
}

// The successor's welcome (README, "Warm hand-over"): on their first day in the role,
// or at once when that has come; one per successor and leaver, however often okod
// looks (the outbox key). The mail itself is written when it goes out, with the tasks
// that are theirs then.
void Step::welcome(const Instance& i, const RoleAssignment& period) {
    const auto person = store_.person(period.person_id);
    const auto leaver = i.params.find("leaver");
    const auto role = i.params.find("role");
    if (!person || leaver == i.params.end() || role == i.params.end()) return;
    const Instant first_day = at_local(period.from, settings_.reminder_time);
    OutboxItem o;
    o.key = fmt::format("welcome/{}/{}/{}", i.municipality, leaver->second, person->id);
    o.created_at = now_;
    o.municipality = i.municipality;
    o.kind = OutboxKind::welcome;
    o.role = role->second;
    o.person_id = person->id;
    o.recipient = person->email;
    o.language = person->language;
    o.due = std::max(first_day, now_);  // when it goes out: the mail's date
    if (first_day > now_) o.next_attempt_at = first_day;
    if (!store_.enqueue(o)) return;  // welcomed before: never twice
    Event e = event_for(i, EventKind::welcome);
    e.role = o.role;
    e.person = person->id;
    e.note = "welkomstmail aan de opvolger van " + person_ref(leaver->second) + ", " +
             format_local_minutes(*o.due);
    log(e);
}

}  // namespace okod
