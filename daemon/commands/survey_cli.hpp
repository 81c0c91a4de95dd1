#pragma once
// The command line of `okoctl import survey FILE` and `okoctl survey list`. Include from
// okoctl_main.cpp only (CLI11 is a heavy header). `import` is the parent for imports of
// outside data into the store; survey results are its first kind.
#include <CLI/CLI.hpp>
#include <ostream>

#include "adapters/config/config.hpp"
#include "daemon/client/client_cli.hpp"
#include "daemon/commands/store_cli.hpp"
#include "daemon/commands/survey_command.hpp"

namespace okod {

struct SurveyCli {
    CLI::App* import_survey = nullptr;
    CLI::App* list = nullptr;
    ImportSurveyArgs import_args;
    SurveyListArgs list_args;

    bool parsed() const { return import_survey->parsed() || list->parsed(); }
    int run(std::ostream& out, std::ostream& err) const {
        if (import_survey->parsed()) return run_import_survey(import_args, out, err);
        return run_survey_list(list_args, out, err);
    }
};

namespace survey_cli {

inline void common_options(CLI::App* sub, SurveyCommon& common) {
    store_cli::store_options(sub, common.config, common.store);
}

}  // namespace survey_cli

inline void add_survey_commands(CLI::App& app, SurveyCli& cli) {
    auto* import = app.add_subcommand("import", "Import outside data into okod's store");
    import->require_subcommand(1);
    cli.import_survey = import->add_subcommand(
        "survey",
        "Survey results (CSV: gemeente;indicator;populatie;jaar;waarde, see docs/survey-csv.md) "
        "into the store; all or nothing, a value already stored for the same key is replaced");
    cli.import_survey->add_option("file", cli.import_args.file, "CSV file (';' or ',' separated)")
        ->required();
    cli.import_survey
        ->add_option("--lang", cli.import_args.lang, "Language of the problems: nl (default) or en")
        ->check(CLI::IsMember({"nl", "en"}));
    survey_cli::common_options(cli.import_survey, cli.import_args.common);

    auto* survey = app.add_subcommand("survey", "Survey results in okod's store");
    survey->require_subcommand(1);
    cli.list = survey->add_subcommand(
        "list", "A municipality's stored values: indicator, population, year, value");
    cli.list->add_option("--municipality", cli.list_args.municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.list->add_flag("--json", cli.list_args.json,
                       "One JSON object per line: {municipality, indicator, population, year, "
                       "value, source, imported_at}");
    survey_cli::common_options(cli.list, cli.list_args.common);
}

}  // namespace okod
