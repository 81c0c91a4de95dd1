#pragma once
// `okoctl outbox`: what okod has sent, is still trying to send, and gave up on.
#include <filesystem>
#include <iosfwd>
#include <string>

namespace okod {

struct OutboxArgs {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
    std::string status = "all";   // pending | sent | dead | all
    int limit = 50;
    bool json = false;
};

// Prints a table (or one JSON object per line) and a summary line with the counts.
// Returns 0, 1 when the store cannot be opened, 2 for a bad --status.
int run_outbox(const OutboxArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
