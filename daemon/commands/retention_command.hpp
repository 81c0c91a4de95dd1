#pragma once
// `okoctl retention`: applies [privacy] mail_retention_months now, on okod's store on its
// server (okod itself does so at start, at each reload and once a day). Prints what it
// cleared. Exit codes: 0 done (also when nothing was due); 1 the config does not load or
// there is no store; 2 a bad --at.
#include <filesystem>
#include <iosfwd>
#include <string>

namespace okod {

struct RetentionArgs {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
    std::string at;               // ISO instant for "now"; empty: okod's clock
};

int run_retention(const RetentionArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
