#pragma once
// Everything okod keeps about one person (AVG/GDPR art. 15, `okoctl people export`):
// their row, the roles they held, the tasks addressed to those roles while they held
// them, the e-mails okod decided to send them, the event log lines that name them, and
// the API tokens that act as them.
// Read from the Store port; the caller renders it (adapters/output/person_export).
#include <optional>
#include <string>
#include <vector>

#include "model/instance.hpp"
#include "model/people.hpp"
#include "model/store.hpp"

namespace okod {

struct PersonRecord {
    Person person;
    std::optional<Instant> erased_at;
    std::vector<RoleAssignment> assignments;  // every municipality, by municipality, role, from
    std::vector<Task> tasks;                  // by due, then id; each once
    std::vector<OutboxItem> mails;            // by id
    std::vector<Event> events;                // by seq
    std::vector<ApiToken> tokens;             // API tokens that act as them, by id
};

// nullopt when the store has no person with that id.
std::optional<PersonRecord> person_record(Store& store, const std::string& id);

// The names and addresses the person has had, as far as the store knows: the current
// ones, those in the event log's older "name <address>" lines (before names were kept
// by reference) and the addresses of their outbox rows. Empty strings left out.
struct KnownIdentity {
    std::vector<std::string> names;
    std::vector<std::string> addresses;
};
KnownIdentity known_identity(Store& store, const Person& p);

// Names as the store's people rows have them now, for render_person_refs; each person
// is read once per PersonNameOf. The store must outlive it.
PersonNameOf person_names(PeopleStore& store);
Text render_person_refs(const Text& text, const PersonNameOf& name_of);
// Tasks and events as shown to people: titles (and notes) with names rendered. Never
// write what these return back to the store: it would put the names back into it.
std::vector<Task> with_names(std::vector<Task> tasks, const PersonNameOf& name_of);
Event with_names(Event e, const PersonNameOf& name_of);
Instance with_names(Instance i, const PersonNameOf& name_of);  // its params' values

}  // namespace okod
