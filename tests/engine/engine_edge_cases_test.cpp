// Edge cases found in review: each one a way a user could lose a notice or get a
// burst of stale mail.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/event_kind.hpp"
#include "support/engine_world.hpp"

namespace okod::test {
namespace {

std::vector<OutboxItem> of_kind(const std::vector<OutboxItem>& items, const std::string& kind) {
    std::vector<OutboxItem> out;
    std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                 [&](const OutboxItem& o) { return to_string(o.kind) == kind; });
    return out;
}

class EngineEdgeCases : public EngineWorld {
protected:
    void SetUp() override { give_role("anna", "regisseur", d(2022, 1, 1)); }
};

TEST_F(EngineEdgeCases, a_vacant_role_alerts_the_regisseur_for_every_notice_including_overdue) {
    define(single_task("{ date = 2022-03-22 }", "[14, 0]"));
    add_municipality({"single"});
    run_until(d(2022, 3, 23));
    // Two reminders and the overdue notice: three alerts, none lost to a shared key.
    const auto alerts = of_kind(outbox(), "vacancy");
    ASSERT_EQ(alerts.size(), 3u);
    for (const auto& a : alerts) {
        EXPECT_EQ(a.person_id, "anna");
        EXPECT_EQ(a.role, "ggd-contact");
    }
}

TEST_F(EngineEdgeCases, reminders_that_fall_on_a_weekend_go_out_the_friday_before) {
    give_role("bert", "ggd-contact", d(2022, 1, 1));
    // Due Tuesday 22 March 2022: 2 and 9 days ahead are Sundays.
    define(single_task("{ date = 2022-03-22 }", "[9, 2]"));
    add_municipality({"single"});
    run_until(d(2022, 3, 21));
    std::vector<std::string> when;
    for (const auto& o : of_kind(outbox(), "reminder"))
        when.push_back(format_iso_local(o.created_at));
    EXPECT_EQ(when,
              (std::vector<std::string>{"2022-03-11T09:00:00+01:00", "2022-03-18T09:00:00+01:00"}));
}

TEST_F(EngineEdgeCases, a_task_created_after_its_deadline_is_overdue_without_stale_mail) {
    give_role("bert", "ggd-contact", d(2022, 1, 1));
    define(single_task("{ quarter_end = 1 }", "[14, 0]",
                       "  escalate = { after_days = 7, to = \"regisseur\" }"));
    add_municipality({"single"});
    clock_.advance_to(at_local(d(2022, 6, 1), TimeOfDay{0}));  // okod installed in June
    run_until(d(2022, 7, 1));
    EXPECT_EQ(task("job").status, TaskStatus::overdue);
    EXPECT_TRUE(outbox().empty());
    const auto overdue = events(EventKind::task_overdue);
    ASSERT_EQ(overdue.size(), 1u);
    EXPECT_EQ(overdue[0].note, "deadline had passed when the task was created");
}

TEST_F(EngineEdgeCases, a_task_created_inside_its_reminder_window_gets_one_reminder_at_once) {
    give_role("bert", "ggd-contact", d(2022, 1, 1));
    define(single_task("{ date = 2022-01-05 }", "[14]"));
    add_municipality({"single"});
    run_until(d(2022, 1, 1), 12);
    const auto reminders = of_kind(outbox(), "reminder");
    ASSERT_EQ(reminders.size(), 1u);
    EXPECT_EQ(reminders[0].person_id, "bert");
    EXPECT_EQ(reminders[0].lead_days, 4);
    EXPECT_EQ(format_iso_local(reminders[0].created_at), "2022-01-01T09:00:00+01:00");
}

TEST_F(EngineEdgeCases, a_state_entered_twice_in_one_year_gets_fresh_tasks) {
    give_role("bert", "ggd-contact", d(2022, 1, 1));
    define(R"(
id = "review"
version = 1
initial = "draft"
name = { nl = "Herzien" }
[start]
at = "trajectory_start"
[[states]]
id = "draft"
name = { nl = "Concept" }
  [[states.tasks]]
  id = "write"
  title = { nl = "Schrijven" }
  role = "ggd-contact"
  due = { after = "entered", weeks = 2 }
[[states]]
id = "check"
name = { nl = "Controle" }
[[states]]
id = "adopted"
name = { nl = "Vastgesteld" }
final = true
[[transitions]]
from = "draft"
to = "check"
on = "all_tasks_done"
[[transitions]]
from = "check"
to = "draft"
on = "rejected"
[[transitions]]
from = "check"
to = "adopted"
on = "approved"
)");
    add_municipality({"review"});
    run_until(d(2022, 1, 2));
    engine().complete_task(task("write").id, "bert");
    const InstanceId id = only_instance("review").id;
    ASSERT_TRUE(engine().signal(id, "rejected", "anna").ok);
    std::vector<std::string> keys;
    for (const auto& t : tasks()) keys.push_back(t.key + ":" + std::string(to_string(t.status)));
    EXPECT_EQ(keys, (std::vector<std::string>{"write:done", "write~3:open"}));
}

TEST_F(EngineEdgeCases, a_municipality_date_overrides_the_kieswet_election) {
    give_role("bert", "ggd-contact", d(2022, 1, 1));
    define(single_task("{ before = \"election\", days = 30 }", "[]"));
    add_municipality({"single"});
    municipality_.dates["election"] = d(2022, 11, 23);  // herindeling: November vote
    store_->upsert_municipality(municipality_);
    run_until(d(2022, 1, 2));
    EXPECT_EQ(format_iso_local(*task("job").due), "2022-10-24T17:00:00+02:00");
}

}  // namespace
}  // namespace okod::test

namespace okod::test {
namespace {

class Reschedule : public EngineWorld {};

TEST_F(Reschedule, a_moved_deadline_moves_its_reminders_and_reopens_an_overdue_task) {
    give_role("bert", "ggd-contact", d(2022, 1, 1));
    define(single_task("{ date = 2022-03-01 }", "[7]"));
    add_municipality({"single"});
    run_until(d(2022, 3, 2));
    ASSERT_EQ(task("job").status, TaskStatus::overdue);
    const auto id = task("job").id;

    EXPECT_EQ(
        engine().reschedule_task(id, at_local(d(2022, 3, 1), TimeOfDay{17 * 60}), "anna", "").error,
        "reason: must say why (it is empty or only whitespace)");
    ASSERT_TRUE(engine()
                    .reschedule_task(id, at_local(d(2022, 4, 1), TimeOfDay{17 * 60}), "anna",
                                     "school kon pas in april")
                    .ok);
    EXPECT_EQ(task("job").status, TaskStatus::open);
    run_until(d(2022, 3, 30));
    std::vector<std::string> reminders;
    for (const auto& o : outbox())
        if (o.kind == OutboxKind::reminder) reminders.push_back(format_iso_local(*o.due));
    EXPECT_EQ(reminders,
              (std::vector<std::string>{"2022-03-01T17:00:00+01:00", "2022-04-01T17:00:00+02:00"}));
    const auto moved = events("task_rescheduled");
    ASSERT_EQ(moved.size(), 1u);
    EXPECT_EQ(moved[0].note,
              "deadline van 2022-03-01 17:00 naar 2022-04-01 17:00: school kon pas in april");

    ASSERT_TRUE(engine().complete_task(id, "bert").ok);
    EXPECT_FALSE(
        engine().reschedule_task(id, at_local(d(2022, 5, 1), TimeOfDay{17 * 60}), "anna", "x").ok);
}

}  // namespace
}  // namespace okod::test
