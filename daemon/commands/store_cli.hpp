#pragma once
// --config and --store for the okoctl commands that work on okod's store directly (the
// administrator on the server). Include from *_cli.hpp headers only (CLI11 is heavy).
#include <CLI/CLI.hpp>
#include <filesystem>

#include "adapters/config/config.hpp"

namespace okod::store_cli {

inline void store_options(CLI::App* sub, std::filesystem::path& config, std::filesystem::path& store) {
    config = default_config_path();
    sub->add_option("--config", config, "Configuration file (okod.toml)")->capture_default_str();
    sub->add_option("--store", store, "okod's SQLite store (instead of the config's)");
}

}  // namespace okod::store_cli
