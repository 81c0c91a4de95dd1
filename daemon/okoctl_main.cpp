// okoctl: okod's command-line client. main() only parses the command line and hands over
// to the command the user chose; each command's options live in its *_cli.hpp.
#include <iostream>
#include <string>
#include <vector>

#include "daemon/cli_main.hpp"
#include "daemon/client/exit_codes.hpp"
#include "daemon/commands/activities_cli.hpp"
#include "daemon/commands/calendar_cli.hpp"
#include "daemon/commands/command_registry.hpp"
#include "daemon/commands/events_cli.hpp"
#include "daemon/commands/execution_plan_cli.hpp"
#include "daemon/commands/instances_cli.hpp"
#include "daemon/commands/municipalities_cli.hpp"
#include "daemon/commands/outbox_cli.hpp"
#include "daemon/commands/people_cli.hpp"
#include "daemon/commands/report_cli.hpp"
#include "daemon/commands/retention_cli.hpp"
#include "daemon/commands/store_check_cli.hpp"
#include "daemon/commands/survey_cli.hpp"
#include "daemon/commands/tasks_cli.hpp"
#include "daemon/commands/tokens_cli.hpp"
#include "daemon/commands/validate_cli.hpp"
#include "version.hpp"

namespace {

using namespace okod;

// Every okoctl command, in the order `okoctl --help` lists them.
constexpr RegisterCommand kCommands[] = {
    register_command<ValidateCli, add_validate_command>,
    register_command<OutboxCli, add_outbox_command>,
    register_command<StoreCheckCli, add_store_command>,
    register_command<CalendarCli, add_calendar_command>,
    register_command<PeopleCli, add_people_command>,
    register_command<TokensCli, add_tokens_command>,
    register_command<SurveyCli, add_survey_commands>,
    register_command<ActivitiesCli, add_activities_command>,
    register_command<ExecutionPlanCli, add_execution_plan_command>,
    // Through okod's HTTP API, from anywhere with a token.
    register_command<MunicipalitiesCli, add_municipalities_command>,
    register_command<TasksCli, add_tasks_command>,
    register_command<InstancesCli, add_instances_command>,
    register_command<EventsCli, add_events_command>,
    register_command<ReportCli, add_report_command>,
    register_command<RetentionCli, add_retention_command>,
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"okoctl: inspect and steer okod", "okoctl"};
    app.set_version_flag("--version", std::string("okoctl ") + okod::kVersion);
    app.require_subcommand(1);
    app.footer(okod::exit_code::kExitCodesHelp);  // once, for every command

    std::vector<RegisteredCommand> commands;
    for (const auto add : kCommands) commands.push_back(add(app));

    return run_cli(app, argc, argv, [&] {
        for (const auto& command : commands)
            if (command.chosen()) return command.run(std::cout, std::cerr);
        return 0;
    });
}
