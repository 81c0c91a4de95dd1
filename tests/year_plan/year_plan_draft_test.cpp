// "Jaarplan volgend jaar opstellen" as the regional project does it at the end of a year:
// what is oranje or rood in this year's activity overview comes over with a remark that
// says why; a groen activity with tasks recurs (its workflow brings the tasks again); a
// groen one-off (no tasks) is left out. Workgroups, goals and policy goals stay.
// Pure: plans, tasks and overrides as values, no store and no engine.
#include "model/year_plan_draft.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"
#include "year_plan/plan_tasks.hpp"

namespace okod::test {
namespace {

Activity activity(std::string id, std::string workgroup, std::vector<TaskSelector> tasks) {
    Activity a;
    a.id = id;
    a.workgroup = std::move(workgroup);
    a.title = Text{"Titel " + id, "Title " + id};
    a.tasks = std::move(tasks);
    a.remark = "plan-opmerking";
    return a;
}

YearPlan plan_2025() {
    YearPlan p;
    p.municipality = "GM0935";
    p.year = 2025;
    p.workgroups = {{"monitor", Text{"Monitor", {}}, {Text{"Jeugdmonitor afnemen", {}}}},
                    {"communicatie", Text{"Communicatie", {}}, {}}};
    p.activities = {
        activity("jeugdmonitor", "monitor",
                 {{"oko-cycle", "survey-prepare"}, {"oko-cycle", "survey"}}),
        activity("dialoog", "monitor", {{"oko-cycle", "dialogue"}}),
        activity("webinars", "communicatie", {}),
        activity("nieuwsbrief", "communicatie", {}),
        activity("folder", "communicatie", {}),
    };
    PolicyGoal g;
    g.id = "alcohol";
    g.indicator = "alcohol_last_month";
    g.description = Text{"Minder alcohol", {}};
    g.population = "13-16";
    g.baseline = {21.0, 2021};
    g.target = {15.0, 2027};
    p.policy_goals = {g};
    return p;
}

// The overview at the end of 2025: the survey half done (oranje), the dialogue done
// (groen, with tasks), webinars set groen by hand (no tasks), the newsletter never given
// a status (rood), the leaflet set rood by hand.
YearPlanDraft drafted() {
    const std::vector<Task> tasks{
        task("oko-cycle", "survey-prepare", on(2025, 6, 30), TaskStatus::done),
        task("oko-cycle", "survey", on(2025, 11, 30), TaskStatus::overdue),
        task("oko-cycle", "dialogue", on(2025, 12, 1), TaskStatus::done),
    };
    const std::vector<ActivityOverride> overrides{
        {"GM0935", 2025, "webinars", TrafficLight::groen, "vier webinars gegeven", "noor",
         on(2025, 12, 10)},
        {"GM0935", 2025, "folder", TrafficLight::rood, "drukker failliet", "noor",
         on(2025, 12, 10)},
    };
    const YearPlan plan = plan_2025();
    return draft_next_year(plan, year_overview(plan, tasks, overrides, on(2025, 12, 31)));
}

const DraftDecision& decision(const YearPlanDraft& d, const std::string& id) {
    for (const auto& x : d.decisions)
        if (x.activity == id) return x;
    throw std::runtime_error("no decision for " + id);
}

TEST(YearPlanDraft, the_plan_is_for_next_year_with_the_same_workgroups_goals_and_policy_goals) {
    const auto d = drafted();
    const YearPlan before = plan_2025();
    EXPECT_EQ(d.plan.municipality, "GM0935");
    EXPECT_EQ(d.plan.year, 2026);
    EXPECT_EQ(d.plan.workgroups, before.workgroups);
    EXPECT_EQ(d.plan.policy_goals, before.policy_goals);
    EXPECT_EQ(d.decisions.size(), 5u);
}

TEST(YearPlanDraft, oranje_comes_over_saying_from_which_year_and_how_far_it_got) {
    const auto d = drafted();
    const auto& x = decision(d, "jeugdmonitor");
    EXPECT_EQ(x.light, TrafficLight::oranje);
    EXPECT_EQ(x.reason, DraftReason::unfinished);
    EXPECT_TRUE(x.carried());
    EXPECT_EQ(x.remark.rfind("overgenomen uit 2025: oranje – 1 van 2 taken gedaan", 0), 0u)
        << x.remark;
}

TEST(YearPlanDraft, rood_comes_over_with_the_remark_it_had_also_when_set_by_hand) {
    const auto d = drafted();
    EXPECT_EQ(decision(d, "folder").remark, "overgenomen uit 2025: rood – drukker failliet");
    EXPECT_EQ(decision(d, "nieuwsbrief").remark, "overgenomen uit 2025: rood – nog geen status");
}

TEST(YearPlanDraft, groen_with_tasks_recurs_and_groen_without_tasks_is_left_out) {
    const auto d = drafted();
    const auto& dialogue = decision(d, "dialoog");
    EXPECT_EQ(dialogue.reason, DraftReason::recurring);
    EXPECT_TRUE(dialogue.carried());
    const auto& webinars = decision(d, "webinars");
    EXPECT_EQ(webinars.light, TrafficLight::groen);
    EXPECT_EQ(webinars.reason, DraftReason::done_once);
    EXPECT_FALSE(webinars.carried());
    EXPECT_NE(webinars.remark.find("eenmalig"), std::string::npos) << webinars.remark;
    EXPECT_EQ(d.plan.activity("webinars"), nullptr);
}

TEST(YearPlanDraft, carried_activities_keep_order_title_and_tasks_and_get_the_carry_remark) {
    const auto d = drafted();
    EXPECT_EQ(d.plan.activity_ids(),
              (std::vector<std::string>{"jeugdmonitor", "dialoog", "nieuwsbrief", "folder"}));
    const Activity* a = d.plan.activity("jeugdmonitor");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->title, (Text{"Titel jeugdmonitor", "Title jeugdmonitor"}));
    EXPECT_EQ(a->tasks, plan_2025().activities[0].tasks);
    EXPECT_EQ(a->remark, decision(d, "jeugdmonitor").remark + " | plan-opmerking");
}

TEST(YearPlanDraft, drafted_again_a_year_later_the_remark_says_once_where_it_came_from) {
    const YearPlan y2026 = drafted().plan;
    const auto d = draft_next_year(y2026, year_overview(y2026, {}, {}, on(2026, 12, 31)));
    const Activity* a = d.plan.activity("nieuwsbrief");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->remark, "overgenomen uit 2026: rood – nog geen status | plan-opmerking");
    EXPECT_EQ(d.plan.year, 2027);
}

}  // namespace
}  // namespace okod::test
