#pragma once
// The command line of `okoctl store check`. Include from okoctl_main.cpp only (CLI11 is a
// heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "adapters/config/config.hpp"
#include "daemon/commands/store_command.hpp"

namespace okod {

struct StoreCheckCli {
    CLI::App* check = nullptr;
    StoreCheckArgs args;

    bool parsed() const { return check->parsed(); }
    int run(std::ostream& out, std::ostream& err) const { return run_store_check(args, out, err); }
};

inline void add_store_command(CLI::App& app, StoreCheckCli& cli) {
    cli.args.config = default_config_path();
    auto* store = app.add_subcommand("store", "okod's store file");
    store->require_subcommand(1);
    cli.check = store->add_subcommand(
        "check",
        "SQLite's integrity_check on the store (beside a running okod); exit 1 when damaged");
    cli.check->add_option("--config", cli.args.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    cli.check->add_option("--store", cli.args.store,
                          "SQLite store to check (instead of the config's)");
    cli.check->add_flag("--quick", cli.args.quick, "quick_check, as okod runs at every start");
}

}  // namespace okod
