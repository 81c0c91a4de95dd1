#pragma once
// `okoctl municipalities`: the municipalities the token may see, through okod's API.
//   list  code, name, school region, trajectory and workflows
//   show  one municipality: who holds which role today with their FTE, the capacity
//         against the norm, the next council election and the running instances
//
// --json prints okod's JSON (a list one municipality per line). Exit codes:
// daemon/client/exit_codes.hpp.
#include <boost/json/value.hpp>
#include <iosfwd>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

struct MunicipalitiesListArgs {
    ClientOptions client;
    bool json = false;
};

struct MunicipalitiesShowArgs {
    ClientOptions client;
    std::string code;  // CBS code
    bool json = false;
};

int run_municipalities_list(const MunicipalitiesListArgs& args, std::ostream& out,
                            std::ostream& err);
int run_municipalities_show(const MunicipalitiesShowArgs& args, std::ostream& out,
                            std::ostream& err);

// The capacity line of a municipality as okod's API sends it: "1,4 fte (norm 1,5),
// regisseur 0,6 fte (norm 0,6)" with " BELOW NORM", "no FTE recorded", or "" when the
// answer has no capacity.
std::string capacity_text(const boost::json::value& municipality);

}  // namespace okod
