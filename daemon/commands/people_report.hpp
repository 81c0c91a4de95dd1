#pragma once
// What an `okoctl people` change did, read back from the event log its engine step
// wrote, and how okod will pick it up. Shared by add, assign and leave.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/commands/store_session.hpp"
#include "model/capacity.hpp"

namespace okod {

// The store just before a change, to tell afterwards what the change did.
struct BeforeChange {
    std::int64_t last_seq = 0;
    std::int64_t timers = 0;
    static BeforeChange of(Store& store);
};

// The events the change logged, in order.
std::vector<Event> events_since(Store& store, const BeforeChange& before);
bool has_event(const std::vector<Event>& events, EventKind kind);

// "Contactpersoon GGD (ggd-contact)".
std::string role_label(const StoreSession& s, const std::string& role);

// Every instance the change started (a warm hand-over, a capacity shortfall), with its
// state and the tasks it created, and every capacity alert.
void print_started_work(const std::vector<Event>& events, const StoreSession& s, std::ostream& out);

// The last line after a change: whether okod needs waking to act on it. okod reads
// people and roles from the store whenever a reminder goes out, but sleeps on one timer
// armed to the earliest item it knew (re-read at least hourly); SIGHUP re-arms it.
void print_pickup_hint(Store& store, const BeforeChange& before, std::ostream& out);

// A change to something the config also sets is undone by okod's next start or reload
// (they sync the config into the store): say so. The person after add; the assignment
// as stored after assign or leave.
// Return whether they warned.
bool warn_config_person(const StoreSession& s, const std::string& person_id, std::ostream& out);
bool warn_config_assignment(const StoreSession& s, const RoleAssignment& stored, std::ostream& out);

}  // namespace okod
