// Event and outbox kinds are enums in okod and their names in the store, the API and
// `okod simulate --json`: the names must not change, and a name the store holds that
// okod does not know is a clear error, never a guess.
#include <gtest/gtest.h>

#include <stdexcept>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "model/event_kind.hpp"
#include "model/instance.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

TEST(StoredKinds, every_event_kind_keeps_its_name_both_ways) {
    const std::vector<std::string_view> names{"instance_started",
                                              "instance_finished",
                                              "transition",
                                              "task_created",
                                              "task_done",
                                              "task_skipped",
                                              "task_overdue",
                                              "task_rescheduled",
                                              "reminder",
                                              "escalation",
                                              "vacancy",
                                              "event_received",
                                              "error",
                                              "mail_undeliverable",
                                              "person_saved",
                                              "role_assigned",
                                              "leave_announced",
                                              "person_linked",
                                              "person_unlinked",
                                              "person_erased",
                                              "capacity_below_norm",
                                              "activity_status_set",
                                              "execution_action_added",
                                              "execution_action_changed",
                                              "execution_action_removed",
                                              "task_reopened",
                                              "year_plan_drafted",
                                              "municipality_settings_changed",
                                              "survey_imported",
                                              "task_handed_on",
                                              "welcome"};
    for (const auto name : names) {
        const auto kind = parse_event_kind(name);
        ASSERT_TRUE(kind) << name;
        EXPECT_EQ(to_string(*kind), name);
    }
    EXPECT_EQ(parse_event_kind("task.created"), std::nullopt);
    EXPECT_EQ(parse_event_kind(""), std::nullopt);
}

TEST(StoredKinds, every_outbox_kind_keeps_its_name_both_ways) {
    for (const auto name : {"reminder", "overdue", "escalation", "vacancy", "sign_in", "welcome"}) {
        const auto kind = parse_outbox_kind(name);
        ASSERT_TRUE(kind) << name;
        EXPECT_EQ(to_string(*kind), name);
    }
    EXPECT_EQ(parse_outbox_kind("council_report"), std::nullopt);
}

TEST(StoredKinds, an_unknown_name_in_the_store_is_an_error_that_names_it) {
    test::TempDir dir;
    const auto file = dir / "okod.sqlite";
    {
        auto store = SqliteStore::open(file);
        Event e;
        e.municipality = "GM0935";
        e.kind = EventKind::task_done;
        store->append_event(e);
    }
    {
        SqliteDb db(file.string());
        db.exec(
            "INSERT INTO events(at, municipality, instance_id, workflow, kind, state, from_state, "
            "task, title, role, person, due, lead_days, note) VALUES (0, 'GM0935', 0, '', "
            "'task_archived', '', '', '', '', '', '', NULL, -1, '')");
    }
    auto store = SqliteStore::open(file);
    try {
        store->events_after(0, 10);
        FAIL() << "read an unknown kind";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "unknown value in events.kind: 'task_archived'");
    }
}

}  // namespace
}  // namespace okod
