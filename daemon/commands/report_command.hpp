#pragma once
// `okoctl report annual`: the yearly report to college and council as print-ready HTML,
// Markdown or CSV (GET /api/v1/municipalities/{code}/reports/annual), to stdout or a
// file; or as PDF, printed on this machine from okod's HTML by a converter from Debian
// (adapters/report/pdf_printer.hpp), to a file.
//
// `okoctl report process`: the process monitor of a municipality's trajectory, through
// okod's API (GET /api/v1/municipalities/{code}/process): per step of the workflow, in
// the order the steps fell due, whether it was done on time, late (and by how many
// days), is open, or is open past its deadline. Dutch by default, --lang en.
#include <iosfwd>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

struct ReportProcessArgs {
    ClientOptions client;
    std::string municipality;  // CBS code
    std::string workflow;      // empty: the implementation trajectory
    std::string lang = "nl";
    bool json = false;
};

int run_report_process(const ReportProcessArgs& args, std::ostream& out, std::ostream& err);

struct ReportAnnualArgs {
    ClientOptions client;
    std::string municipality;
    int year = 0;                 // 0: okod's current year
    std::string format = "html";  // html | md | csv | pdf
    std::string lang;             // empty: the municipality's language
    std::string output;           // file; empty: stdout
};

int run_report_annual(const ReportAnnualArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
