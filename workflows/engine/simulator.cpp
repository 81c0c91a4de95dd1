#include "engine/simulator.hpp"

#include <algorithm>

namespace okod {
namespace {

constexpr int kEventPage = 1000;
// At most this many steps share one transaction (the daemon's batch size).
constexpr int kStepsPerGroup = 256;

// Passes on every event after `seq`, counts them, and returns the last seq. Without a
// sink they are only counted: reading the log back was a twentieth of a benchmark run.
std::int64_t drain(EventLog& store, std::int64_t seq, const std::function<void(const Event&)>& sink,
                   std::int64_t& count) {
    if (!sink) {
        count += store.count_events_after(seq);
        return store.last_event_seq();
    }
    for (;;) {
        auto page = store.events_after(seq, kEventPage);
        for (const auto& e : page) {
            if (sink) sink(e);
            ++count;
            seq = e.seq;
        }
        if (page.size() < static_cast<std::size_t>(kEventPage)) return seq;
    }
}

}  // namespace

SimulationSummary run_simulation(Engine& engine, Store& store, VirtualClock& clock,
                                 const std::vector<Municipality>& municipalities,
                                 const SimulationOptions& options,
                                 const std::function<void(const Event&)>& on_event) {
    SimulationSummary summary;
    std::int64_t seq = store.last_event_seq();  // a reused store has history

    clock.advance_to(options.from);
    const auto plans_per_group = static_cast<std::size_t>(kStepsPerGroup);
    for (std::size_t first = 0; first < municipalities.size(); first += plans_per_group) {
        auto group = store.begin();  // planning commits in groups too
        const std::size_t end = std::min(municipalities.size(), first + plans_per_group);
        for (std::size_t n = first; n < end; ++n) engine.plan(municipalities[n]);
        group->commit();
    }
    seq = drain(store, seq, on_event, summary.events);

    while (summary.steps < options.max_steps) {
        auto next = store.next_timer();
        if (!next || next->due > options.to) break;
        clock.advance_to(next->due);
        // Everything due at this moment commits together, as the daemon's catch-up does.
        auto group = store.begin();
        for (int in_group = 0; in_group < kStepsPerGroup && summary.steps < options.max_steps;
             ++in_group) {
            if (in_group > 0) {
                next = store.next_timer();
                if (!next || next->due > clock.now()) break;
            }
            // A completion is a user's command, with its own savepoint as through the
            // API; a timer step is one of the engine's group (a throw ends the run).
            if (options.complete_on_time && next->kind == TimerKind::task_due) {
                engine.complete_task(next->task_id, options.completed_by);
            } else {
                engine.step_in_group();
            }
            ++summary.steps;
        }
        group->commit();
        ++summary.transactions;
        seq = drain(store, seq, on_event, summary.events);
    }
    summary.hit_step_limit = summary.steps >= options.max_steps;
    return summary;
}

}  // namespace okod
