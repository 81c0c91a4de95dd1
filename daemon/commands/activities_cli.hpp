#pragma once
// The command line of `okoctl activities list|set|export|draft-next`. Include from okoctl_main.cpp
// only (CLI11 is a heavy header). The CBS code, the year, the status and a non-blank remark are
// checked while parsing: a bad one is CLI11's message and exit code 2.
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
    CLI::App* export_ = nullptr;
    CLI::App* draft_next = nullptr;
    ActivitiesListArgs list_args;
    ActivitiesSetArgs set_args;
    ActivitiesExportArgs export_args;
    ActivitiesDraftArgs draft_args;

    bool parsed() const {
        return list->parsed() || set->parsed() || export_->parsed() || draft_next->parsed();
    }
    int run(std::ostream& out, std::ostream& err) const {
        if (list->parsed()) return run_activities_list(list_args, out, err);
        if (export_->parsed()) return run_activities_export(export_args, out, err);
        if (draft_next->parsed()) return run_activities_draft_next(draft_args, out, err);
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

    cli.export_ = activities->add_subcommand(
        "export", "The year plan as TOML, the file one would put in plans/<CODE>-<YEAR>.toml");
    activities_cli::plan_options(cli.export_, cli.export_args.municipality, cli.export_args.year);
    cli.export_->add_option("-o,--output", cli.export_args.output,
                            "Write to this file instead of standard output");
    activities_cli::common_options(cli.export_, cli.export_args.common);

    cli.draft_next = activities->add_subcommand(
        "draft-next",
        "Draft next year's plan from this year's overview (oranje and rood come over; groen "
        "with tasks recurs; groen without tasks was a one-off) and store it in okod");
    activities_cli::plan_options(cli.draft_next, cli.draft_args.municipality, cli.draft_args.year);
    cli.draft_next->add_flag("--dry-run", cli.draft_args.dry_run,
                             "Show what would come over and why; store nothing");
    activities_cli::common_options(cli.draft_next, cli.draft_args.common);
}

}  // namespace okod
