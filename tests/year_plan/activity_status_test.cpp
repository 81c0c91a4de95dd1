// The traffic light of a year-plan activity as a regisseur reads it: groen when every
// linked task of the year is done, oranje while partly done or still running, rood
// when nothing was realised (late, skipped, or not started); a status set by hand with
// a remark wins. And the year overview counts the lights per workgroup and in total.
#include "model/activity_status.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"
#include "year_plan/plan_tasks.hpp"

namespace okod::test {
namespace {

Activity survey_activity() {
    Activity a;
    a.id = "jeugdmonitor";
    a.workgroup = "monitor";
    a.title = Text{"Jeugdmonitor afnemen", {}};
    a.tasks = {{"oko-cycle", "survey-prepare"}, {"oko-cycle", "survey"}};
    return a;
}

const Instant kJuly = on(2026, 7, 1);

TEST(ActivityStatus, every_linked_task_done_is_groen) {
    const std::vector<Task> tasks{
        task("oko-cycle", "survey-prepare", on(2026, 6, 30), TaskStatus::done),
        task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::done)};
    const auto s = status_of(survey_activity(), 2026, tasks, std::nullopt, kJuly);
    EXPECT_EQ(s.light, TrafficLight::groen);
    EXPECT_EQ(s.source, StatusSource::derived);
    EXPECT_EQ(s.remark, "alle 2 taken gedaan");
    EXPECT_EQ(s.linked_tasks, 2);
    EXPECT_EQ(s.done_tasks, 2);
}

TEST(ActivityStatus, partly_done_is_oranje_and_says_how_far) {
    const std::vector<Task> tasks{
        task("oko-cycle", "survey-prepare", on(2026, 6, 30), TaskStatus::done),
        task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::open)};
    const auto s = status_of(survey_activity(), 2026, tasks, std::nullopt, kJuly);
    EXPECT_EQ(s.light, TrafficLight::oranje);
    EXPECT_EQ(s.remark, "1 van 2 taken gedaan; 1 loopt nog");
}

TEST(ActivityStatus, running_and_not_yet_due_is_oranje_with_the_next_deadline) {
    const std::vector<Task> tasks{task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::open)};
    const auto s = status_of(survey_activity(), 2026, tasks, std::nullopt, kJuly);
    EXPECT_EQ(s.light, TrafficLight::oranje);
    EXPECT_EQ(s.remark, "loopt: 1 open, eerstvolgende deadline 2026-09-30");
}

TEST(ActivityStatus, nothing_done_and_a_deadline_passed_is_rood) {
    // One overdue, one open whose deadline has passed without the engine marking it yet,
    // one not yet due: nothing realised and already late is rood.
    const std::vector<Task> tasks{
        task("oko-cycle", "survey-prepare", on(2026, 3, 31), TaskStatus::overdue),
        task("oko-cycle", "survey-prepare", on(2026, 6, 30), TaskStatus::open),
        task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::open)};
    const auto s = status_of(survey_activity(), 2026, tasks, std::nullopt, kJuly);
    EXPECT_EQ(s.light, TrafficLight::rood);
    EXPECT_EQ(s.remark, "niets gedaan; 2 te laat (deadline 2026-03-31), 1 loopt nog");
}

TEST(ActivityStatus, skipped_tasks_count_as_not_realised) {
    const std::vector<Task> all_skipped{
        task("oko-cycle", "survey-prepare", on(2026, 6, 30), TaskStatus::skipped),
        task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::skipped)};
    const auto skipped =
        status_of(survey_activity(), 2026, all_skipped, std::nullopt, on(2026, 12, 1));
    EXPECT_EQ(skipped.light, TrafficLight::rood);
    EXPECT_EQ(skipped.remark, "alle 2 taken overgeslagen");

    const std::vector<Task> half{
        task("oko-cycle", "survey-prepare", on(2026, 6, 30), TaskStatus::done),
        task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::skipped)};
    const auto partly = status_of(survey_activity(), 2026, half, std::nullopt, on(2026, 12, 1));
    EXPECT_EQ(partly.light, TrafficLight::oranje);  // not groen: the survey was not run
    EXPECT_EQ(partly.remark, "1 van 2 taken gedaan; 1 overgeslagen");
    // The English report says the same in English.
    EXPECT_EQ(status_of(survey_activity(), 2026, half, std::nullopt, on(2026, 12, 1), Language::en)
                  .remark,
              "1 of 2 tasks done; 1 skipped");
    EXPECT_EQ(
        status_of(survey_activity(), 2026, {}, std::nullopt, on(2026, 12, 1), Language::en).remark,
        "not started: no task in 2026 yet");
}

TEST(ActivityStatus, only_the_plan_years_tasks_of_the_selected_workflow_tasks_count) {
    const std::vector<Task> tasks{
        task("oko-cycle", "survey", on(2025, 9, 30), TaskStatus::overdue),        // last year
        task("oko-cycle", "data-collect", on(2026, 9, 30), TaskStatus::overdue),  // not linked
        task("council-report", "survey", on(2026, 9, 30), TaskStatus::overdue),   // other workflow
        task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::done)};
    const auto s = status_of(survey_activity(), 2026, tasks, std::nullopt, on(2026, 10, 1));
    EXPECT_EQ(s.light, TrafficLight::groen);
    EXPECT_EQ(s.linked_tasks, 1);
}

TEST(ActivityStatus, no_task_yet_is_rood_not_started_unless_the_year_is_still_ahead) {
    const auto running = status_of(survey_activity(), 2026, {}, std::nullopt, kJuly);
    EXPECT_EQ(running.light, TrafficLight::rood);
    EXPECT_EQ(running.remark, "nog niet gestart: nog geen taak in 2026");

    const auto ahead = status_of(survey_activity(), 2027, {}, std::nullopt, kJuly);
    EXPECT_EQ(ahead.light, TrafficLight::oranje);
    EXPECT_EQ(ahead.remark, "gepland: 2027 is nog niet begonnen");
}

TEST(ActivityStatus, an_activity_without_tasks_has_no_status_until_one_is_set) {
    Activity webinars{"webinars", "communicatie", Text{"Vier webinars", {}}, {}, {}};
    const auto s = status_of(webinars, 2026, {}, std::nullopt, kJuly);
    EXPECT_EQ(s.source, StatusSource::none);
    EXPECT_EQ(s.light, TrafficLight::rood);
    EXPECT_EQ(s.remark, "nog geen status");
}

TEST(ActivityStatus, a_status_set_by_hand_wins_and_keeps_its_remark) {
    const std::vector<Task> tasks{
        task("oko-cycle", "survey", on(2026, 3, 31), TaskStatus::overdue)};
    const ActivityOverride manual{"GM0935",
                                  2026,
                                  "jeugdmonitor",
                                  TrafficLight::oranje,
                                  "afname verschoven naar november in overleg met de GGD",
                                  "noor",
                                  on(2026, 4, 2)};
    const auto s = status_of(survey_activity(), 2026, tasks, manual, kJuly);
    EXPECT_EQ(s.light, TrafficLight::oranje);
    EXPECT_EQ(s.source, StatusSource::manual);
    EXPECT_EQ(s.remark, "afname verschoven naar november in overleg met de GGD");
    ASSERT_TRUE(s.manual);
    EXPECT_EQ(s.manual->set_by, "noor");
    // What the tasks say stays visible beside it.
    EXPECT_EQ(s.derived_light, TrafficLight::rood);
}

TEST(ActivityStatus, the_year_overview_counts_lights_per_workgroup_and_in_total) {
    YearPlan plan;
    plan.municipality = "GM0935";
    plan.year = 2026;
    plan.workgroups = {{"monitor", Text{"Monitor", {}}, {Text{"Jeugdmonitor afnemen", {}}}},
                       {"communicatie", Text{"Communicatie & Voorlichting", {}}, {}}};
    plan.activities = {survey_activity(),
                       {"webinars", "communicatie", Text{"Webinars", {}}, {}, {}},
                       {"nieuwsbrief", "communicatie", Text{"Nieuwsbrief", {}}, {}, {}}};
    const std::vector<Task> tasks{task("oko-cycle", "survey", on(2026, 9, 30), TaskStatus::done)};
    const std::vector<ActivityOverride> overrides{
        {"GM0935", 2026, "webinars", TrafficLight::groen, "vier webinars gegeven", "noor", kJuly},
        {"GM0935", 2025, "nieuwsbrief", TrafficLight::groen, "vorig jaar", "noor",
         kJuly},  // other year
        {"GM0935", 2026, "vervallen", TrafficLight::groen, "niet meer in het plan", "noor", kJuly}};
    const auto o = year_overview(plan, tasks, overrides, kJuly);
    ASSERT_EQ(o.workgroups.size(), 2u);
    EXPECT_EQ(o.workgroups[0].workgroup.id, "monitor");
    ASSERT_EQ(o.workgroups[0].activities.size(), 1u);
    EXPECT_EQ(o.workgroups[0].activities[0].status.light, TrafficLight::groen);
    ASSERT_EQ(o.workgroups[1].activities.size(), 2u);
    EXPECT_EQ(o.workgroups[1].activities[0].status.source, StatusSource::manual);
    EXPECT_EQ(o.workgroups[1].activities[1].status.source, StatusSource::none);
    EXPECT_EQ(o.workgroups[1].counts.groen, 1);
    EXPECT_EQ(o.workgroups[1].counts.rood, 1);
    EXPECT_EQ(o.counts.groen, 2);
    EXPECT_EQ(o.counts.oranje, 0);
    EXPECT_EQ(o.counts.rood, 1);
    EXPECT_EQ(o.counts.total(), 3);
}

}  // namespace
}  // namespace okod::test
