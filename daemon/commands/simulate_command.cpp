#include "daemon/commands/simulate_command.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <ostream>

#include "adapters/output/timeline.hpp"
#include "daemon/runtime.hpp"
#include "engine/simulator.hpp"
#include "time/amsterdam.hpp"

namespace okod {

namespace fs = std::filesystem;

int run_simulate(const SimulateArgs& args, std::ostream& out, std::ostream& err) {
    const auto from = parse_date(args.from);
    const auto to = parse_date(args.to);
    const auto language = parse_language(args.language);
    if (!from) {
        err << fmt::format("okod simulate: --from '{}' is not a date (YYYY-MM-DD)\n", args.from);
        return 2;
    }
    if (!to) {
        err << fmt::format("okod simulate: --to '{}' is not a date (YYYY-MM-DD)\n", args.to);
        return 2;
    }
    if (date::sys_days{*to} < date::sys_days{*from}) {
        err << fmt::format("okod simulate: --to {} is before --from {}\n", args.to, args.from);
        return 2;
    }
    if (!language) {
        err << fmt::format("okod simulate: --lang must be nl or en, not '{}'\n", args.language);
        return 2;
    }

    auto loaded = load_config(args.config);
    if (!loaded.config) {
        for (const auto& e : loaded.errors) err << e.to_string() << '\n';
        return 1;
    }
    std::vector<Municipality> chosen;
    for (const auto& code : args.municipalities) {
        auto it =
            std::find_if(loaded.config->municipalities.begin(), loaded.config->municipalities.end(),
                         [&](const Municipality& m) { return m.code == code; });
        if (it == loaded.config->municipalities.end()) {
            std::vector<std::string> known;
            for (const auto& m : loaded.config->municipalities) known.push_back(m.code);
            err << fmt::format(
                "okod simulate: --municipality {} is not configured in {} (configured: {})\n", code,
                args.config.string(), fmt::join(known, ", "));
            return 2;
        }
        chosen.push_back(*it);
    }
    if (args.municipalities.empty()) chosen = loaded.config->municipalities;

    // By default a simulation gets its own file beside the live store, made afresh each
    // run so the same input prints the same timeline; it never touches the live store.
    fs::path store_path = args.store;
    if (store_path.empty()) {
        store_path = loaded.config->store_path.parent_path() / "simulation.sqlite";
        if (store_path == loaded.config->store_path) {
            err << "okod simulate: the configured store is itself named simulation.sqlite; "
                   "pass --store\n";
            return 2;
        }
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(store_path.string() + suffix, ec);
    }
    auto opened = open_runtime(std::move(*loaded.config), store_path);
    if (!opened.runtime) {
        for (const auto& e : opened.errors) err << e.to_string() << '\n';
        return 1;
    }
    Runtime& rt = *opened.runtime;

    SimulationOptions options;
    options.from = at_local(*from, TimeOfDay{0});
    options.to = at_local(add_days(*to, 1), TimeOfDay{0}) - std::chrono::seconds{1};
    options.complete_on_time = args.complete_on_time;
    VirtualClock clock(options.from);
    Engine engine(*rt.store, rt.definitions, rt.calendar, clock, rt.config.engine);
    const TimelineNames names(rt.definitions, rt.config.municipalities, rt.config.people);

    const auto summary =
        run_simulation(engine, *rt.store, clock, chosen, options, [&](const Event& e) {
            out << (args.json ? format_event_json(e, names)
                              : format_event_line(e, names, *language))
                << '\n';
        });
    if (summary.hit_step_limit) {
        err << fmt::format(
            "okod simulate: stopped after {} steps; a definition keeps scheduling "
            "work without end\n",
            summary.steps);
        return 1;
    }
    return 0;
}

}  // namespace okod
