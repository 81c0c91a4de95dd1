#include "daemon/commands/store_session.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <sstream>

#include "adapters/calendar/school_holidays_json.hpp"
#include "adapters/definitions/toml_definition_loader.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "calendar/school_holiday_merge.hpp"
#include "daemon/run/run_clock.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

RoleCatalog load_roles(const fs::path& dir, std::vector<LoadError>& errors) {
    const fs::path file = dir / "roles.toml";
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        errors.push_back({file.string(), 0, 0, "cannot read the role catalogue"});
        return {};
    }
    std::stringstream text;
    text << in.rdbuf();
    return parse_roles(text.str(), file.string(), errors);
}

// The definitions okod runs are the versions it stored at its last start or reload;
// files changed since then are not okod's yet, so a hand-over started here runs on a
// version okod has. A stored version that no longer validates is left out, as okod
// does (it logs why).
DefinitionRegistry stored_definitions(Store& store, const RoleCatalog& roles) {
    DefinitionRegistry registry;
    registry.set_roles(roles);
    for (const auto& s : store.all_definitions()) {
        std::vector<LoadError> ignored;
        if (auto d = parse_definition(s.source_text, s.source_file, roles, ignored))
            registry.add(std::move(*d));
    }
    return registry;
}

// As okod builds it: the configured file, with imported school years replacing its own.
Calendar calendar_of(const Config& config, Store& store, std::vector<LoadError>& errors) {
    std::vector<SchoolHoliday> file;
    if (!config.school_holidays_file.empty())
        file = load_school_holidays_file(config.school_holidays_file, errors);
    return Calendar(SchoolHolidays(merge_school_holidays(file, store.imported_school_holidays())));
}

}  // namespace

OpenedStoreSession open_store_session(const StoreOptions& common, const std::string& command,
                                      std::ostream& err) {
    const std::string who = "okoctl " + command;
    OpenedStoreSession result;
    std::optional<Instant> at;
    if (!common.at.empty()) {
        at = parse_instant(common.at);
        if (!at) {
            err << fmt::format(
                "{}: --at '{}' is not an ISO 8601 time (e.g. 2026-03-02T09:00:00+01:00)\n", who,
                common.at);
            result.exit_code = 2;
            return result;
        }
    }
    result.exit_code = 1;
    auto loaded = load_config(common.config);
    if (!loaded.config) {
        for (const auto& e : loaded.errors) err << e.to_string() << '\n';
        return result;
    }
    const fs::path store_path = common.store.empty() ? loaded.config->store_path : common.store;
    std::error_code ec;
    if (!fs::exists(store_path, ec)) {
        err << fmt::format(
            "{}: no store at {} (start okod once: it creates the store and loads the config)\n",
            who, store_path.string());
        return result;
    }

    StoreSession s;
    std::vector<LoadError> errors;
    const RoleCatalog roles = load_roles(loaded.config->definitions_dir, errors);
    s.store = SqliteStore::open(store_path);
    s.calendar = calendar_of(*loaded.config, *s.store, errors);
    if (!errors.empty()) {
        for (const auto& e : errors) err << e.to_string() << '\n';
        return result;
    }
    s.definitions = stored_definitions(*s.store, roles);
    s.config = std::move(*loaded.config);

    if (at) {
        s.clock = std::make_unique<VirtualClock>(*at);
        s.clock_note = "--at";
    } else {
        try {
            if (auto demo = RunClock::resume(*s.store)) {
                s.clock = std::make_unique<RunClock>(*demo);
                s.clock_note = "okod's accelerated clock";
            }
        } catch (const std::exception& e) {
            err << fmt::format("{}: {}; or pass --at to choose the moment\n", who, e.what());
            return result;
        }
        if (!s.clock) s.clock = std::make_unique<RunClock>();
    }
    result.session = std::move(s);
    result.exit_code = 0;
    return result;
}

std::optional<Municipality> require_municipality(StoreSession& s, const std::string& code,
                                                 const std::string& command, std::ostream& err) {
    if (auto m = s.store->municipality(code)) return m;
    std::vector<std::string> known;
    for (const auto& m : s.store->all_municipalities()) known.push_back(m.code);
    const bool configured =
        std::any_of(s.config.municipalities.begin(), s.config.municipalities.end(),
                    [&](const Municipality& m) { return m.code == code; });
    err << fmt::format(
        "okoctl {}: okod knows no municipality {} (it knows: {}){}\n", command, code,
        known.empty() ? std::string("none") : fmt::format("{}", fmt::join(known, ", ")),
        configured ? "; it is in the config: `systemctl reload okod` loads it" : "");
    return std::nullopt;
}

std::string command_user() {
    for (const char* name : {"SUDO_USER", "USER", "LOGNAME"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return "okoctl";
}

Engine engine_of(StoreSession& s) {
    return Engine(*s.store, s.definitions, s.calendar, *s.clock, s.config.engine);
}

void print_clock(const StoreSession& s, std::ostream& out) {
    if (!s.clock_note.empty())
        out << fmt::format("(now is {}, from {})\n", format_local_minutes(s.clock->now()),
                           s.clock_note);
}

bool local_options_refused(const StoreOrApiOptions& c, const std::string& command,
                           std::ostream& err) {
    for (const auto& [given, option] :
         {std::pair{!c.store.empty(), "--store"}, std::pair{!c.at.empty(), "--at"}}) {
        if (!given) continue;
        err << fmt::format(
            "okoctl {}: {} works on okod's store on its server; through okod's API (--url or "
            "OKOD_URL) okod uses "
            "its own store and clock: leave out {}\n",
            command, option, option);
        return true;
    }
    return false;
}

}  // namespace okod
