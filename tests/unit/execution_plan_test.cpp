// The execution plan's rules without a store: what makes an action acceptable (and the
// message that says why not), how a recommendation is named, how a change applies and
// is described, and how the plan is grouped for a reader.
#include "model/execution_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace okod {
namespace {

Municipality maastricht() {
    Municipality m;
    m.code = "GM0935";
    m.name = "Maastricht";
    m.lists["recommendations"] = {"Alcoholverstrekking in sportkantines", "Voorlichting aan ouders",
                                  "Handhaving op evenementen"};
    return m;
}

ExecutionAction action(std::int64_t id, std::string recommendation,
                       TrafficLight status = TrafficLight::rood) {
    ExecutionAction a;
    a.id = id;
    a.municipality = "GM0935";
    a.recommendation = std::move(recommendation);
    a.intervention = "Ouderavonden";
    a.status = status;
    return a;
}

TEST(ExecutionPlan, priorities_are_the_three_dutch_words) {
    for (auto p : {Priority::hoog, Priority::middel, Priority::laag})
        EXPECT_EQ(parse_priority(to_string(p)), p);
    EXPECT_EQ(parse_priority("high"), std::nullopt);
    EXPECT_EQ(parse_priority("Hoog"), std::nullopt);
    EXPECT_EQ(ExecutionAction{}.priority, Priority::middel);
    EXPECT_EQ(ExecutionAction{}.status,
              TrafficLight::rood);  // not yet realised until someone says so
}

TEST(ExecutionPlan, a_complete_action_passes) {
    ExecutionAction a = action(1, "Voorlichting aan ouders");
    a.money_euros = 0;
    a.fte = 100;
    EXPECT_TRUE(validate(a).empty());
}

TEST(ExecutionPlan, validation_names_each_problem_precisely) {
    ExecutionAction a;
    a.recommendation = "  ";
    a.intervention = "\t";
    a.money_euros = -5;
    a.fte = 120;
    const auto problems = validate(a);
    ASSERT_EQ(problems.size(), 4u);
    EXPECT_EQ(
        problems[0],
        "recommendation is required: which recommendation of the Scanner is this action for?");
    EXPECT_EQ(
        problems[1],
        "intervention is required: which intervention is proposed (field 1 of the fill-in table)?");
    EXPECT_EQ(problems[2], "money_euros must be 0 or more (whole euros), not -5");
    EXPECT_EQ(problems[3], "fte must be a number from 0 to 100, not 120");
}

TEST(ExecutionPlan, fte_must_be_a_real_figure_and_texts_utf8_and_not_endless) {
    ExecutionAction a = action(1, "Voorlichting aan ouders");
    a.fte = -0.1;
    EXPECT_EQ(validate(a),
              std::vector<std::string>{"fte must be a number from 0 to 100, not -0.1"});
    a.fte = std::nan("");
    EXPECT_EQ(validate(a).size(), 1u);
    a.fte.reset();
    a.obstacles = "caf\xe9";  // Windows-1252, not UTF-8
    EXPECT_EQ(validate(a),
              std::vector<std::string>{"obstacles: is not valid UTF-8 (byte 4 of the text)"});
    a.obstacles = std::string(4000, 'x');
    EXPECT_TRUE(validate(a).empty());
    // Characters, not bytes: 4000 times "ë" is fine, one more is not.
    std::string long_text;
    for (int i = 0; i < 4001; ++i) long_text += "ë";
    a.considerations = long_text;
    EXPECT_EQ(validate(a),
              std::vector<std::string>{"considerations is 4001 characters long; at most 4000"});
}

TEST(ExecutionPlan, a_recommendation_is_named_by_its_text_or_its_number_in_the_list) {
    const Municipality m = maastricht();
    std::string error;
    EXPECT_EQ(resolve_recommendation(m, "Voorlichting aan ouders", error),
              "Voorlichting aan ouders");
    EXPECT_EQ(resolve_recommendation(m, "  Voorlichting aan ouders ", error),
              "Voorlichting aan ouders");
    EXPECT_EQ(resolve_recommendation(m, "3", error), "Handhaving op evenementen");
    EXPECT_TRUE(error.empty());
    EXPECT_EQ(resolve_recommendation(m, "4", error), std::nullopt);
    EXPECT_EQ(
        error,
        "recommendation '4' is not one of GM0935's recommendations (give its text or number: 1: "
        "Alcoholverstrekking in sportkantines; 2: Voorlichting aan ouders; 3: Handhaving op "
        "evenementen)");
    EXPECT_EQ(resolve_recommendation(m, "voorlichting aan ouders", error),
              std::nullopt);  // exact text
    EXPECT_EQ(recommendation_number(m, "Handhaving op evenementen"), 3);
    EXPECT_EQ(recommendation_number(m, "Iets anders"), 0);

    // A municipality without a list takes any text.
    Municipality free;
    free.code = "GM0014";
    EXPECT_EQ(resolve_recommendation(free, " Meer handhaving ", error), "Meer handhaving");
}

TEST(ExecutionPlan, a_change_replaces_only_what_it_sets_and_can_clear_an_estimate) {
    ExecutionAction a = action(1, "Voorlichting aan ouders");
    a.money_euros = 2500;
    a.fte = 0.2;
    a.period = "sep 2026 – jun 2027";
    ExecutionActionChange c;
    EXPECT_TRUE(c.empty());
    c.status = TrafficLight::oranje;
    c.status_remark = "twee van de vier avonden gegeven";
    c.money_euros.emplace(std::nullopt);  // no longer estimated
    EXPECT_FALSE(c.empty());
    const ExecutionAction before = a;
    apply(c, a);
    EXPECT_EQ(a.status, TrafficLight::oranje);
    EXPECT_EQ(a.status_remark, "twee van de vier avonden gegeven");
    EXPECT_EQ(a.money_euros, std::nullopt);
    EXPECT_EQ(a.fte, 0.2);
    EXPECT_EQ(a.period, "sep 2026 – jun 2027");
    EXPECT_EQ(describe_changes(before, a),
              "money_euros 2500 → -, status rood → oranje, status_remark");
    EXPECT_EQ(describe_changes(a, a), "");
}

TEST(ExecutionPlan, the_plan_follows_the_list_of_recommendations_then_ids) {
    const Municipality m = maastricht();
    std::vector<ExecutionAction> actions{
        action(7, "Handhaving op evenementen", TrafficLight::groen),
        action(3, "Voorlichting aan ouders", TrafficLight::oranje),
        action(2, "Handhaving op evenementen"),
        action(5, "Een aanbeveling die de lijst niet meer heeft"),
        action(9, "Voorlichting aan ouders"),
    };
    ExecutionAction elsewhere = action(4, "Voorlichting aan ouders");
    elsewhere.municipality = "GM0014";
    actions.push_back(elsewhere);

    const ExecutionPlan plan = execution_plan(m, actions);
    EXPECT_EQ(plan.municipality, "GM0935");
    ASSERT_EQ(plan.recommendations.size(), 4u);
    EXPECT_EQ(plan.recommendations[0].recommendation, "Alcoholverstrekking in sportkantines");
    EXPECT_EQ(plan.recommendations[0].number, 1);
    EXPECT_TRUE(plan.recommendations[0].actions.empty());  // listed, though nothing agreed yet
    EXPECT_EQ(plan.recommendations[1].number, 2);
    ASSERT_EQ(plan.recommendations[1].actions.size(), 2u);
    EXPECT_EQ(plan.recommendations[1].actions[0].id, 3);
    EXPECT_EQ(plan.recommendations[1].actions[1].id, 9);
    EXPECT_EQ(plan.recommendations[2].recommendation, "Handhaving op evenementen");
    EXPECT_EQ(plan.recommendations[2].actions[0].id, 2);
    EXPECT_EQ(plan.recommendations[2].actions[1].id, 7);
    EXPECT_EQ(plan.recommendations[2].counts.groen, 1);
    EXPECT_EQ(plan.recommendations[2].counts.rood, 1);
    EXPECT_EQ(plan.recommendations[3].recommendation,
              "Een aanbeveling die de lijst niet meer heeft");
    EXPECT_EQ(plan.recommendations[3].number, 0);
    EXPECT_EQ(plan.action_count(), 5);  // not GM0014's
    EXPECT_EQ(plan.counts.groen, 1);
    EXPECT_EQ(plan.counts.oranje, 1);
    EXPECT_EQ(plan.counts.rood, 3);
}

}  // namespace
}  // namespace okod
