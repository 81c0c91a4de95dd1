#pragma once
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

}  // namespace okod
