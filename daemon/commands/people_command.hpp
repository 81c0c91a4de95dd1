#pragma once
// `okoctl people`: who holds which role, and turnover.
//   add     a person okod can address (name, e-mail, language), a member of --municipality
//   assign  a role held from a day (to a day), with the FTE put into it
//   leave   a holder's last day: the assignment ends and the warm hand-over starts
//   list    who holds which role on a day, vacancies and the capacity against the norm
//
// Locally (on okod's server) the changes go through the engine (one transaction each,
// logged in the event log) on okod's timeline: its accelerated demo clock when the
// store has one, else the wall clock, or --at. okod reads them from the store.
//
// With --url or $OKOD_URL they go through okod's API instead (people_api.hpp): okod
// makes the change on its own clock, so --at and --store are refused there.
//
// Exit codes: 0 done; 1 the engine refused (nothing changed), the config does not load
// or there is no store; 2 a bad argument (CLI11 checks most before these run). Through
// the API: daemon/client/exit_codes.hpp.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "daemon/commands/store_or_api_options.hpp"

namespace okod {

struct PeopleAddArgs {
    StoreOrApiOptions common;
    std::string id;
    std::string name;
    std::optional<std::string> email;     // unset: keep the recorded one (none for a new person)
    std::optional<std::string> language;  // "nl" | "en"; unset: keep the recorded one, else nl
    std::string municipality;  // CBS code the person belongs to (through the API: required
                               // when the token has several municipalities)
};

struct PeopleAssignArgs {
    StoreOrApiOptions common;
    std::string person;
    std::string municipality;
    std::string role;
    std::string from;   // YYYY-MM-DD
    std::string until;  // YYYY-MM-DD, inclusive; empty: open-ended
    std::optional<double> fte;
};

struct PeopleLeaveArgs {
    StoreOrApiOptions common;
    std::string person;
    std::string municipality;
    std::string last_day;  // YYYY-MM-DD
    std::string role;      // empty: every role the person holds there on the last day
};

struct PeopleListArgs {
    StoreOrApiOptions common;
    std::string municipality;
    std::string on;  // YYYY-MM-DD; empty: today on okod's clock
    bool json = false;
    bool history = false;
};

int run_people_add(const PeopleAddArgs& args, std::ostream& out, std::ostream& err);
int run_people_assign(const PeopleAssignArgs& args, std::ostream& out, std::ostream& err);
int run_people_leave(const PeopleLeaveArgs& args, std::ostream& out, std::ostream& err);
// people_list.cpp
int run_people_list(const PeopleListArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
