#pragma once
// The command line of `okoctl outbox [retry]`. Include from okoctl_main.cpp only (CLI11
// is a heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "adapters/config/config.hpp"
#include "daemon/client/client_cli.hpp"
#include "daemon/commands/cli_validators.hpp"
#include "daemon/commands/outbox_command.hpp"

namespace okod {

struct OutboxCli {
    CLI::App* list = nullptr;  // `okoctl outbox` itself
    CLI::App* retry = nullptr;
    OutboxArgs list_args;
    OutboxRetryArgs retry_args;

    bool parsed() const { return list->parsed(); }  // also when `retry` was
    int run(std::ostream& out, std::ostream& err) const {
        if (retry->parsed()) return run_outbox_retry(retry_args, out, err);
        return run_outbox(list_args, out, err);
    }
};

inline void add_outbox_command(CLI::App& app, OutboxCli& cli) {
    auto& a = cli.list_args;
    a.config = default_config_path();
    auto* outbox = cli.list =
        app.add_subcommand("outbox", "List e-mails: pending (with retries), sent and dead");
    outbox->add_option("--config", a.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    outbox->add_option("--store", a.store, "SQLite store to read (instead of the config's)");
    outbox->add_option("--status", a.status, "pending, sent, dead, obsolete or all")
        ->capture_default_str();
    outbox->add_option("--limit", a.limit, "At most this many rows")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    outbox
        ->add_option("--municipality", a.municipality,
                     "Only this CBS code, e.g. GM0935 (through the API: needed unless the token "
                     "has one)")
        ->check(cli_validators::cbs_code());
    outbox->add_flag("--json", a.json, "One JSON object per line");
    client_cli::connection_options(outbox, a.client);

    auto& r = cli.retry_args;
    r.config = default_config_path();
    cli.retry = outbox->add_subcommand(
        "retry", "Send dead letters again (on okod's store; a running okod sends them at once)");
    cli.retry->add_option("ids", r.ids, "Ids of dead letters (okoctl outbox --status dead)");
    cli.retry->add_flag("--all-dead", r.all_dead, "Every dead letter");
    cli.retry->add_option("--config", r.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    cli.retry->add_option("--store", r.store, "SQLite store to change (instead of the config's)");
    cli.retry
        ->add_option(
            "--municipality", r.municipality,
            "Through the API with --all-dead: this CBS code (needed unless the token has one)")
        ->check(cli_validators::cbs_code());
    client_cli::connection_options(cli.retry, r.client);
}

}  // namespace okod
