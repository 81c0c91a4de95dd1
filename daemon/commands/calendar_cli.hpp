#pragma once
// The command line of `okoctl calendar elections|import-school-holidays`. Include from
// okoctl_main.cpp only (CLI11 is a heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "adapters/config/config.hpp"
#include "daemon/commands/calendar_command.hpp"

namespace okod {

struct CalendarCli {
    CLI::App* elections = nullptr;
    CLI::App* import_holidays = nullptr;
    ElectionsArgs elections_args;
    ImportSchoolHolidaysArgs import_args;

    bool parsed() const { return elections->parsed() || import_holidays->parsed(); }
    int run(std::ostream& out, std::ostream& err) const {
        if (elections->parsed()) return run_calendar_elections(elections_args, out, err);
        return run_import_school_holidays(import_args, out, err);
    }
};

inline void add_calendar_command(CLI::App& app, CalendarCli& cli) {
    auto* calendar =
        app.add_subcommand("calendar", "Election days and school holidays okod plans with");
    calendar->require_subcommand(1);

    auto& e = cli.elections_args;
    e.config = default_config_path();
    cli.elections = calendar->add_subcommand(
        "elections",
        "Council election days (Kieswet, plus a municipality's herindeling), one per line");
    cli.elections->add_option("--from", e.from_year, "First year")
        ->required()
        ->check(CLI::Range(1900, 2200));
    cli.elections->add_option("--to", e.to_year, "Last year")
        ->required()
        ->check(CLI::Range(1900, 2200));
    cli.elections->add_option(
        "--municipality", e.municipality,
        "CBS code (GM0935): include its herindeling_elections from the config");
    cli.elections->add_flag("--json", e.json,
                            "A JSON array of {\"date\", \"kind\": \"regular\"|\"herindeling\"}");
    cli.elections->add_option("--config", e.config, "Configuration file (with --municipality)")
        ->capture_default_str();

    auto& i = cli.import_args;
    i.config = default_config_path();
    cli.import_holidays = calendar->add_subcommand(
        "import-school-holidays",
        "Import school holidays (government open-data JSON) into the store; all or nothing");
    cli.import_holidays->add_option("file", i.file, "schoolvakanties JSON file")->required();
    cli.import_holidays->add_option("--config", i.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    cli.import_holidays->add_option("--store", i.store,
                                    "SQLite store to write (instead of the config's)");
}

}  // namespace okod
