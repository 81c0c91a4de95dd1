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
#include "model/store.hpp"

namespace okod {

struct Runtime {
    Config config;
    DefinitionRegistry definitions;
    Calendar calendar;
    std::unique_ptr<Store> store;
};

struct RuntimeResult {
    std::unique_ptr<Runtime> runtime;
    std::vector<LoadError> errors;
};

// Loads definitions and calendars, checks the config (and the year plans' task
// selectors) against them, opens the store at `store_path` and syncs the config into
// it in one transaction. On any error nothing is written and `runtime` is empty.
RuntimeResult open_runtime(Config config, const std::filesystem::path& store_path);

// SIGHUP: loads the definitions and calendars of `config` and syncs it into the running
// store in one transaction. On any error nothing changes (the running definitions and
// config stay) and the errors say why; on success `rt` holds the new ones.
// The store itself is not reopened: a changed store path needs a restart.
std::vector<LoadError> reload_runtime(Runtime& rt, Config config);

}  // namespace okod
