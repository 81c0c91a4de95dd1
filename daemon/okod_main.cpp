// okod: the OKO cycle daemon. main() only parses the command line and hands over.
#include <iostream>

#include "adapters/config/config.hpp"
#include "daemon/cli_main.hpp"
#include "daemon/commands/run_command.hpp"
#include "daemon/commands/simulate_command.hpp"
#include "version.hpp"

int main(int argc, char** argv) {
    CLI::App app{"okod: keeps the OKO prevention cycle of Dutch municipalities on time", "okod"};
    app.set_version_flag("--version", std::string("okod ") + okod::kVersion);
    app.require_subcommand(0, 1);  // plain `okod` runs the service with the default config

    okod::RunArgs run_args;
    run_args.config = okod::default_config_path();
    auto* run =
        app.add_subcommand("run", "Run the service in the foreground (systemd: Type=notify)");
    run->add_option("--config", run_args.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    run->add_option(
        "--clock", run_args.clock,
        "Start a demo/test clock at this moment (ISO 8601, e.g. 2026-03-01T08:00:00+01:00)");
    run->add_option("--clock-speed", run_args.clock_speed,
                    "With --clock: simulated seconds per real second (3600: an hour per second)")
        ->check(CLI::PositiveNumber);
    run->add_option("--log-level", run_args.log_level, "trace, debug, info, warn or error")
        ->capture_default_str();

    okod::SimulateArgs sim;
    sim.config = okod::default_config_path();
    auto* simulate = app.add_subcommand(
        "simulate", "Run the workflows over a period on a virtual clock and print the timeline");
    simulate->add_option("--config", sim.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    simulate->add_option("--from", sim.from, "First day, YYYY-MM-DD")->required();
    simulate->add_option("--to", sim.to, "Last day (inclusive), YYYY-MM-DD")->required();
    simulate->add_option("--municipality", sim.municipalities,
                         "Only this municipality (CBS code, e.g. GM0935); repeatable");
    simulate->add_option("--store", sim.store,
                         "SQLite file to use and keep (default: simulation.sqlite beside the "
                         "configured store, made afresh)");
    simulate->add_option("--lang", sim.language, "Language of the timeline: nl or en")
        ->capture_default_str();
    simulate->add_flag("--json", sim.json, "One JSON object per line");
    simulate->add_flag("--complete-on-time", sim.complete_on_time,
                       "Mark every task done at its deadline (a healthy cycle)");

    return okod::run_cli(app, argc, argv, [&] {
        if (simulate->parsed()) return okod::run_simulate(sim, std::cout, std::cerr);
        return okod::run_daemon(run_args);  // `okod run` or plain `okod`
    });
}
