#pragma once
// The command line of `okoctl activities list|set`. Include from okoctl_main.cpp only
// (CLI11 is a heavy header). The CBS code, the year, the status and a non-blank remark
// are checked while parsing: a bad one is CLI11's message and exit code 2.
#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "daemon/commands/activities_command.hpp"
#include "daemon/commands/cli_validators.hpp"
#include "daemon/commands/store_cli.hpp"

namespace okod {

struct ActivitiesCli {
    CLI::App* list = nullptr;
    CLI::App* set = nullptr;
    ActivitiesListArgs list_args;
    ActivitiesSetArgs set_args;

    bool parsed() const { return list->parsed() || set->parsed(); }
    int run(std::ostream& out, std::ostream& err) const {
        if (list->parsed()) return run_activities_list(list_args, out, err);
        return run_activities_set(set_args, out, err);
    }
};

namespace activities_cli {

// --config, --store and --at as `okoctl people` has them; no --url (local only).
inline void common_options(CLI::App* sub, StoreOptions& common) {
    store_cli::store_options(sub, common.config, common.store);
    sub->add_option("--at", common.at,
                    "Act as if it were this moment (ISO 8601) instead of now on okod's clock")
        ->check(cli_validators::iso_instant());
}

inline void plan_options(CLI::App* sub, std::string& municipality, int& year) {
    sub->add_option("--municipality", municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    sub->add_option("--year", year, "Plan year (default: this year on okod's clock)")
        ->check(CLI::Range(2000, 2100));
}

}  // namespace activities_cli

inline void add_activities_command(CLI::App& app, ActivitiesCli& cli) {
    auto* activities = app.add_subcommand(
        "activities", "The year plan's activities and their traffic lights (groen, oranje, rood)");
    activities->require_subcommand(1);

    cli.list = activities->add_subcommand(
        "list", "Per workgroup: goals, activities with light, remark and source; counts per light");
    activities_cli::plan_options(cli.list, cli.list_args.municipality, cli.list_args.year);
    cli.list->add_flag(
        "--json", cli.list_args.json,
        "One JSON object per line: {\"kind\": \"workgroup\", municipality, year, id, name, goals}; "
        "{\"kind\": \"activity\", municipality, year, workgroup, id, title, light, remark, source "
        "(derived|manual|none), derived_light, derived_remark, linked_tasks, done_tasks, set_by, "
        "set_at (null unless manual)}; last {\"kind\": \"counts\", municipality, year, groen, "
        "oranje, rood, total}");
    activities_cli::common_options(cli.list, cli.list_args.common);

    cli.set = activities->add_subcommand(
        "set", "Set an activity's light by hand, with a remark (wins over the light from tasks)");
    cli.set->add_option("activity", cli.set_args.activity, "Activity id in the year plan")
        ->required();
    activities_cli::plan_options(cli.set, cli.set_args.municipality, cli.set_args.year);
    cli.set
        ->add_option("--status", cli.set_args.status,
                     "groen (fully realised), oranje (partly, or still running), rood (not yet)")
        ->required()
        ->check(CLI::IsMember({"groen", "oranje", "rood"}));
    cli.set->add_option("--remark", cli.set_args.remark, "What was done and what not (required)")
        ->required()
        ->check(cli_validators::not_blank("the remark", "a remark must say something"));
    activities_cli::common_options(cli.set, cli.set_args.common);
}

}  // namespace okod
