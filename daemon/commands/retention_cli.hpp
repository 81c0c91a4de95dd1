#pragma once
// The command line of `okoctl retention`. Include from okoctl_main.cpp only (CLI11 is a
// heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "daemon/commands/retention_command.hpp"
#include "daemon/commands/store_cli.hpp"

namespace okod {

struct RetentionCli {
    CLI::App* command = nullptr;
    RetentionArgs args;

    bool parsed() const { return command->parsed(); }
    int run(std::ostream& out, std::ostream& err) const { return run_retention(args, out, err); }
};

inline void add_retention_command(CLI::App& app, RetentionCli& cli) {
    cli.command = app.add_subcommand(
        "retention",
        "Apply [privacy] mail_retention_months now: clear the addresses of older sent e-mail and "
        "remove older .eml files (okod does this daily)");
    store_cli::store_options(cli.command, cli.args.config, cli.args.store);
    cli.command->add_option(
        "--at", cli.args.at,
        "Act as if it were this moment (ISO 8601) instead of now on okod's clock");
}

}  // namespace okod
