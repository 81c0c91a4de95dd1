#pragma once
// Everything okod runs on, built from a config file: definitions (every version the
// store has seen plus the files), the calendar, and the store with municipalities,
// people and role assignments synced into it. Shared by `okod run` and `okod simulate`.
#include <filesystem>
#include <memory>
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

// The fingerprint of the files `settings` (from load_settings) names, with okod's
// version: a new okod may read or plan the same files differently.
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
std::vector<LoadError> reload_runtime(Runtime& rt, Config config);

}  // namespace okod
