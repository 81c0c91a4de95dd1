// The engine's execution-plan commands: each change is one transaction with its line in
// the event log (who, which action, what changed); a refused command writes nothing at
// all; a change that alters nothing is not logged; one municipality cannot touch
// another's actions.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "model/event_kind.hpp"
#include "support/engine_world.hpp"

namespace okod::test {
namespace {

class ExecutionPlanCommands : public EngineWorld {
protected:
    void SetUp() override {
        add_municipality({});  // recommendations: Sportkantines, Ouders, Evenementen
        clock_.advance_to(at_local(d(2026, 3, 2), TimeOfDay{9 * 60}));
    }
    static ExecutionActionChange fields(std::string recommendation, std::string intervention) {
        ExecutionActionChange c;
        c.recommendation = std::move(recommendation);
        c.intervention = std::move(intervention);
        return c;
    }
    std::size_t log_size() { return store_->events_after(0, 100000).size(); }
};

TEST_F(ExecutionPlanCommands, adding_stores_the_action_and_logs_it_with_its_recommendation) {
    ExecutionActionChange c = fields("2", "Ouderavonden op alle vo-scholen");
    c.priority = Priority::hoog;
    c.money_euros.emplace(2500);
    const auto r = engine().add_execution_action("GM0935", c, "sanne");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.action.recommendation, "Ouders");  // the number resolved to the text
    EXPECT_EQ(r.action.status, TrafficLight::rood);
    EXPECT_EQ(r.action.created_at, clock_.now());
    EXPECT_EQ(store_->execution_action(r.action.id), r.action);

    const auto logged = events(EventKind::execution_action_added);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].municipality, "GM0935");
    EXPECT_EQ(logged[0].at, clock_.now());
    EXPECT_EQ(
        logged[0].note,
        fmt::format(
            "uitvoeringsplan, aanbeveling 2 'Ouders': actie {} 'Ouderavonden op alle vo-scholen' "
            "toegevoegd (prioriteit hoog, status rood) (door sanne)",
            r.action.id));
}

TEST_F(ExecutionPlanCommands, a_refused_add_writes_nothing_and_says_everything_wrong) {
    const auto before = log_size();
    ExecutionActionChange c = fields("Jongerenwerk", " ");
    c.fte.emplace(250.0);
    const auto r = engine().add_execution_action("GM0935", c, "sanne");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.refusal, Refusal::not_found);
    EXPECT_NE(r.error.find("recommendation 'Jongerenwerk' is not one of GM0935's recommendations"),
              std::string::npos)
        << r.error;
    EXPECT_NE(r.error.find("; intervention is required"), std::string::npos) << r.error;
    EXPECT_NE(r.error.find("; fte must be a number from 0 to 100, not 250"), std::string::npos)
        << r.error;
    EXPECT_TRUE(store_->execution_actions_of_municipality("GM0935").empty());
    EXPECT_EQ(log_size(), before);

    const auto elsewhere = engine().add_execution_action("GM0014", fields("1", "x"), "sanne");
    EXPECT_FALSE(elsewhere.ok);
    EXPECT_EQ(elsewhere.refusal, Refusal::not_found);
    EXPECT_EQ(elsewhere.error, "no municipality GM0014");
}

TEST_F(ExecutionPlanCommands, a_change_replaces_what_it_names_and_logs_what_changed) {
    const auto added =
        engine().add_execution_action("GM0935", fields("Ouders", "Ouderavonden"), "sanne");
    ASSERT_TRUE(added.ok);
    clock_.advance(std::chrono::hours(24 * 30));
    ExecutionActionChange c;
    c.status = TrafficLight::oranje;
    c.status_remark = "twee van de vier avonden gegeven";
    const auto r = engine().change_execution_action("GM0935", added.action.id, c, "api:laptop");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(r.changed);
    EXPECT_EQ(r.changes, "status rood → oranje, status_remark");
    EXPECT_EQ(r.action.intervention, "Ouderavonden");  // kept
    EXPECT_EQ(r.action.created_at, added.action.created_at);
    EXPECT_EQ(r.action.updated_at, clock_.now());
    EXPECT_EQ(store_->execution_action(added.action.id), r.action);
    const auto logged = events(EventKind::execution_action_changed);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].note,
              fmt::format("uitvoeringsplan, aanbeveling 2 'Ouders': actie {} 'Ouderavonden' "
                          "gewijzigd: status rood → oranje, status_remark (door api:laptop)",
                          added.action.id));

    // The same again changes nothing and logs nothing.
    const auto again = engine().change_execution_action("GM0935", added.action.id, c, "api:laptop");
    ASSERT_TRUE(again.ok);
    EXPECT_FALSE(again.changed);
    EXPECT_EQ(events(EventKind::execution_action_changed).size(), 1u);
    EXPECT_EQ(store_->execution_action(added.action.id)->updated_at, r.action.updated_at);
}

TEST_F(ExecutionPlanCommands, a_refused_change_leaves_the_action_as_it_was) {
    const auto added =
        engine().add_execution_action("GM0935", fields("Ouders", "Ouderavonden"), "sanne");
    ASSERT_TRUE(added.ok);
    const auto before = log_size();
    ExecutionActionChange c;
    c.status = TrafficLight::groen;
    c.money_euros.emplace(-1);
    const auto r = engine().change_execution_action("GM0935", added.action.id, c, "sanne");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error, "money_euros must be 0 or more (whole euros), not -1");
    EXPECT_EQ(store_->execution_action(added.action.id), added.action);
    EXPECT_EQ(log_size(), before);

    const auto unknown = engine().change_execution_action("GM0935", 999, c, "sanne");
    EXPECT_EQ(unknown.refusal, Refusal::not_found);
    EXPECT_EQ(unknown.error, "GM0935 has no execution-plan action 999");
}

TEST_F(ExecutionPlanCommands, an_action_of_another_municipality_is_not_found_there) {
    Municipality groningen = municipality_;
    groningen.code = "GM0014";
    groningen.name = "Groningen";
    store_->upsert_municipality(groningen);
    const auto theirs =
        engine().add_execution_action("GM0014", fields("Ouders", "Ouderavonden"), "jan");
    ASSERT_TRUE(theirs.ok);
    ExecutionActionChange c;
    c.status = TrafficLight::groen;
    EXPECT_EQ(engine().change_execution_action("GM0935", theirs.action.id, c, "sanne").refusal,
              Refusal::not_found);
    EXPECT_EQ(engine().remove_execution_action("GM0935", theirs.action.id, "sanne").refusal,
              Refusal::not_found);
    EXPECT_EQ(store_->execution_action(theirs.action.id), theirs.action);
}

TEST_F(ExecutionPlanCommands, removing_logs_the_action_and_it_is_gone) {
    const auto added =
        engine().add_execution_action("GM0935", fields("3", "Leeftijdscontrole"), "sanne");
    ASSERT_TRUE(added.ok);
    const auto r = engine().remove_execution_action("GM0935", added.action.id, "sanne");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.action, added.action);
    EXPECT_EQ(store_->execution_action(added.action.id), std::nullopt);
    const auto logged = events(EventKind::execution_action_removed);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(
        logged[0].note,
        fmt::format("uitvoeringsplan, aanbeveling 3 'Evenementen': actie {} 'Leeftijdscontrole' "
                    "verwijderd (was rood) (door sanne)",
                    added.action.id));
    EXPECT_EQ(engine().remove_execution_action("GM0935", added.action.id, "sanne").refusal,
              Refusal::not_found);
}

TEST_F(ExecutionPlanCommands, an_action_whose_recommendation_left_the_list_can_still_be_updated) {
    const auto added = engine().add_execution_action(
        "GM0935", fields("Sportkantines", "Barcode-instructie"), "sanne");
    ASSERT_TRUE(added.ok);
    municipality_.lists["recommendations"] = {"Ouders", "Evenementen"};
    store_->upsert_municipality(municipality_);
    ExecutionActionChange c;
    c.status = TrafficLight::groen;
    const auto r = engine().change_execution_action("GM0935", added.action.id, c, "sanne");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.action.recommendation, "Sportkantines");
    // Sending its own recommendation back (a form that sends every field) is no change,
    // not a refusal, though the list no longer has it.
    ExecutionActionChange same;
    same.recommendation = "Sportkantines";
    const auto resent = engine().change_execution_action("GM0935", added.action.id, same, "sanne");
    EXPECT_TRUE(resent.ok) << resent.error;
    EXPECT_FALSE(resent.changed);
    // Moving it to another recommendation is checked against the list as it is now.
    ExecutionActionChange move;
    move.recommendation = "Handhaving";
    EXPECT_FALSE(engine().change_execution_action("GM0935", added.action.id, move, "sanne").ok);
    move.recommendation = "1";
    const auto moved = engine().change_execution_action("GM0935", added.action.id, move, "sanne");
    ASSERT_TRUE(moved.ok) << moved.error;
    EXPECT_EQ(moved.action.recommendation, "Ouders");
}

}  // namespace
}  // namespace okod::test
