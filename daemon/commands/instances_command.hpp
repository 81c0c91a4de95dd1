#pragma once
// `okoctl instances`: the workflows okod runs for a municipality, through its API.
//   list    every instance of a municipality: workflow, state, started, finished
//   show    one instance with its history from the event log
//   signal  deliver an event the workflow waits for, e.g. college_installed
//
// --json prints okod's JSON (a list one instance per line). Exit codes:
// daemon/client/exit_codes.hpp.
#include <cstdint>
#include <iosfwd>
#include <string>

#include "daemon/client/client_options.hpp"

namespace okod {

struct InstancesListArgs {
    ClientOptions client;
    std::string municipality;  // empty: the token's only one
    bool json = false;
};

struct InstanceArgs {
    ClientOptions client;
    std::int64_t id = 0;
    bool json = false;
};

struct InstancesSignalArgs {
    InstanceArgs instance;
    std::string event;
};

int run_instances_list(const InstancesListArgs& args, std::ostream& out, std::ostream& err);
int run_instances_show(const InstanceArgs& args, std::ostream& out, std::ostream& err);
// Prints the instance afterwards.
int run_instances_signal(const InstancesSignalArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
