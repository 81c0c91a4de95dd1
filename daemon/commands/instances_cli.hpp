#pragma once
// The command line of `okoctl instances list|show|signal`. Include from okoctl_main.cpp
// only (CLI11 is a heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "daemon/client/client_cli.hpp"
#include "daemon/commands/instances_command.hpp"

namespace okod {

struct InstancesCli {
    CLI::App* list = nullptr;
    CLI::App* show = nullptr;
    CLI::App* signal = nullptr;
    InstancesListArgs list_args;
    InstanceArgs show_args;
    InstancesSignalArgs signal_args;

    bool parsed() const { return list->parsed() || show->parsed() || signal->parsed(); }
    int run(std::ostream& out, std::ostream& err) const {
        if (list->parsed()) return run_instances_list(list_args, out, err);
        if (show->parsed()) return run_instances_show(show_args, out, err);
        return run_instances_signal(signal_args, out, err);
    }
};

namespace instances_cli {

inline void instance_id(CLI::App* sub, InstanceArgs& args) {
    sub->add_option("id", args.id, "Instance id (okoctl instances list)")
        ->required()
        ->check(cli_validators::id("an instance"));
}
inline void json_and_connection(CLI::App* sub, InstanceArgs& args) {
    sub->add_flag("--json", args.json, "Print okod's JSON of the instance");
    client_cli::api_options(sub, args.client);
}

// An event name as workflow definitions write them: letters, digits, _ and -.
inline CLI::Validator event_name() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const bool ok = !text.empty() && text.size() <= 100 &&
                            text.find_first_not_of(
                                "abcdefghijklmnopqrstuvwxyz"
                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == std::string::npos;
            return ok ? std::string()
                      : "'" + text + "' is not an event name (e.g. college_installed)";
        },
        "EVENT", "event name");
}

}  // namespace instances_cli

inline void add_instances_command(CLI::App& app, InstancesCli& cli) {
    auto* instances =
        app.add_subcommand("instances", "The workflows okod runs, through okod's API");
    instances->require_subcommand(1);

    cli.list = instances->add_subcommand(
        "list", "Every workflow instance of a municipality: state, started, finished");
    cli.list
        ->add_option("--municipality", cli.list_args.municipality,
                     "CBS code, e.g. GM0935 (needed unless the token has one municipality)")
        ->check(cli_validators::cbs_code());
    cli.list->add_flag("--json", cli.list_args.json, "okod's JSON, one instance per line");
    client_cli::api_options(cli.list, cli.list_args.client);

    cli.show = instances->add_subcommand(
        "show", "One instance: state, started, parameters and its history from the event log");
    instances_cli::instance_id(cli.show, cli.show_args);
    instances_cli::json_and_connection(cli.show, cli.show_args);

    cli.signal = instances->add_subcommand(
        "signal", "Deliver an event the workflow waits for, e.g. college_installed");
    instances_cli::instance_id(cli.signal, cli.signal_args.instance);
    cli.signal->add_option("event", cli.signal_args.event, "The event, e.g. college_installed")
        ->required()
        ->check(instances_cli::event_name());
    instances_cli::json_and_connection(cli.signal, cli.signal_args.instance);
}

}  // namespace okod
