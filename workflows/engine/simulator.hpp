#pragma once
// Drives the engine through a period on a virtual clock, jumping from one due timer to
// the next: years of cycles take seconds. The same engine and store code as the daemon.
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/engine.hpp"

namespace okod {

struct SimulationOptions {
    Instant from{};
    Instant to{};                   // timers due after this are left alone
    bool complete_on_time = false;  // mark each task done at its deadline
    std::string completed_by = "simulatie";
    std::int64_t max_steps = 50'000'000;  // a bound, so a broken definition cannot spin forever
};

struct SimulationSummary {
    std::int64_t steps = 0;
    std::int64_t transactions = 0;  // groups of steps due at the same moment (group commit)
    std::int64_t events = 0;
    bool hit_step_limit = false;
};

// Plans the municipalities, then runs every timer due up to `to`, calling `on_event`
// for each event-log line written during the run, in order.
SimulationSummary run_simulation(Engine& engine, Store& store, VirtualClock& clock,
                                 const std::vector<Municipality>& municipalities,
                                 const SimulationOptions& options,
                                 const std::function<void(const Event&)>& on_event);

}  // namespace okod
