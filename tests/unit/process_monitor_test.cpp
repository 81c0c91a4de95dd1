// The process monitor's verdict per step of a trajectory: on time, late (by how many
// days), open, open past its deadline, skipped.
#include "model/process_monitor.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

Instant at(const char* iso) { return *parse_instant(iso); }

Task step(TaskId id, const char* due, TaskStatus status = TaskStatus::open,
          const char* closed = nullptr) {
    Task t;
    t.id = id;
    t.due = at(due);
    t.status = status;
    if (closed) t.closed_at = at(closed);
    return t;
}

TEST(ProcessMonitor, each_step_is_judged_against_its_deadline) {
    const Instant now = at("2022-07-15T12:00:00+02:00");
    const auto steps = process_steps(
        {
            step(1, "2022-03-31T17:00:00+02:00", TaskStatus::done,
                 "2022-03-31T17:00:00+02:00"),  // at the deadline
            step(2, "2022-03-31T17:00:00+02:00", TaskStatus::done,
                 "2022-04-12T10:00:00+02:00"),                          // 12 days late
            step(3, "2022-06-30T17:00:00+02:00", TaskStatus::overdue),  // 15 days overdue
            step(4, "2022-12-30T17:00:00+01:00"),                       // still ahead
            step(5, "2022-05-31T17:00:00+02:00", TaskStatus::skipped, "2022-05-01T09:00:00+02:00"),
        },
        now);
    ASSERT_EQ(steps.size(), 5u);
    // In the order they fell due.
    std::vector<TaskId> order;
    for (const auto& s : steps) order.push_back(s.task.id);
    EXPECT_EQ(order, (std::vector<TaskId>{1, 2, 5, 3, 4}));
    EXPECT_EQ(steps[0].verdict, StepVerdict::on_time);
    EXPECT_EQ(steps[1].verdict, StepVerdict::late);
    EXPECT_EQ(steps[1].days_late, 12);
    EXPECT_EQ(steps[2].verdict, StepVerdict::skipped);
    EXPECT_EQ(steps[3].verdict, StepVerdict::overdue);
    EXPECT_EQ(steps[3].days_late, 15);
    EXPECT_EQ(steps[4].verdict, StepVerdict::open);
    EXPECT_EQ(dutch_name(steps[3].verdict), "te laat (open)");
    const auto s = summarize(steps);
    EXPECT_EQ(s.on_time, 1);
    EXPECT_EQ(s.late, 1);
    EXPECT_EQ(s.overdue, 1);
    EXPECT_EQ(s.open, 1);
    EXPECT_EQ(s.skipped, 1);
}

TEST(ProcessMonitor,
     an_open_step_becomes_overdue_once_its_deadline_passes_even_before_okod_marks_it) {
    const auto before =
        process_steps({step(1, "2022-03-31T17:00:00+02:00")}, at("2022-03-31T16:59:00+02:00"));
    EXPECT_EQ(before[0].verdict, StepVerdict::open);
    const auto after =
        process_steps({step(1, "2022-03-31T17:00:00+02:00")}, at("2022-03-31T17:30:00+02:00"));
    EXPECT_EQ(after[0].verdict, StepVerdict::overdue);
    EXPECT_EQ(after[0].days_late, 1);  // counted as a day even on the day itself
}

}  // namespace
}  // namespace okod
