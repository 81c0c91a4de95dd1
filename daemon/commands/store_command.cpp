#include "daemon/commands/store_command.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ostream>

#include "adapters/sqlite/integrity_check.hpp"
#include "daemon/commands/existing_store.hpp"

namespace okod {

int run_store_check(const StoreCheckArgs& args, std::ostream& out, std::ostream& err) {
    const auto path = existing_store_path(args.config, args.store, "store check", err);
    if (!path) return 1;
    const auto started = std::chrono::steady_clock::now();
    const auto report =
        check_store_integrity(*path, args.quick ? IntegrityDepth::quick : IntegrityDepth::full);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    const char* check = args.quick ? "quick_check" : "integrity_check";
    if (report.ok()) {
        out << fmt::format("ok: {} passed SQLite's {} ({:.1f} s)\n", path->string(), check,
                           took.count());
        return 0;
    }
    for (const auto& problem : report.problems)
        out << fmt::format("{}: {}\n", path->string(), problem);
    err << fmt::format("okoctl store check: {} is damaged ({} found {} problem{}). {}\n",
                       path->string(), check, report.problems.size(),
                       report.problems.size() == 1 ? "" : "s", damaged_store_advice(*path));
    return 1;
}

}  // namespace okod
