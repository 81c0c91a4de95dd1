// A task's traffic light on the dashboard: rood when late, oranje once its first
// reminder is due, groen before; closed tasks have none.
#include "model/traffic_light.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

Instant at(const char* iso) { return *parse_instant(iso); }

Task open_task(const char* due, std::vector<int> remind_days) {
    Task t;
    t.due = at(due);
    t.remind_days = std::move(remind_days);
    return t;
}

TEST(TrafficLight, turns_oranje_when_the_first_reminder_is_due_and_rood_when_late) {
    const Task t = open_task("2026-03-31T17:00:00+02:00", {14, 3, 0});
    EXPECT_EQ(traffic_light(t, at("2026-03-01T09:00:00+01:00")), TrafficLight::groen);
    EXPECT_EQ(traffic_light(t, at("2026-03-17T17:00:01+01:00")), TrafficLight::oranje);
    EXPECT_EQ(traffic_light(t, at("2026-03-31T16:59:59+02:00")), TrafficLight::oranje);
    EXPECT_EQ(traffic_light(t, at("2026-03-31T17:00:00+02:00")), TrafficLight::rood);
}

TEST(TrafficLight, an_overdue_task_is_rood_and_a_closed_one_has_no_light) {
    Task t = open_task("2026-03-31T17:00:00+02:00", {7});
    t.status = TaskStatus::overdue;
    EXPECT_EQ(traffic_light(t, at("2026-03-01T09:00:00+01:00")), TrafficLight::rood);
    t.status = TaskStatus::done;
    EXPECT_EQ(traffic_light(t, at("2026-04-10T09:00:00+02:00")), std::nullopt);
    t.status = TaskStatus::skipped;
    EXPECT_EQ(traffic_light(t, at("2026-04-10T09:00:00+02:00")), std::nullopt);
    Task no_due;
    EXPECT_EQ(traffic_light(no_due, at("2026-04-10T09:00:00+02:00")), std::nullopt);
}

TEST(TrafficLight, without_reminders_a_task_turns_oranje_two_weeks_ahead) {
    const Task t = open_task("2026-03-31T17:00:00+02:00", {});
    EXPECT_EQ(traffic_light(t, at("2026-03-16T09:00:00+01:00")), TrafficLight::groen);
    EXPECT_EQ(traffic_light(t, at("2026-03-18T09:00:00+01:00")), TrafficLight::oranje);
    EXPECT_EQ(to_string(TrafficLight::oranje), "oranje");
}

}  // namespace
}  // namespace okod
