// How the store says no, as a type (model/store/store_refusal.hpp): an update of a row
// that is not there throws StoreRefusal with not_found in every area, so a lost update
// never passes in silence and the caller can tell it from a broken statement; a removal
// of what is not there answers refused(not_found) and changes nothing.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {
namespace {

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

template <typename Write>
std::optional<Refusal> refusal_of(Write write) {
    try {
        write();
    } catch (const StoreRefusal& e) {
        return e.why();
    }
    return std::nullopt;
}

TEST(StoreRefusal, an_update_of_a_row_that_is_not_there_is_refused_as_not_found) {
    auto store = SqliteStore::open(":memory:");
    Instance i;
    i.id = 404;
    i.municipality = "GM0935";
    Task t;
    t.id = 404;
    RoleAssignment a;
    a.id = 404;
    OutboxItem o;
    o.id = 404;
    o.key = "gone";
    ExecutionAction x;
    x.id = 404;
    x.municipality = "GM0935";

    EXPECT_EQ(refusal_of([&] { store->update_instance(i); }), Refusal::not_found);
    EXPECT_EQ(refusal_of([&] { store->update_task(t); }), Refusal::not_found);
    EXPECT_EQ(refusal_of([&] { store->update_assignment(a); }), Refusal::not_found);
    EXPECT_EQ(refusal_of([&] { store->update_outbox(o); }), Refusal::not_found);
    EXPECT_EQ(refusal_of([&] { store->update_execution_action(x); }), Refusal::not_found);
    // The words are for people, and still name the row.
    try {
        store->update_task(t);
    } catch (const StoreRefusal& e) {
        EXPECT_NE(std::string(e.what()).find("404"), std::string::npos) << e.what();
    }
}

TEST(StoreRefusal, an_update_of_a_row_that_is_there_is_not_refused) {
    auto store = SqliteStore::open(":memory:");
    OutboxItem o;
    o.key = "mail-1";
    o.municipality = "GM0935";
    o.created_at = at(1'700'000'000);
    ASSERT_TRUE(store->enqueue(o));
    o = store->outbox_by_status(std::nullopt, 1).at(0);
    o.attempts = 2;
    EXPECT_EQ(refusal_of([&] { store->update_outbox(o); }), std::nullopt);
    EXPECT_EQ(store->outbox_item(o.id)->attempts, 2);
}

TEST(StoreRefusal, removing_what_is_not_there_answers_not_found_and_changes_nothing) {
    auto store = SqliteStore::open(":memory:");
    store->upsert_person({"anna", "Anna", "anna@example.nl", Language::nl});
    store->add_membership("anna", "GM0935");
    const StoreWrite left = store->remove_membership("anna", "GM0935");
    EXPECT_TRUE(left);
    EXPECT_EQ(left.refusal(), std::nullopt);
    const StoreWrite again = store->remove_membership("anna", "GM0935");
    EXPECT_FALSE(again);
    EXPECT_EQ(again.refusal(), Refusal::not_found);

    ExecutionAction x;
    x.municipality = "GM0935";
    const auto id = store->insert_execution_action(x);
    EXPECT_TRUE(store->delete_execution_action(id));
    EXPECT_EQ(store->delete_execution_action(id).refusal(), Refusal::not_found);

    ApiToken t;
    t.hash = "h";
    t.created_at = at(1'700'000'000);
    const auto token = store->add_token(t);
    EXPECT_TRUE(store->revoke_token(token, at(1'700'000'100)));
    EXPECT_TRUE(store->revoke_token(token, at(1'700'000'200)));  // the first revocation stands
    EXPECT_EQ(store->revoke_token(token + 1, at(1'700'000'300)).refusal(), Refusal::not_found);
    EXPECT_EQ(store->all_tokens().size(), 1u);
}

}  // namespace
}  // namespace okod
