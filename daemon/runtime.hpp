#pragma once
// Everything okod runs on, built from a config file: definitions (every version the
// store has seen plus the files), the calendar, and the store with municipalities,
// people and role assignments synced into it. Shared by `okod run` and `okod simulate`.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "adapters/config/config.hpp"
#include "calendar/calendar.hpp"
#include "definition/registry.hpp"
#include "engine/engine.hpp"
#include "model/store.hpp"

namespace okod {

struct Runtime {
    Config config;
    DefinitionRegistry definitions;
    Calendar calendar;
    std::unique_ptr<Store> store;
    // The files `config` was read from (start_fingerprint), and whether the store holds
    // the plan made from exactly those: then okod's start need not plan again.
    std::string config_fingerprint;
    bool planned = false;
};

struct RuntimeResult {
    std::unique_ptr<Runtime> runtime;
    std::vector<LoadError> errors;
};

// Loads definitions and calendars, checks the config (and the year plans' task
// selectors) against them, opens the store at `store_path` and syncs the config into
// it in one transaction. On any error nothing is written and `runtime` is empty.
RuntimeResult open_runtime(Config config, const std::filesystem::path& store_path);

// The fingerprint of the files `settings` (from load_settings) names and of the
// settings the store keeps over them (Config::stored_settings), with okod's version: a
// new okod may read or plan the same files differently.
std::string start_fingerprint(const Config& settings);

// okod's start, from `settings` (load_settings). When the store's config snapshot has
// the fingerprint of the files as they are now, the municipalities are the ones the
// store has from them and nothing is synced (it was, when the snapshot was saved):
// `planned` is set. Otherwise the municipality files are read and it is open_runtime.
// Unlike open_runtime, the store is opened (and migrated) before the files are read.
RuntimeResult open_runtime_at_start(Config settings, const std::filesystem::path& store_path);

// Plans every municipality of `rt` with `engine` and records in the store which files
// that plan was made from (the config snapshot), in one transaction; nothing when
// `rt.planned` (the store has that plan already). Sets `rt.planned`.
void plan_runtime(Runtime& rt, Engine& engine);

// SIGHUP: loads the definitions and calendars of `config` and syncs it into the running
// store in one transaction. On any error nothing changes (the running definitions and
// config stay) and the errors say why; on success `rt` holds the new ones.
// The store itself is not reopened: a changed store path needs a restart.
// `also` runs inside the transaction that syncs the config (a settings change stored
// with the reload that takes it up, and its event-log line): rolled back with it.
std::vector<LoadError> reload_runtime(Runtime& rt, Config config,
                                      const std::function<void(Store&)>& also = {});

// A change of one municipality's settings, taken up as a reload takes up a file: the
// daemon reloads with `settings` (or, with `drop`, without the stored settings of that
// code) and stores the change and `event` in the reload's transaction.
struct SettingsReload {
    std::optional<StoredSettings> settings;
    std::string drop;  // a code: its stored settings go, its file counts again
    std::optional<Event> event;
};

// okod.toml and the municipality files as a start or reload reads them: the store's
// settings (Config::stored_settings) over the files, as `change` would leave them (a
// change not yet stored). `fingerprint`, when given, is set to the start_fingerprint
// taken before the files are read. Nothing is written.
ConfigResult load_config_over_store(const std::filesystem::path& file, Store& store,
                                    const SettingsReload* change = nullptr,
                                    std::string* fingerprint = nullptr);
// What reload_runtime would refuse about `config` before it touches the store: the
// definitions, the municipalities checked against them, the year plans' selectors.
std::vector<LoadError> check_config(const Config& config);

}  // namespace okod
