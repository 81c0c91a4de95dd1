#pragma once
// What an `okoctl people` command works on: okod's store as okod left it, the
// definitions okod runs, the calendar, and okod's clock.
//
// Unlike open_runtime (okod's start and reload), opening a session writes nothing: the
// config is not synced into the store. okoctl acts on what okod itself knows, and a
// command that fails leaves the store exactly as it was. The config is still read for
// the store path, the role catalogue, the school holidays and the engine's times.
#include "adapters/config/config.hpp"
#include "calendar/calendar.hpp"
#include "daemon/commands/people_command.hpp"
#include "definition/registry.hpp"
#include "engine/engine.hpp"
#include "model/store.hpp"
#include "time/clock.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace okod {

struct PeopleSession {
    Config config;
    DefinitionRegistry definitions;  // every version okod stored, checked against roles.toml
    Calendar calendar;
    std::unique_ptr<Store> store;
    std::unique_ptr<Clock> clock;  // --at, okod's accelerated demo clock, or the wall clock
    std::string clock_note;        // "" for the wall clock, else where "now" comes from
};

struct OpenedSession {
    std::optional<PeopleSession> session;
    int exit_code = 0;  // when there is no session: 1 (config, store) or 2 (--at)
};

// Prints every problem to `err` as "okoctl people <sub>: ..." (config errors as
// file:line:col: message) and returns no session. Never creates the store: one made by
// okoctl (run as root, say) would not be okod's.
OpenedSession open_people_session(const PeopleCommon& common, const std::string& sub,
                                  std::ostream& err);

// The municipality as okod knows it. An unknown one is printed with the codes okod
// does know, and a hint when only the config has it (okod has not reloaded yet).
std::optional<Municipality> require_municipality(PeopleSession& s, const std::string& code,
                                                 const std::string& sub, std::ostream& err);

// Who ran the command, for the event log ("door ..."): the sudo user, else the user.
std::string command_user();

// The engine on the session's store, definitions, calendar and clock.
Engine engine_of(PeopleSession& s);
// "(now is 2026-03-02 09:00, from --at)" when the session does not run on the wall clock.
void print_clock(const PeopleSession& s, std::ostream& out);

// --store and --at name the local store and clock: through the API okod uses its own.
// Prints "okoctl <command>: --store works on okod's store ..." and returns true when
// one was given; `command` is e.g. "people add".
bool local_options_refused(const PeopleCommon& c, const std::string& command, std::ostream& err);

}  // namespace okod
