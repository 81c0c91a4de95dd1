#pragma once
// What an okoctl command that works on okod's store itself (`people`, `activities`,
// `execution-plan` without --url) opens: the store as okod left it, the definitions okod
// runs, the calendar, and okod's clock; one session for one command.
//
// Unlike open_runtime (okod's start and reload), opening a session writes nothing: the
// config is not synced into the store. okoctl acts on what okod itself knows, and a
// command that fails leaves the store exactly as it was. The config is still read for
// the store path, the role catalogue, the school holidays and the engine's times.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "adapters/config/config.hpp"
#include "calendar/calendar.hpp"
#include "daemon/commands/store_or_api_options.hpp"
#include "definition/registry.hpp"
#include "engine/engine.hpp"
#include "model/store.hpp"
#include "time/clock.hpp"

namespace okod {

struct StoreSession {
    Config config;
    DefinitionRegistry definitions;  // every version okod stored, checked against roles.toml
    Calendar calendar;
    std::unique_ptr<Store> store;
    std::unique_ptr<Clock> clock;  // --at, okod's accelerated demo clock, or the wall clock
    std::string clock_note;        // "" for the wall clock, else where "now" comes from
};

struct OpenedStoreSession {
    std::optional<StoreSession> session;
    int exit_code = 0;  // when there is no session: 1 (config, store) or 2 (--at)
};

// Prints every problem to `err` as "okoctl <command>: ..." (config errors as
// file:line:col: message) and returns no session; `command` is e.g. "people add". Never
// creates the store: one made by okoctl (run as root, say) would not be okod's.
OpenedStoreSession open_store_session(const StoreOptions& options, const std::string& command,
                                      std::ostream& err);

// The municipality as okod knows it. An unknown one is printed with the codes okod
// does know, and a hint when only the config has it (okod has not reloaded yet).
// `command` as for open_store_session.
std::optional<Municipality> require_municipality(StoreSession& s, const std::string& code,
                                                 const std::string& command, std::ostream& err);

// Who ran the command, for the event log ("door ..."): the sudo user, else the user.
std::string command_user();

// The engine on the session's store, definitions, calendar and clock.
Engine engine_of(StoreSession& s);
// "(now is 2026-03-02 09:00, from --at)" when the session does not run on the wall clock.
void print_clock(const StoreSession& s, std::ostream& out);

// --store and --at name the local store and clock: through the API okod uses its own.
// Prints "okoctl <command>: --store works on okod's store ..." and returns true when
// one was given; `command` is e.g. "people add".
bool local_options_refused(const StoreOrApiOptions& c, const std::string& command,
                           std::ostream& err);

}  // namespace okod
