#pragma once
// A store simulated through the real engine: what `okod_bench decade` measures, and what
// `okod_bench routes` serves. Every shipped workflow of each place (a copy of demo
// Maastricht, bench_support.hpp's write_config) from 2022-01-01 for `years` years on the
// virtual clock, every task completed at its deadline, steps due at the same moment
// committed together as the daemon does. Deterministic: a municipality's rows depend
// only on its own config, not on which others share the store.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "engine/simulator.hpp"

namespace okod::bench {

struct SimulatedStore {
    std::size_t municipalities = 0;
    double write_seconds = 0;   // the config files
    double setup_seconds = 0;   // config into the store
    double engine_seconds = 0;  // the simulation itself
    SimulationSummary summary;
    std::int64_t rows = 0;  // rows the simulation wrote
};

// The config and the store (okod.toml, municipalities/, okod.sqlite) in `dir`. `copies`
// > 0: `places` holds one, made that many times in memory (codes EU000001...). nullopt
// when the config or the store cannot be opened (and says why on stderr).
std::optional<SimulatedStore> simulate_store(const fs::path& dir, const std::vector<Place>& places,
                                             int copies, int years);

// The simulation runs from 1 January of this year (local midnight) to 1 January of this
// year + `years`: the moment the store is "now" at when it is done.
constexpr int kFirstSimulatedYear = 2022;

}  // namespace okod::bench
