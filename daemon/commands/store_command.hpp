#pragma once
// `okoctl store check`: is okod's store sound? SQLite's integrity_check (or the quicker
// quick_check okod runs at every start) on the file, beside a running okod (it only
// reads). Prints "ok" or each problem and what to do about it.
#include <filesystem>
#include <iosfwd>

namespace okod {

struct StoreCheckArgs {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
    bool quick = false;           // quick_check instead of integrity_check
};

// 0 when the store is sound, 1 when it is damaged or cannot be found.
int run_store_check(const StoreCheckArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
