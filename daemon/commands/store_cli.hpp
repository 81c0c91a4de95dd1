#pragma once
// --config and --store for the okoctl commands that work on okod's store directly (the
// administrator on the server), and with --at, --url and --token-file for those that
// can also go through okod's API. Include from *_cli.hpp headers only (CLI11 is heavy).
#include <CLI/CLI.hpp>
#include <filesystem>

#include "adapters/config/config.hpp"
#include "daemon/client/client_cli.hpp"
#include "daemon/commands/cli_validators.hpp"
#include "daemon/commands/store_or_api_options.hpp"

namespace okod::store_cli {

inline void store_options(CLI::App* sub, std::filesystem::path& config,
                          std::filesystem::path& store) {
    config = default_config_path();
    sub->add_option("--config", config, "Configuration file (okod.toml)")->capture_default_str();
    sub->add_option("--store", store, "okod's SQLite store (instead of the config's)");
}

// `people` and `execution-plan`: the store with --at, or okod's API with --url.
inline void store_or_api_options(CLI::App* sub, StoreOrApiOptions& options) {
    store_options(sub, options.config, options.store);
    sub->add_option(
           "--at", options.at,
           "Act as if it were this moment (ISO 8601, e.g. 2026-03-02T09:00:00+01:00) instead of "
           "now on okod's clock (its demo clock when the store has one, else the wall clock)")
        ->check(cli_validators::iso_instant());
    // Through okod's API instead of its store: for a regisseur away from the server.
    client_cli::connection_options(sub, options.client);
}

}  // namespace okod::store_cli
