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

#include <algorithm>
#include <chrono>
#include <optional>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "bench_support.hpp"
#include "daemon/runtime.hpp"
#include "engine/simulator.hpp"
#include "modes.hpp"
#include "time/amsterdam.hpp"

namespace okod::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::optional<int> positive(const std::string& text) {
    try {
        std::size_t used = 0;
        const int n = std::stoi(text, &used);
        if (used == text.size() && n > 0) return n;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// `copies` > 0: the config holds one municipality; make that many of it in memory.
void clone_municipalities(Config& config, int copies) {
    const Municipality templ = config.municipalities.at(0);
    const std::vector<Person> people = config.people;
    const std::vector<RoleAssignment> assignments = config.assignments;
    config.municipalities.clear();
    config.people.clear();
    config.assignments.clear();
    for (int n = 1; n <= copies; ++n) {
        Municipality m = templ;
        m.code = fmt::format("EU{:06}", n);
        m.name = fmt::format("Gemeente {}", n);
        config.municipalities.push_back(m);
        for (Person p : people) {
            p.id += "-" + m.code;
            config.people.push_back(p);
        }
        for (RoleAssignment a : assignments) {
            a.municipality = m.code;
            a.person_id += "-" + m.code;
            config.assignments.push_back(a);
        }
    }
    std::sort(config.people.begin(), config.people.end(),
              [](const Person& a, const Person& b) { return a.id < b.id; });
}

int simulate(const std::string& title, const std::vector<Place>& places, int copies, int years,
             const std::string& keep) {
    const auto work = work_dir(title, keep);
    if (!work) return 2;
    const fs::path dir = *work;
    const auto written_started = Clock::now();
    write_config(dir, places);
    const double write_seconds = seconds_since(written_started);

    const auto setup_started = Clock::now();
    auto loaded = load_config(dir / "okod.toml");
    if (!loaded.config) {
        for (const auto& e : loaded.errors) fmt::print(stderr, "{}\n", e.to_string());
        return 1;
    }
    if (copies > 0) clone_municipalities(*loaded.config, copies);
    auto opened = open_runtime(std::move(*loaded.config), dir / "okod.sqlite");
    if (!opened.runtime) {
        for (const auto& e : opened.errors) fmt::print(stderr, "{}\n", e.to_string());
        return 1;
    }
    auto& rt = *opened.runtime;
    const double setup_seconds = seconds_since(setup_started);
    auto* sqlite = dynamic_cast<SqliteStore*>(rt.store.get());
    const std::int64_t rows_before = sqlite->rows_changed();

    SimulationOptions options;
    options.from = at_local(Date{date::year{2022} / 1 / 1}, TimeOfDay{0});
    options.to = at_local(Date{date::year{2022 + years} / 1 / 1}, TimeOfDay{0});
    options.complete_on_time = true;
    VirtualClock clock(options.from);
    Engine engine(*rt.store, rt.definitions, rt.calendar, clock, rt.config.engine);
    const auto started = Clock::now();
    const auto summary =
        run_simulation(engine, *rt.store, clock, rt.config.municipalities, options, {});
    const double seconds = seconds_since(started);
    const std::int64_t rows = sqlite->rows_changed() - rows_before;
    const long rss = peak_rss_kib();

    const double raw = raw_sqlite_seconds(dir / "raw.sqlite", rows, summary.transactions);
    fmt::print("{}: {} municipalities x {} years, every shipped workflow, tasks done on time\n",
               title, rt.config.municipalities.size(), years);
    fmt::print("  config files written           {:8.2f} s\n", write_seconds);
    fmt::print("  setup (config into the store)  {:8.2f} s\n", setup_seconds);
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
    const auto n = positive(count);
    const auto y = positive(years);
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
