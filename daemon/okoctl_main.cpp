// okoctl: okod's command-line client. main() only parses the command line and hands over.
#include <iostream>

#include "adapters/config/config.hpp"
#include "daemon/cli_main.hpp"
#include "daemon/client/client_cli.hpp"
#include "daemon/client/exit_codes.hpp"
#include "daemon/commands/activities_cli.hpp"
#include "daemon/commands/calendar_command.hpp"
#include "daemon/commands/events_cli.hpp"
#include "daemon/commands/execution_plan_cli.hpp"
#include "daemon/commands/instances_cli.hpp"
#include "daemon/commands/municipalities_cli.hpp"
#include "daemon/commands/outbox_command.hpp"
#include "daemon/commands/people_cli.hpp"
#include "daemon/commands/report_cli.hpp"
#include "daemon/commands/retention_cli.hpp"
#include "daemon/commands/store_command.hpp"
#include "daemon/commands/survey_cli.hpp"
#include "daemon/commands/tasks_cli.hpp"
#include "daemon/commands/tokens_cli.hpp"
#include "daemon/commands/validate_command.hpp"
#include "version.hpp"

int main(int argc, char** argv) {
    CLI::App app{"okoctl: inspect and steer okod", "okoctl"};
    app.set_version_flag("--version", std::string("okoctl ") + okod::kVersion);
    app.require_subcommand(1);
    app.footer(okod::exit_code::kExitCodesHelp);

    std::vector<std::string> files;
    auto* validate = app.add_subcommand(
        "validate", "Check workflow definition files; prints file:line:col: message per error");
    validate->add_option("files", files, "Definition files (.toml)")->required();

    okod::OutboxArgs outbox_args;
    outbox_args.config = okod::default_config_path();
    auto* outbox = app.add_subcommand("outbox", "List e-mails: pending (with retries), sent and dead");
    outbox->add_option("--config", outbox_args.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    outbox->add_option("--store", outbox_args.store, "SQLite store to read (instead of the config's)");
    outbox->add_option("--status", outbox_args.status, "pending, sent, dead, obsolete or all")
        ->capture_default_str();
    outbox->add_option("--limit", outbox_args.limit, "At most this many rows")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    outbox
        ->add_option(
            "--municipality", outbox_args.municipality,
            "Only this CBS code, e.g. GM0935 (through the API: needed unless the token has one)")
        ->check(okod::cli_validators::cbs_code());
    outbox->add_flag("--json", outbox_args.json, "One JSON object per line");
    okod::client_cli::connection_options(outbox, outbox_args.client);
    okod::OutboxRetryArgs retry_args;
    retry_args.config = okod::default_config_path();
    auto* outbox_retry = outbox->add_subcommand(
        "retry", "Send dead letters again (on okod's store; a running okod sends them at once)");
    outbox_retry->add_option("ids", retry_args.ids,
                             "Ids of dead letters (okoctl outbox --status dead)");
    outbox_retry->add_flag("--all-dead", retry_args.all_dead, "Every dead letter");
    outbox_retry->add_option("--config", retry_args.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    outbox_retry->add_option("--store", retry_args.store,
                             "SQLite store to change (instead of the config's)");
    outbox_retry
        ->add_option(
            "--municipality", retry_args.municipality,
            "Through the API with --all-dead: this CBS code (needed unless the token has one)")
        ->check(okod::cli_validators::cbs_code());
    okod::client_cli::connection_options(outbox_retry, retry_args.client);

    okod::StoreCheckArgs store_check_args;
    store_check_args.config = okod::default_config_path();
    auto* store = app.add_subcommand("store", "okod's store file");
    store->require_subcommand(1);
    auto* store_check = store->add_subcommand(
        "check",
        "SQLite's integrity_check on the store (beside a running okod); exit 1 when damaged");
    store_check->add_option("--config", store_check_args.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    store_check->add_option("--store", store_check_args.store,
                            "SQLite store to check (instead of the config's)");
    store_check->add_flag("--quick", store_check_args.quick,
                          "quick_check, as okod runs at every start");

    auto* calendar = app.add_subcommand("calendar", "Election days and school holidays okod plans with");
    calendar->require_subcommand(1);
    okod::ElectionsArgs elections_args;
    elections_args.config = okod::default_config_path();
    auto* elections = calendar->add_subcommand(
        "elections", "Council election days (Kieswet, plus a municipality's herindeling), one per line");
    elections->add_option("--from", elections_args.from_year, "First year")
        ->required()
        ->check(CLI::Range(1900, 2200));
    elections->add_option("--to", elections_args.to_year, "Last year")
        ->required()
        ->check(CLI::Range(1900, 2200));
    elections->add_option("--municipality", elections_args.municipality,
                          "CBS code (GM0935): include its herindeling_elections from the config");
    elections->add_flag("--json", elections_args.json,
                        "A JSON array of {\"date\", \"kind\": \"regular\"|\"herindeling\"}");
    elections->add_option("--config", elections_args.config, "Configuration file (with --municipality)")
        ->capture_default_str();
    okod::ImportSchoolHolidaysArgs import_args;
    import_args.config = okod::default_config_path();
    auto* import_holidays = calendar->add_subcommand(
        "import-school-holidays",
        "Import school holidays (government open-data JSON) into the store; all or nothing");
    import_holidays->add_option("file", import_args.file, "schoolvakanties JSON file")->required();
    import_holidays->add_option("--config", import_args.config, "Configuration file (okod.toml)")
        ->capture_default_str();
    import_holidays->add_option("--store", import_args.store, "SQLite store to write (instead of the config's)");

    okod::PeopleCli people;
    okod::add_people_command(app, people);

    okod::TokensCli tokens;
    okod::add_tokens_command(app, tokens);

    okod::SurveyCli survey;
    okod::add_survey_commands(app, survey);

    okod::ActivitiesCli activities;
    okod::add_activities_command(app, activities);

    okod::ExecutionPlanCli execution_plan;
    okod::add_execution_plan_command(app, execution_plan);

    // Through okod's HTTP API, from anywhere with a token.
    okod::MunicipalitiesCli municipalities;
    okod::add_municipalities_command(app, municipalities);
    okod::TasksCli tasks;
    okod::add_tasks_command(app, tasks);
    okod::InstancesCli instances;
    okod::add_instances_command(app, instances);
    okod::EventsCli events;
    okod::add_events_command(app, events);

    okod::ReportCli report;
    okod::add_report_command(app, report);

    okod::RetentionCli retention;
    okod::add_retention_command(app, retention);

    return okod::run_cli(app, argc, argv, [&] {
        if (validate->parsed()) return okod::run_validate(files, std::cout, std::cerr);
        if (outbox_retry->parsed()) return okod::run_outbox_retry(retry_args, std::cout, std::cerr);
        if (outbox->parsed()) return okod::run_outbox(outbox_args, std::cout, std::cerr);
        if (store_check->parsed())
            return okod::run_store_check(store_check_args, std::cout, std::cerr);
        if (elections->parsed()) return okod::run_calendar_elections(elections_args, std::cout, std::cerr);
        if (import_holidays->parsed())
            return okod::run_import_school_holidays(import_args, std::cout, std::cerr);
        if (people.parsed()) return people.run(std::cout, std::cerr);
        if (tokens.parsed()) return tokens.run(std::cout, std::cerr);
        if (survey.parsed()) return survey.run(std::cout, std::cerr);
        if (activities.parsed()) return activities.run(std::cout, std::cerr);
        if (execution_plan.parsed()) return execution_plan.run(std::cout, std::cerr);
        if (municipalities.parsed()) return municipalities.run(std::cout, std::cerr);
        if (tasks.parsed()) return tasks.run(std::cout, std::cerr);
        if (instances.parsed()) return instances.run(std::cout, std::cerr);
        if (events.parsed()) return events.run(std::cout, std::cerr);
        if (report.parsed()) return report.run(std::cout, std::cerr);
        if (retention.parsed()) return retention.run(std::cout, std::cerr);
        return 0;
    });
}
