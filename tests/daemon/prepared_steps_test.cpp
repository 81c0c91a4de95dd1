// okod prepares the steps due at a moment just before it comes and commits them when it
// does (kPrepareAhead in daemon/run/daemon.cpp). Prepared is not done: nobody may see a
// step's effects (here: the reminder's outbox row) before its moment, and they must be
// there right after it.
#include <gtest/gtest.h>

#include <csignal>
#include <sstream>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/daemon_world.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

// An open task of Maastricht's regisseur, due in 30 days, whose 14-day reminder falls
// due at `at`.
TaskId seed_reminder(Store& store, Instant at) {
    Instance i;
    i.municipality = "GM0935";
    i.definition_id = "drill";
    i.definition_version = 1;
    i.key = "prepared";
    i.state = "open";
    i.started_at = at;
    const InstanceId instance = store.insert_instance(i);
    Task t;
    t.instance_id = instance;
    t.municipality = "GM0935";
    t.workflow = "drill";
    t.spec_id = "prepared";
    t.key = "prepared";
    t.state = "open";
    t.title = Text{"Voorbereid", "Prepared"};
    t.role = "regisseur";
    t.due = at + std::chrono::days{30};
    t.status = TaskStatus::open;
    t.remind_days = {14};
    t.created_at = at;
    t.id = store.insert_task(t);
    Timer r;
    r.due = at;
    r.kind = TimerKind::reminder;
    r.municipality = "GM0935";
    r.task_id = t.id;
    r.lead_days = 14;
    r.key = "prepared-reminder";
    store.add_timer(r);
    return t.id;
}

// The real moment okod's clock shows `t`, from the anchor okod keeps in the store.
std::chrono::system_clock::time_point real_moment(Store& store, Instant t) {
    std::istringstream kept(store.meta("accelerated_clock").value_or(""));
    std::int64_t virtual_start = 0, anchor_us = 0;
    double speed = 0;
    kept >> virtual_start >> speed >> anchor_us;
    EXPECT_GT(speed, 0) << "okod kept no clock anchor";
    const double offset_s =
        static_cast<double>(t.time_since_epoch().count() - virtual_start) / speed;
    return std::chrono::system_clock::time_point{std::chrono::microseconds{anchor_us}} +
           std::chrono::microseconds{static_cast<std::int64_t>(offset_s * 1e6)};
}

TEST(PreparedSteps, a_reminder_prepared_ahead_is_seen_only_from_its_moment_on) {
    DaemonWorld world(0);
    const Instant moment = parse_instant(DaemonWorld::kClockStart).value() + 3s;
    TaskId task = 0;
    {
        auto store = SqliteStore::open(world.store());
        task = seed_reminder(*store, moment);
    }
    auto okod = world.start_okod(1.0);  // the clock at the speed of the wall clock
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();

    auto store = SqliteStore::open(world.store());
    auto reminded = [&] {
        for (const auto& o : store->outbox_by_status(std::nullopt, 1000))
            if (o.task_id == task) return true;
        return false;
    };
    ASSERT_TRUE(wait_until(reminded, 10s)) << world.log_text();
    const auto seen = std::chrono::system_clock::now();
    const auto due = real_moment(*store, moment);
    // Polled every few ms: seen a little after the commit, never before the moment.
    EXPECT_GE(seen, due) << "seen " << std::chrono::duration<double, std::milli>(due - seen).count()
                         << " ms before its moment";
    EXPECT_LT(seen - due, 2s);
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(10s), 0) << world.log_text();
}

}  // namespace
}  // namespace okod::test
