#pragma once
// `okod simulate`: runs the engine over a period on a virtual clock and prints the
// timeline. Same input, same output, byte for byte.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace okod {

struct SimulateArgs {
    std::filesystem::path config;
    std::string from;                         // YYYY-MM-DD, local midnight
    std::string to;                           // YYYY-MM-DD, inclusive
    std::vector<std::string> municipalities;  // empty: all configured
    std::filesystem::path store;              // empty: <store dir>/simulation.sqlite, made afresh;
                                              // given: used as is, so a run can continue one
    std::string language = "nl";
    bool json = false;
    bool complete_on_time = false;
};

// Returns the process exit code: 0 ok, 2 bad arguments, 1 bad config or failure.
int run_simulate(const SimulateArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
