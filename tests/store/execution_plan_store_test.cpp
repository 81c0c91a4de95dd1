// Execution-plan actions in the SQLite store: every field survives the round trip (the
// estimates also as "not estimated"), a municipality's actions come back in id order, an
// id is never given twice, a rolled-back write leaves nothing, and a store from before
// the execution plan (schema 5) gains the table and keeps its data.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

ExecutionAction full_action() {
    ExecutionAction a;
    a.municipality = "GM0935";
    a.recommendation = "Voorlichting aan ouders over alcohol en cannabis";
    a.intervention = "Ouderavonden ‘Helder op school’";
    a.relevance = "Ouders onderschatten het gebruik";
    a.feasibility = "Scholen willen meewerken";
    a.money_euros = 2500;
    a.fte = 0.2;
    a.other_resources = "aula";
    a.expected_effectiveness = "Goed onderbouwd";
    a.recognised = true;
    a.obstacles = "Opkomst";
    a.period = "sep 2026 – jun 2027";
    a.responsible = "Novadic-Kentron";
    a.priority = Priority::hoog;
    a.considerations = "Snel te doen";
    a.status = TrafficLight::oranje;
    a.status_remark = "twee van de vier avonden";
    a.created_at = at(1767225600);
    a.updated_at = at(1767312000);
    return a;
}

TEST(ExecutionPlanStore, an_action_round_trips_with_every_field) {
    auto store = SqliteStore::open(":memory:");
    ExecutionAction a = full_action();
    a.id = store->insert_execution_action(a);
    EXPECT_GT(a.id, 0);
    EXPECT_EQ(store->execution_action(a.id), a);

    ExecutionAction bare;
    bare.municipality = "GM0935";
    bare.recommendation = "Handhaving op evenementen";
    bare.intervention = "Leeftijdscontrole";
    bare.id = store->insert_execution_action(bare);
    const auto back = store->execution_action(bare.id);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, bare);
    EXPECT_EQ(back->money_euros, std::nullopt);  // not estimated, not 0
    EXPECT_EQ(back->fte, std::nullopt);
    EXPECT_EQ(store->execution_action(999), std::nullopt);
}

TEST(ExecutionPlanStore, update_replaces_the_row_and_listing_is_per_municipality_by_id) {
    auto store = SqliteStore::open(":memory:");
    ExecutionAction first = full_action();
    first.id = store->insert_execution_action(first);
    ExecutionAction other = full_action();
    other.municipality = "GM0014";
    other.id = store->insert_execution_action(other);
    ExecutionAction second = full_action();
    second.intervention = "Tweede actie";
    second.id = store->insert_execution_action(second);

    first.status = TrafficLight::groen;
    first.money_euros.reset();
    first.updated_at = at(1767398400);
    store->update_execution_action(first);

    const auto list = store->execution_actions_of_municipality("GM0935");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0], first);
    EXPECT_EQ(list[1], second);
    EXPECT_EQ(store->execution_actions_of_municipality("GM0014"),
              std::vector<ExecutionAction>{other});
}

TEST(ExecutionPlanStore, updating_an_action_that_is_not_there_is_an_error_not_a_silent_loss) {
    auto store = SqliteStore::open(":memory:");
    ExecutionAction gone = full_action();
    gone.id = store->insert_execution_action(gone);
    ASSERT_TRUE(store->delete_execution_action(gone.id));
    gone.status = TrafficLight::groen;
    EXPECT_THROW(store->update_execution_action(gone), std::invalid_argument);
}

TEST(ExecutionPlanStore, a_removed_actions_id_is_never_given_again) {
    auto store = SqliteStore::open(":memory:");
    const auto one = store->insert_execution_action(full_action());
    const auto two = store->insert_execution_action(full_action());
    EXPECT_TRUE(store->delete_execution_action(two));
    EXPECT_FALSE(store->delete_execution_action(two));
    EXPECT_EQ(store->execution_action(two), std::nullopt);
    const auto three = store->insert_execution_action(full_action());
    EXPECT_GT(three, two);  // "actie 2" in the event log stays the removed one
    EXPECT_EQ(store->execution_actions_of_municipality("GM0935").size(), 2u);
    EXPECT_TRUE(store->execution_action(one));
}

TEST(ExecutionPlanStore, a_write_that_is_not_committed_leaves_nothing) {
    auto store = SqliteStore::open(":memory:");
    {
        auto tx = store->begin();
        store->insert_execution_action(full_action());
    }
    EXPECT_TRUE(store->execution_actions_of_municipality("GM0935").empty());
}

TEST(ExecutionPlanStore,
     a_store_from_before_the_execution_plan_gains_the_table_and_keeps_its_data) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    {
        // Schema version 5, as the okod before the execution plan left it, with a
        // municipality, a survey value and a hand-set activity light in it.
        test::create_store_at_schema_version(file, 5);
        SqliteDb db(file.string());
        db.exec(
            "INSERT INTO municipalities(code, name, school_region, trajectory_start, "
            "trajectory_years, "
            "cycle_years, survey_every_years, report_due_month, report_due_day, language, "
            "workflows, dates, "
            "lists) VALUES ('GM0935', 'Maastricht', 'zuid', '2022-01-01', 4, 1, 2, 10, 15, 'nl', "
            "'[]', '{}', "
            "'{\"recommendations\": [\"Ouders\"]}')");
        db.exec(
            "INSERT INTO measurements VALUES ('GM0935', 'alcohol_last_month', '13-16', 2023, 19.4, "
            "'a.csv', 0)");
        db.exec(
            "INSERT INTO activity_status VALUES ('GM0935', 2026, 'webinars', 'oranje', 'twee', "
            "'sanne', 0)");
    }
    auto store = SqliteStore::open(file);
    EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
    const auto m = store->municipality("GM0935");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->lists.at("recommendations"), std::vector<std::string>{"Ouders"});
    EXPECT_EQ(store->measurements_of_municipality("GM0935").size(), 1u);
    EXPECT_EQ(store->activity_overrides_of_year("GM0935", 2026).size(), 1u);
    EXPECT_TRUE(store->execution_actions_of_municipality("GM0935").empty());
    ExecutionAction a = full_action();
    a.id = store->insert_execution_action(a);
    EXPECT_EQ(store->execution_actions_of_municipality("GM0935"), std::vector<ExecutionAction>{a});
}

}  // namespace
}  // namespace okod
