#pragma once
// The shipped definitions and the demo Maastricht municipality on a virtual clock,
// in process: a copy of the demo config tree (so a test can change the municipality
// file), the real runtime and a real SQLite store in memory. For tests of the shipped
// workflows (turnover, elections, success conditions) that need to act mid-way.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {

class DemoWorld : public ::testing::Test {
protected:
    DemoWorld();

    // Changes the Maastricht file before start() (text replace; fails if absent).
    void edit_maastricht(const std::string& from, const std::string& to);
    // Loads the config, opens the runtime (on `store`, in memory by default) and plans
    // GM0935 at `at`.
    void start(Instant at, const std::filesystem::path& store = ":memory:");
    // The turnover tests' world: start() on 1 January 2022 with the survey's field window
    // closing 30 September (so the GGD's feedback task is open in October), and Noor
    // Bakker, a GGD colleague with no role yet, who can follow the GGD contact.
    void start_turnover_world();
    Engine& engine() { return *engine_; }
    Store& store() { return *runtime_->store; }

    // Runs every timer due up to `t`. With `complete_on_time`, open tasks are marked
    // done at their deadline, as a healthy programme would.
    void run_until(Instant t, bool complete_on_time = false);

    std::vector<Task> tasks(const std::string& workflow);
    // The one task of `workflow` with this key; fails the test when there is none.
    Task task(const std::string& workflow, const std::string& key);
    std::vector<Instance> instances(const std::string& workflow);
    std::vector<Event> events(const std::string& kind);
    std::vector<Event> events(EventKind kind) { return events(std::string(to_string(kind))); }
    // Outbox rows about one task, in order.
    std::vector<OutboxItem> mail_for(TaskId task);
    std::vector<OutboxItem> outbox();

    TempDir dir_;
    std::unique_ptr<Runtime> runtime_;
    std::unique_ptr<VirtualClock> clock_;
    std::unique_ptr<Engine> engine_;
};

inline Date day(int y, unsigned m, unsigned d) {
    return Date{date::year{y}, date::month{m}, date::day{d}};
}
inline Instant at(int y, unsigned m, unsigned d, int hour = 9) {
    return at_local(day(y, m, d), TimeOfDay{hour * 60});
}

}  // namespace okod::test
