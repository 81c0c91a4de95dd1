#pragma once
// The command line of `okoctl events`. Include from okoctl_main.cpp only (CLI11 is a
// heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "daemon/client/client_cli.hpp"
#include "daemon/commands/events_command.hpp"

namespace okod {

struct EventsCli {
    CLI::App* events = nullptr;
    EventsArgs args;

    bool parsed() const { return events->parsed(); }
    int run(std::ostream& out, std::ostream& err) const { return run_events(args, out, err); }
};

inline void add_events_command(CLI::App& app, EventsCli& cli) {
    cli.events = app.add_subcommand(
        "events", "okod's audit log for a municipality, a page at a time, through okod's API");
    cli.events
        ->add_option("--municipality", cli.args.municipality,
                     "CBS code, e.g. GM0935 (needed unless the token has one municipality)")
        ->check(cli_validators::cbs_code());
    cli.events
        ->add_option("--after", cli.args.after,
                     "Only events after this sequence number (the next_after of the last page)")
        ->check(CLI::NonNegativeNumber);
    cli.events->add_option("--limit", cli.args.limit, "At most this many (1 to 1000; default 100)")
        ->check(CLI::Range(1, 1000));
    cli.events->add_flag("--json", cli.args.json,
                         "okod's JSON, one event per line, then {\"next_after\": N}");
    client_cli::api_options(cli.events, cli.args.client);
}

}  // namespace okod
