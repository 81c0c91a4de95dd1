#pragma once
// The command line of `okoctl report process|annual`. Include from okoctl_main.cpp only (CLI11
// is a heavy header).
#include <CLI/CLI.hpp>
#include <ostream>

#include "daemon/client/client_cli.hpp"
#include "daemon/commands/report_command.hpp"

namespace okod {

struct ReportCli {
    CLI::App* process = nullptr;
    CLI::App* annual = nullptr;
    ReportProcessArgs process_args;
    ReportAnnualArgs annual_args;

    bool parsed() const { return process->parsed() || annual->parsed(); }
    int run(std::ostream& out, std::ostream& err) const {
        if (annual->parsed()) return run_report_annual(annual_args, out, err);
        return run_report_process(process_args, out, err);
    }
};

inline void add_report_command(CLI::App& app, ReportCli& cli) {
    auto* report = app.add_subcommand(
        "report", "Reports for the regisseur and the council, through okod's API");
    report->require_subcommand(1);
    cli.process = report->add_subcommand(
        "process",
        "The process monitor: each step of the trajectory done on time, late, open or overdue, "
        "with its dates");
    auto& a = cli.process_args;
    cli.process->add_option("--municipality", a.municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.process->add_option("--workflow", a.workflow,
                            "Workflow id (default: implementation-trajectory), e.g. oko-cycle");
    cli.process->add_option("--lang", a.lang, "nl (default) or en")
        ->check(CLI::IsMember({"nl", "en"}));
    cli.process->add_flag("--json", a.json, "okod's JSON");
    client_cli::api_options(cli.process, a.client);

    cli.annual = report->add_subcommand(
        "annual",
        "The yearly report to college and council: print-ready HTML (A4), Markdown, its tables as "
        "CSV, "
        "or PDF (printed here with chromium, weasyprint or wkhtmltopdf); Dutch by default");
    auto& y = cli.annual_args;
    cli.annual->add_option("--municipality", y.municipality, "CBS code, e.g. GM0935")
        ->required()
        ->check(cli_validators::cbs_code());
    cli.annual->add_option("--year", y.year, "The year reported on (default: okod's current year)")
        ->check(CLI::Range(2000, 2200));
    cli.annual
        ->add_option("--format", y.format,
                     "html (default), md, csv (for a spreadsheet) or pdf (needs -o)")
        ->check(CLI::IsMember({"html", "md", "csv", "pdf"}));
    cli.annual->add_option("--lang", y.lang, "nl or en (default: the municipality's language)")
        ->check(CLI::IsMember({"nl", "en"}));
    cli.annual->add_option("--output,-o", y.output, "Write to this file instead of stdout");
    client_cli::api_options(cli.annual, y.client);
}

}  // namespace okod
