#include "simulated_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"
#include "time/amsterdam.hpp"

namespace okod::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
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

}  // namespace

std::optional<SimulatedStore> simulate_store(const fs::path& dir, const std::vector<Place>& places,
                                             int copies, int years) {
    SimulatedStore out;
    const auto written_started = Clock::now();
    write_config(dir, places);
    out.write_seconds = seconds_since(written_started);

    const auto setup_started = Clock::now();
    auto loaded = load_config(dir / "okod.toml");
    if (!loaded.config) {
        for (const auto& e : loaded.errors) fmt::print(stderr, "{}\n", e.to_string());
        return std::nullopt;
    }
    if (copies > 0) clone_municipalities(*loaded.config, copies);
    auto opened = open_runtime(std::move(*loaded.config), dir / "okod.sqlite");
    if (!opened.runtime) {
        for (const auto& e : opened.errors) fmt::print(stderr, "{}\n", e.to_string());
        return std::nullopt;
    }
    auto& rt = *opened.runtime;
    out.setup_seconds = seconds_since(setup_started);
    out.municipalities = rt.config.municipalities.size();
    auto* sqlite = dynamic_cast<SqliteStore*>(rt.store.get());
    const std::int64_t rows_before = sqlite->rows_changed();

    SimulationOptions options;
    options.from = at_local(Date{date::year{kFirstSimulatedYear} / 1 / 1}, TimeOfDay{0});
    options.to = at_local(Date{date::year{kFirstSimulatedYear + years} / 1 / 1}, TimeOfDay{0});
    options.complete_on_time = true;
    VirtualClock clock(options.from);
    Engine engine(*rt.store, rt.definitions, rt.calendar, clock, rt.config.engine);
    const auto started = Clock::now();
    out.summary = run_simulation(engine, *rt.store, clock, rt.config.municipalities, options, {});
    out.engine_seconds = seconds_since(started);
    out.rows = sqlite->rows_changed() - rows_before;
    return out;
}

}  // namespace okod::bench
