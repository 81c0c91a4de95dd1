#pragma once
// The command line of `okoctl execution-plan list|add|set|remove`. Include from
// okoctl_main.cpp only (CLI11 is a heavy header). The CBS code, the id, money, FTE,
// priority, status and yes/no are checked here, so a bad one is CLI11's message and
// exit code 2 before anything is opened. --url (or $OKOD_URL) sends the commands to
// okod's API.
#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "daemon/commands/cli_validators.hpp"
#include "daemon/commands/execution_plan_command.hpp"
#include "daemon/commands/store_cli.hpp"

namespace okod {

struct ExecutionPlanCli {
    CLI::App* list = nullptr;
    CLI::App* add = nullptr;
    CLI::App* set = nullptr;
    CLI::App* remove = nullptr;
    ExecutionPlanListArgs list_args;
    ExecutionPlanAddArgs add_args;
    ExecutionPlanSetArgs set_args;
    ExecutionPlanRemoveArgs remove_args;

    bool parsed() const {
        return list->parsed() || add->parsed() || set->parsed() || remove->parsed();
    }
    int run(std::ostream& out, std::ostream& err) const {
        if (list->parsed()) return run_execution_plan_list(list_args, out, err);
        if (add->parsed()) return run_execution_plan_add(add_args, out, err);
        if (set->parsed()) return run_execution_plan_set(set_args, out, err);
        return run_execution_plan_remove(remove_args, out, err);
    }
};

namespace execution_plan_cli {

inline void municipality_option(CLI::App* sub, std::string& municipality) {
    sub->add_option("--municipality", municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
}

inline void id_option(CLI::App* sub, std::int64_t& id) {
    sub->add_option("--id", id, "The action's id (okoctl execution-plan list)")
        ->required()
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{999999999999}));
}

// The fill-in table. `add` requires the recommendation and the intervention.
inline void field_options(CLI::App* sub, ExecutionActionArgs& f, bool adding) {
    auto* recommendation = sub->add_option(
        "--recommendation", f.recommendation,
        "The Scanner's recommendation: its text as in the municipality's [lists] recommendations, "
        "or its number there (1 = the first)");
    auto* intervention =
        sub->add_option("--intervention", f.intervention, "1 the suggested intervention");
    if (adding) {
        recommendation->required()->check(cli_validators::not_blank("the recommendation"));
        intervention->required()->check(cli_validators::not_blank("the intervention"));
    }
    sub->add_option("--relevance", f.relevance, "2 relevance");
    sub->add_option("--feasibility", f.feasibility, "3 feasibility");
    sub->add_option("--money", f.money, "4 resources: money in whole euros (\"\" clears it)")
        ->check(cli_validators::money());
    sub->add_option("--fte", f.fte, "4 resources: FTE, 0 to 100 (0,2 or 0.2; \"\" clears it)")
        ->check(cli_validators::fte(kMaxActionFte, true));
    sub->add_option("--other-resources", f.other_resources,
                    "4 resources: anything else (rooms, materials)");
    sub->add_option("--effectiveness", f.effectiveness, "5 expected effectiveness");
    sub->add_option("--recognised", f.recognised,
                    "5 a recognised (erkende) intervention, e.g. in the databank Effectieve "
                    "jeugdinterventies: "
                    "yes or no" +
                        std::string(adding ? " (default no)" : ""))
        ->check(CLI::IsMember({"yes", "no", "ja", "nee"}));
    sub->add_option("--obstacles", f.obstacles, "6 obstacles");
    sub->add_option("--period", f.period, "7 period, free text (e.g. \"sep 2026 - jun 2027\")");
    sub->add_option("--responsible", f.responsible, "8 who is responsible");
    sub->add_option("--priority", f.priority,
                    "hoog, middel or laag" + std::string(adding ? " (default middel)" : ""))
        ->check(CLI::IsMember({"hoog", "middel", "laag"}));
    sub->add_option("--considerations", f.considerations,
                    "Considerations behind the priority (afwegingen)");
    sub->add_option("--status", f.status,
                    "groen (realised), oranje (partly, or running), rood (not yet)" +
                        std::string(adding ? " (default rood)" : ""))
        ->check(CLI::IsMember({"groen", "oranje", "rood"}));
    sub->add_option("--remark", f.remark, "Remark with the status (what was done, what not)");
}

}  // namespace execution_plan_cli

inline void add_execution_plan_command(CLI::App& app, ExecutionPlanCli& cli) {
    auto* plan = app.add_subcommand("execution-plan",
                                    "The execution plan after a Scanner: per recommendation its "
                                    "actions (fill-in table, priority, traffic light)");
    plan->require_subcommand(1);

    cli.list = plan->add_subcommand("list",
                                    "Per recommendation a table of its actions (priority, period, "
                                    "who, resources, light); counts per light");
    execution_plan_cli::municipality_option(cli.list, cli.list_args.municipality);
    cli.list->add_flag("--full", cli.list_args.full, "Also each action's whole fill-in table");
    cli.list->add_flag(
        "--json", cli.list_args.json,
        "One JSON object per action per line, in the plan's order, as okod's API has them: {id, "
        "municipality, recommendation, recommendation_number, intervention, relevance, "
        "feasibility, "
        "money_euros, fte, other_resources, expected_effectiveness, recognised, obstacles, period, "
        "responsible, priority, considerations, status, status_remark, created_at, updated_at}");
    store_cli::store_or_api_options(cli.list, cli.list_args.common);

    cli.add = plan->add_subcommand("add", "Add an action to a recommendation of the plan");
    execution_plan_cli::municipality_option(cli.add, cli.add_args.municipality);
    execution_plan_cli::field_options(cli.add, cli.add_args.fields, true);
    store_cli::store_or_api_options(cli.add, cli.add_args.common);

    cli.set = plan->add_subcommand("set", "Change the fields given of an action; the others stay");
    execution_plan_cli::municipality_option(cli.set, cli.set_args.municipality);
    execution_plan_cli::id_option(cli.set, cli.set_args.id);
    execution_plan_cli::field_options(cli.set, cli.set_args.fields, false);
    store_cli::store_or_api_options(cli.set, cli.set_args.common);

    cli.remove = plan->add_subcommand("remove", "Remove an action from the plan");
    execution_plan_cli::municipality_option(cli.remove, cli.remove_args.municipality);
    execution_plan_cli::id_option(cli.remove, cli.remove_args.id);
    store_cli::store_or_api_options(cli.remove, cli.remove_args.common);
}

}  // namespace okod
