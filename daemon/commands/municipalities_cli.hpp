#pragma once
// The command line of `okoctl municipalities list|show`. Include from okoctl_main.cpp
// only (CLI11 is a heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "daemon/client/client_cli.hpp"
#include "daemon/commands/municipalities_command.hpp"

namespace okod {

struct MunicipalitiesCli {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    MunicipalitiesListArgs list_args;
    MunicipalitiesShowArgs show_args;

    bool parsed() const { return list->parsed() || show->parsed(); }
    int run(std::ostream& out, std::ostream& err) const {
        if (list->parsed()) return run_municipalities_list(list_args, out, err);
        return run_municipalities_show(show_args, out, err);
    }
};

inline void add_municipalities_command(CLI::App& app, MunicipalitiesCli& cli) {
    auto* municipalities = app.add_subcommand(
        "municipalities", "The municipalities the token may see, through okod's API");
    municipalities->require_subcommand(1);

    cli.list = municipalities->add_subcommand(
        "list", "Code, name, school region, trajectory and workflows of each");
    cli.list->add_flag("--json", cli.list_args.json, "okod's JSON, one municipality per line");
    client_cli::api_options(cli.list, cli.list_args.client);

    cli.show = municipalities->add_subcommand(
        "show",
        "One municipality: holders with roles and FTE, capacity against the norm, next "
        "election, running instances");
    cli.show->add_option("code", cli.show_args.code, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.show->add_flag("--json", cli.show_args.json, "Print okod's JSON of the municipality");
    client_cli::api_options(cli.show, cli.show_args.client);
}

}  // namespace okod
