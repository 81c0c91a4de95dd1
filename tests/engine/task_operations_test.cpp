// The regisseur's corrections to tasks (issue 19), at the engine: undoing a completion
// within its step (and not after it), a deadline moved into the past refused, and a
// late-joining municipality's history skipped at once, in one transaction.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "adapters/sqlite/sqlite_db.hpp"
#include "model/event_kind.hpp"
#include "support/engine_world.hpp"

namespace okod::test {
namespace {

// "job" (ggd-contact, due 1 March, reminded 7 days ahead) and "other" (regisseur, due 10
// March) in one state: the instance moves on when both are done.
std::string two_tasks() {
    return single_task("{ date = 2022-03-01 }", "[7]", R"(
  [[states.tasks]]
  id = "other"
  title = { nl = "Andere klus" }
  role = "regisseur"
  due = { date = 2022-03-10 }
  remind_days = [2]
)");
}

Instant at(Date day, int hour) { return at_local(day, TimeOfDay{hour * 60}); }

class TaskOperations : public EngineWorld {
protected:
    void SetUp() override {
        give_role("bert", "ggd-contact", d(2022, 1, 1));
        give_role("anna", "regisseur", d(2022, 1, 1));
    }
    int reminders_for(TaskId id) {
        int n = 0;
        for (const auto& o : outbox())
            if (o.task_id == id && o.kind == OutboxKind::reminder) ++n;
        return n;
    }
};

TEST_F(TaskOperations, a_completion_is_undone_while_the_step_waits_for_another_task) {
    define(two_tasks());
    add_municipality({"single"});
    run_until(d(2022, 2, 1));
    const TaskId id = task("job").id;
    ASSERT_TRUE(engine().complete_task(id, "bert", "gedaan").ok);
    ASSERT_TRUE(only_instance("single").marks.contains("job.done"));

    const auto r = engine().reopen_task(id, "anna", "per ongeluk afgevinkt");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(task("job").status, TaskStatus::open);
    EXPECT_FALSE(task("job").closed_at.has_value());
    EXPECT_EQ(task("job").closed_by, "");
    // The instance no longer counts it as done, and it waits for it again.
    EXPECT_FALSE(only_instance("single").marks.contains("job.done"));
    const auto reopened = events(EventKind::task_reopened);
    ASSERT_EQ(reopened.size(), 1u);
    EXPECT_EQ(reopened[0].person, "anna");
    EXPECT_EQ(reopened[0].note, "per ongeluk afgevinkt");
    EXPECT_EQ(reopened[0].task, "job");
    // Its reminder is armed again: bert hears of it a week ahead, as for any open task.
    run_until(d(2022, 2, 23));
    EXPECT_EQ(reminders_for(id), 1);
    // And the step still needs both: completing the other does not move it on.
    ASSERT_TRUE(engine().complete_task(task("other").id, "anna").ok);
    EXPECT_EQ(only_instance("single").state, "open");
    ASSERT_TRUE(engine().complete_task(id, "bert").ok);
    EXPECT_EQ(only_instance("single").state, "closed");
}

TEST_F(TaskOperations, an_undone_task_past_its_deadline_is_overdue_again) {
    define(two_tasks());
    add_municipality({"single"});
    run_until(d(2022, 3, 5));
    const TaskId id = task("job").id;
    ASSERT_TRUE(engine().complete_task(id, "bert").ok);
    ASSERT_TRUE(engine().reopen_task(id, "anna").ok);
    EXPECT_EQ(task("job").status, TaskStatus::overdue);
}

TEST_F(TaskOperations, undo_is_refused_once_the_completion_moved_the_step_on) {
    define(single_task("{ date = 2022-03-01 }", "[7]"));
    add_municipality({"single"});
    run_until(d(2022, 2, 1));
    const TaskId id = task("job").id;
    ASSERT_TRUE(engine().complete_task(id, "bert").ok);
    ASSERT_EQ(only_instance("single").state, "closed");  // its only task: the step moved on

    const auto r = engine().reopen_task(id, "anna", "toch niet");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.refusal, Refusal::conflict);
    EXPECT_NE(r.error.find("has moved on"), std::string::npos) << r.error;
    EXPECT_EQ(task("job").status, TaskStatus::done);
    EXPECT_TRUE(events(EventKind::task_reopened).empty());
}

TEST_F(TaskOperations, only_a_completed_task_can_be_undone) {
    define(two_tasks());
    add_municipality({"single"});
    run_until(d(2022, 2, 1));
    const auto open = engine().reopen_task(task("job").id, "anna");
    EXPECT_EQ(open.refusal, Refusal::conflict);
    EXPECT_NE(open.error.find("not done"), std::string::npos) << open.error;
    ASSERT_TRUE(engine().skip_task(task("other").id, "anna", "niet nodig").ok);
    EXPECT_FALSE(engine().reopen_task(task("other").id, "anna").ok);
    EXPECT_EQ(engine().reopen_task(999, "anna").refusal, Refusal::not_found);
}

TEST_F(TaskOperations, a_deadline_before_today_is_refused_and_today_is_not) {
    define(two_tasks());
    add_municipality({"single"});
    run_until(at(d(2022, 2, 1), 12));
    const TaskId id = task("job").id;
    const auto past = engine().reschedule_task(id, at(d(2022, 1, 31), 17), "anna", "te laat");
    EXPECT_FALSE(past.ok);
    EXPECT_EQ(past.error,
              "the new deadline 2022-01-31 is in the past: it must be today (2022-02-01) or later");
    EXPECT_EQ(format_iso_local(*task("job").due), "2022-03-01T17:00:00+01:00");
    // Today, even at an hour gone by: the regisseur means "by the end of today".
    EXPECT_TRUE(engine().reschedule_task(id, at(d(2022, 2, 1), 9), "anna", "vandaag").ok);
}

std::vector<std::string> seen;
void remember(std::string_view sql) { seen.emplace_back(sql); }

TEST_F(TaskOperations, a_bulk_skip_closes_only_open_tasks_due_before_the_day_in_one_transaction) {
    define(two_tasks());
    define(single_task("{ date = 2022-04-01 }", "[]", "", "later"));
    add_municipality({"single", "later"});
    run_until(d(2022, 3, 2));
    ASSERT_EQ(task("job").status, TaskStatus::overdue);
    ASSERT_TRUE(engine().complete_task(task("other").id, "anna").ok);
    const Instant before = at_local(d(2022, 3, 20), TimeOfDay{0});
    const std::string reason = "al gedaan voordat okod in gebruik was";

    const auto dry = engine().skip_open_tasks("GM0935", before, "anna", reason, true);
    ASSERT_TRUE(dry.ok) << dry.error;
    ASSERT_EQ(dry.tasks.size(), 1u);
    EXPECT_EQ(dry.tasks[0].key, "job");
    EXPECT_EQ(task("job").status, TaskStatus::overdue);  // a dry run changes nothing
    EXPECT_TRUE(events(EventKind::task_skipped).empty());

    seen.clear();
    observe_statements(remember);
    const auto done = engine().skip_open_tasks("GM0935", before, "anna", reason, false);
    observe_statements(nullptr);
    ASSERT_TRUE(done.ok) << done.error;
    ASSERT_EQ(done.tasks.size(), 1u);
    EXPECT_EQ(done.tasks[0].status, TaskStatus::skipped);
    EXPECT_EQ(std::count(seen.begin(), seen.end(), "BEGIN IMMEDIATE"), 1);
    EXPECT_EQ(std::count(seen.begin(), seen.end(), "COMMIT"), 1);

    EXPECT_EQ(task("job").status, TaskStatus::skipped);
    EXPECT_EQ(task("other").status, TaskStatus::done);  // done stays done
    for (const auto& t : tasks()) {
        if (t.workflow == "later") {
            EXPECT_EQ(t.status, TaskStatus::open);  // due after the day
        }
    }
    const auto skipped = events(EventKind::task_skipped);
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped[0].note, reason);
    EXPECT_EQ(skipped[0].person, "anna");
    EXPECT_EQ(only_instance("single").state, "closed");  // its last open task went

    EXPECT_FALSE(engine().skip_open_tasks("GM0935", before, "anna", " ", false).ok);
    EXPECT_EQ(engine().skip_open_tasks("GM9999", before, "anna", reason, false).refusal,
              Refusal::not_found);
}

}  // namespace
}  // namespace okod::test
