#pragma once
// The command line of `okoctl municipalities list|show|export|settings set|settings reset`. Include
// from okoctl_main.cpp only (CLI11 is a heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "daemon/client/client_cli.hpp"
#include "daemon/commands/municipalities_command.hpp"
#include "daemon/commands/municipality_settings_command.hpp"

namespace okod {

struct MunicipalitiesCli {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    MunicipalitiesListArgs list_args;
    MunicipalitiesShowArgs show_args;
    CLI::App* export_file = nullptr;
    CLI::App* settings_set = nullptr;
    CLI::App* settings_reset = nullptr;
    MunicipalityExportArgs export_args;
    MunicipalitySettingsSetArgs set_args;
    MunicipalitySettingsResetArgs reset_args;

    bool parsed() const {
        return list->parsed() || show->parsed() || export_file->parsed() ||
               settings_set->parsed() || settings_reset->parsed();
    }
    int run(std::ostream& out, std::ostream& err) const {
        if (list->parsed()) return run_municipalities_list(list_args, out, err);
        if (export_file->parsed()) return run_municipality_export(export_args, out, err);
        if (settings_set->parsed()) return run_municipality_settings_set(set_args, out, err);
        if (settings_reset->parsed()) return run_municipality_settings_reset(reset_args, out, err);
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

    cli.export_file = municipalities->add_subcommand(
        "export",
        "The municipality file in effect (with the settings changed in the browser), ready "
        "for the municipalities dir");
    cli.export_file->add_option("code", cli.export_args.code, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.export_file->add_option("-o,--output", cli.export_args.output,
                                "Write to this file instead of standard output");
    client_cli::api_options(cli.export_file, cli.export_args.client);

    auto* settings = municipalities->add_subcommand(
        "settings", "A municipality's settings kept in okod's store over its file");
    settings->require_subcommand(1);
    cli.settings_set = settings->add_subcommand(
        "set", "Take the settings of a TOML file (checked as a municipality file is)");
    cli.settings_set->add_option("code", cli.set_args.code, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.settings_set
        ->add_option("--file", cli.set_args.file,
                     "A municipality file, or a file with only its settings")
        ->required()
        ->check(CLI::ExistingFile);
    cli.settings_set->add_flag("--dry-run", cli.set_args.dry_run,
                               "Only check them; nothing is stored");
    client_cli::api_options(cli.settings_set, cli.set_args.client);
    cli.settings_reset = settings->add_subcommand(
        "reset", "Drop the settings kept in the store: the municipality file counts again");
    cli.settings_reset->add_option("code", cli.reset_args.code, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    client_cli::api_options(cli.settings_reset, cli.reset_args.client);
}

}  // namespace okod
