// Year plans load from config/municipalities/plans/<CODE>-<YEAR>.toml: the shipped
// Maastricht plans load and their task links fit the shipped workflows; every mistake
// a regisseur can make in a plan is named with file:line:col, and a config with a
// broken plan loads nothing (okod does not start).
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/config/config.hpp"
#include "daemon/runtime.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

// Lines 1-10 of a small valid plan; tests append to it.
const std::string kPlan = R"(municipality = "GM0935"
year = 2026
[[workgroups]]
id = "monitor"
name = "Monitor"
[[activities]]
id = "a1"
workgroup = "monitor"
title = "Jeugdmonitor afnemen"
tasks = ["oko-cycle/survey"]
)";

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

class YearPlanLoader : public ::testing::Test {
protected:
    YearPlanLoader() { copy_demo_config(dir_.path()); }

    fs::path plans() const { return dir_.path() / "municipalities" / "plans"; }
    void write_plan(const std::string& name, const std::string& text) {
        fs::remove_all(plans());
        fs::create_directories(plans());
        write_file(plans() / name, text);
    }

    // The single error loading the config gives; fails the test when there is not one.
    LoadError only_config_error() {
        auto r = load_config(dir_.path() / "okod.toml");
        EXPECT_FALSE(r.config) << "a config with a broken plan must not load";
        if (r.errors.size() != 1) {
            ADD_FAILURE() << r.errors.size() << " errors, expected one";
            for (const auto& e : r.errors) ADD_FAILURE() << "error: " << e.to_string();
        }
        return r.errors.empty() ? LoadError{} : r.errors.front();
    }

    RuntimeResult open() {
        auto loaded = load_config(dir_.path() / "okod.toml");
        EXPECT_TRUE(loaded.config) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
        if (!loaded.config) return {};
        return open_runtime(std::move(*loaded.config), dir_.path() / "state" / "okod.sqlite");
    }

    TempDir dir_;
};

TEST_F(YearPlanLoader, the_demo_plans_for_maastricht_load_and_fit_the_shipped_workflows) {
    auto r = load_config(dir_.path() / "okod.toml");
    ASSERT_TRUE(r.config) << (r.errors.empty() ? "" : r.errors[0].to_string());
    const YearPlan* plan = find_plan(r.config->plans, "GM0935", 2026);
    ASSERT_NE(plan, nullptr);
    ASSERT_NE(find_plan(r.config->plans, "GM0935", 2025), nullptr);
    ASSERT_EQ(plan->workgroups.size(), 3u);
    EXPECT_EQ(plan->workgroups[1].name.nl, "Communicatie & Voorlichting");
    EXPECT_EQ(plan->workgroups[2].name.nl, "Beleid, Handhaving & Veiligheid");
    EXPECT_GE(plan->activities.size(), 8u);
    EXPECT_LE(plan->activities.size(), 12u);
    const Activity* survey = plan->activity("jeugdmonitor-afname");
    ASSERT_NE(survey, nullptr);
    EXPECT_EQ(survey->tasks, (std::vector<TaskSelector>{{"oko-cycle", "survey"}}));
    const auto alcohol =
        std::find_if(plan->policy_goals.begin(), plan->policy_goals.end(),
                     [](const PolicyGoal& g) { return g.id == "alcohol-maandgebruik"; });
    ASSERT_NE(alcohol, plan->policy_goals.end());
    EXPECT_EQ(alcohol->pillar, Pillar::vraag);
    EXPECT_EQ(alcohol->population, "13-16");
    EXPECT_EQ(alcohol->unit, "%");
    EXPECT_DOUBLE_EQ(alcohol->baseline.value, 21.0);
    EXPECT_EQ(alcohol->baseline.year, 2021);
    EXPECT_DOUBLE_EQ(alcohol->target.value, 15.0);
    EXPECT_EQ(alcohol->target.year, 2027);
    EXPECT_EQ(alcohol->direction, Direction::down);
    const auto pillars =
        std::count_if(plan->policy_goals.begin(), plan->policy_goals.end(), [](const auto& g) {
            return g.pillar == Pillar::aanbod || g.pillar == Pillar::vraag ||
                   g.pillar == Pillar::schade;
        });
    EXPECT_GE(pillars, 3);

    auto opened = open();
    EXPECT_TRUE(opened.runtime) << (opened.errors.empty() ? "" : opened.errors[0].to_string());
}

TEST_F(YearPlanLoader, without_a_plans_dir_there_are_no_plans_and_no_error) {
    fs::remove_all(plans());
    auto r = load_config(dir_.path() / "okod.toml");
    ASSERT_TRUE(r.config);
    EXPECT_TRUE(r.config->plans.empty());
}

TEST_F(YearPlanLoader, a_named_plans_dir_that_does_not_exist_is_an_error) {
    write_file(dir_.path() / "okod.toml",
               "[store]\npath = \"state/okod.sqlite\"\n[definitions]\ndir = \"definitions\"\n"
               "[municipalities]\ndir = \"municipalities\"\nplans_dir = \"jaarplannen\"\n");
    const auto e = only_config_error();
    EXPECT_TRUE(ends_with(e.file, "okod.toml")) << e.file;
    EXPECT_EQ(e.line, 7);
    EXPECT_EQ(e.column, 13);
    EXPECT_NE(e.message.find("plans_dir '"), std::string::npos) << e.message;
    EXPECT_NE(e.message.find("jaarplannen' does not exist"), std::string::npos) << e.message;
}

TEST_F(YearPlanLoader, an_unknown_key_is_named_with_its_place) {
    write_plan("GM0935-2026.toml", kPlan + "colour = \"blauw\"\n");
    const auto e = only_config_error();
    EXPECT_TRUE(ends_with(e.file, "plans/GM0935-2026.toml")) << e.file;
    EXPECT_EQ(e.line, 11);
    EXPECT_EQ(e.column, 1);
    EXPECT_EQ(e.message, "unknown key 'colour' in activity");
}

TEST_F(YearPlanLoader, a_duplicate_activity_id_names_both_lines) {
    write_plan(
        "GM0935-2026.toml",
        kPlan + "[[activities]]\nid = \"a1\"\nworkgroup = \"monitor\"\ntitle = \"Tweede\"\n");
    const auto e = only_config_error();
    EXPECT_EQ(e.to_string(), (plans() / "GM0935-2026.toml").string() +
                                 ":12:6: activity id 'a1' is used twice (first at line 7)");
}

TEST_F(YearPlanLoader, an_activity_naming_an_unknown_workgroup_lists_the_workgroups) {
    write_plan(
        "GM0935-2026.toml",
        kPlan + "[[activities]]\nid = \"a2\"\nworkgroup = \"preventie\"\ntitle = \"Tweede\"\n");
    const auto e = only_config_error();
    EXPECT_EQ(e.line, 13);
    EXPECT_EQ(e.column, 13);
    EXPECT_EQ(e.message, "activity 'a2' names unknown workgroup 'preventie' (workgroups: monitor)");
}

TEST_F(YearPlanLoader, a_task_link_must_be_written_workflow_slash_task) {
    std::string text = kPlan;
    text.replace(text.find("oko-cycle/survey"), 16, "survey");
    write_plan("GM0935-2026.toml", text);
    const auto e = only_config_error();
    EXPECT_EQ(e.line, 10);
    EXPECT_EQ(e.column, 10);
    EXPECT_EQ(e.message,
              "a task is written \"workflow/task\" (e.g. \"oko-cycle/survey\"), not 'survey'");
}

TEST_F(YearPlanLoader, a_plan_for_an_unknown_municipality_is_an_error) {
    std::string text = kPlan;
    text.replace(text.find("GM0935"), 6, "GM0999");
    write_plan("GM0999-2026.toml", text);
    const auto e = only_config_error();
    EXPECT_TRUE(ends_with(e.file, "GM0999-2026.toml")) << e.file;
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, 16);
    EXPECT_EQ(e.message,
              "a year plan for unknown municipality GM0999 (configured: GM0014, GM0344, GM0935)");
}

TEST_F(YearPlanLoader, the_year_must_match_the_file_name) {
    write_plan("GM0935-2027.toml", kPlan);
    const auto e = only_config_error();
    EXPECT_EQ(e.line, 2);
    EXPECT_EQ(e.column, 8);
    EXPECT_EQ(e.message, "year 2026 does not match the file name (a plan for 2027)");
}

TEST_F(YearPlanLoader, a_policy_goal_with_an_unknown_pillar_or_a_target_the_wrong_way_is_an_error) {
    write_plan("GM0935-2026.toml", kPlan + R"([[policy_goals]]
id = "alcohol"
pillar = "preventie"
indicator = "alcohol_last_month"
description = "Minder alcohol"
population = "13-16"
baseline = { value = 21.0, year = 2021 }
target = { value = 25.0, year = 2027 }
direction = "down"
)");
    auto r = load_config(dir_.path() / "okod.toml");
    EXPECT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].line, 13);
    EXPECT_EQ(r.errors[0].message,
              "pillar must be aanbod, vraag, schade, omgeving, ouders, school or vrije_tijd, not "
              "'preventie'");
    EXPECT_EQ(r.errors[1].line, 18);
    EXPECT_EQ(r.errors[1].message, "direction is down but the target 25 is above the baseline 21");
}

TEST_F(YearPlanLoader,
       an_indicator_or_population_that_survey_values_could_never_match_is_an_error) {
    write_plan("GM0935-2026.toml", kPlan + R"([[policy_goals]]
id = "alcohol"
pillar = "vraag"
indicator = "Alcohol_last_month"
description = "Minder alcohol"
population = "13-16 "
baseline = { value = 21.0, year = 2021 }
target = { value = 15.0, year = 2027 }
)");
    auto r = load_config(dir_.path() / "okod.toml");
    EXPECT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 2u);
    EXPECT_EQ(r.errors[0].line, 14);
    EXPECT_NE(r.errors[0].message.find("indicator 'Alcohol_last_month' must be lowercase"),
              std::string::npos)
        << r.errors[0].message;
    EXPECT_EQ(r.errors[1].line, 16);
    EXPECT_NE(r.errors[1].message.find("has spaces around it"), std::string::npos)
        << r.errors[1].message;
}

TEST_F(YearPlanLoader, a_task_link_to_an_unknown_workflow_or_task_stops_the_runtime_at_its_place) {
    std::string text = kPlan;
    text.replace(text.find("oko-cycle/survey"), 16, "oko-cycle/survey-run");
    write_plan("GM0935-2026.toml", text);
    auto opened = open();
    EXPECT_FALSE(opened.runtime);
    ASSERT_EQ(opened.errors.size(), 1u);
    EXPECT_EQ(opened.errors[0].line, 10);
    EXPECT_EQ(opened.errors[0].column, 10);
    EXPECT_EQ(opened.errors[0].message.rfind(
                  "activity 'a1': workflow 'oko-cycle' has no task 'survey-run' "
                  "(its tasks: survey-prepare, ggd-agreement, survey, ",
                  0),
              0u)
        << opened.errors[0].message;
    EXPECT_FALSE(fs::exists(dir_.path() / "state" / "okod.sqlite"));  // nothing written

    text.replace(text.find("oko-cycle/survey-run"), 20, "oko-cykel/survey");
    write_plan("GM0935-2026.toml", text);
    opened = open();
    EXPECT_FALSE(opened.runtime);
    ASSERT_EQ(opened.errors.size(), 1u);
    EXPECT_EQ(opened.errors[0].message.rfind(
                  "activity 'a1' names unknown workflow 'oko-cykel' (known: ", 0),
              0u)
        << opened.errors[0].message;
}

TEST(YearPlanProcess, okod_does_not_start_with_a_broken_plan_and_names_file_and_line) {
    TempDir dir;
    copy_demo_config(dir.path());
    const fs::path plan = dir.path() / "municipalities" / "plans" / "GM0935-2026.toml";
    write_file(plan, read_file(plan) +
                         "\n[[activities]]\nid = \"webinars\"\nworkgroup = \"communicatie\"\n"
                         "title = \"Nog een keer\"\n");
    const auto r = run_binary("okod", {"run", "--config", (dir.path() / "okod.toml").string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("GM0935-2026.toml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("activity id 'webinars' is used twice"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace okod::test
