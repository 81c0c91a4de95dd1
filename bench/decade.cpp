// decade: the real Dutch municipalities (the first N, all 342 by default), each running
// every shipped workflow, simulated for Y years (10) on the virtual clock through the
// real engine and the real SQLite store on disk (WAL, synchronous=FULL as in
// production), every task completed at its deadline; the steps due at the same moment
// commit together (group commit, up to 256), as the daemon does. Then, in the same run, the limit:
// raw SQLite through the plain C API writing the same number of rows in the same number
// of transactions with the same pragmas.
//
// europe: the same with N synthetic municipalities (100,000) for Y years (1). Dutch
// codes stop at GM9999, so these are made in memory from one loaded municipality
// (codes EU000001...), with their own people, rather than from files the config loader
// would refuse.
#include <fmt/format.h>

#include <optional>

#include "bench_support.hpp"
#include "modes.hpp"
#include "simulated_store.hpp"

namespace okod::bench {
namespace {

int simulate(const std::string& title, const std::vector<Place>& places, int copies, int years,
             const std::string& keep) {
    const auto work = work_dir(title, keep);
    if (!work) return 2;
    const fs::path dir = *work;
    const auto store = simulate_store(dir, places, copies, years);
    if (!store) return 1;
    const auto& summary = store->summary;
    const double seconds = store->engine_seconds;
    const std::int64_t rows = store->rows;
    const long rss = peak_rss_kib();

    const double raw = raw_sqlite_seconds(dir / "raw.sqlite", rows, summary.transactions);
    fmt::print("{}: {} municipalities x {} years, every shipped workflow, tasks done on time\n",
               title, store->municipalities, years);
    fmt::print("  config files written           {:8.2f} s\n", store->write_seconds);
    fmt::print("  setup (config into the store)  {:8.2f} s\n", store->setup_seconds);
    fmt::print("  engine wall time               {:8.2f} s\n", seconds);
    fmt::print("  engine steps                   {:8}   ({:.0f} steps/s)\n", summary.steps,
               static_cast<double>(summary.steps) / seconds);
    fmt::print("  transactions (group commits)   {:8}   ({:.1f} steps each)\n",
               summary.transactions,
               static_cast<double>(summary.steps) / static_cast<double>(summary.transactions));
    fmt::print("  events logged                  {:8}\n", summary.events);
    fmt::print("  rows written                   {:8}   ({:.0f} rows/s)\n", rows,
               static_cast<double>(rows) / seconds);
    fmt::print("  peak RSS                       {:8.1f} MiB\n", static_cast<double>(rss) / 1024.0);
    fmt::print("  raw SQLite, same rows and transactions: {:.2f} s\n", raw);
    fmt::print("  ratio engine/raw               {:8.2f}\n", seconds / raw);
    if (summary.hit_step_limit) fmt::print("  (stopped at the step limit)\n");
    if (keep.empty()) fs::remove_all(dir);
    return 0;
}

int run(const std::vector<std::string>& args, bool synthetic, const char* default_count,
        const char* default_years) {
    std::string count = default_count, years = default_years, keep;
    if (!parse_options(args,
                       {{"--municipalities", &count}, {"--years", &years}, {"--keep", &keep}}))
        return 2;
    const auto n = positive_int(count);
    const auto y = positive_int(years);
    if (!n || !y) {
        fmt::print(stderr,
                   "okod_bench {}: --municipalities and --years must be positive whole numbers\n",
                   args[0]);
        return 2;
    }
    if (synthetic) return simulate(args[0], real_places(1), *n, *y, keep);
    return simulate(args[0], real_places(*n), 0, *y, keep);
}

}  // namespace

int decade(const std::vector<std::string>& args) { return run(args, false, "342", "10"); }
int europe(const std::vector<std::string>& args) { return run(args, true, "100000", "1"); }

}  // namespace okod::bench
