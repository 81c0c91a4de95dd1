// The store's fixed statements (adapters/sqlite/sqlite_query.hpp) have one slot per
// program but are prepared per connection: two stores open side by side (the daemon's
// and an okoctl's in one test process) each read their own file, and a read that
// stops half-way (an exception in a row reader) leaves no statement busy for the next.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

TEST(StatementCache, two_stores_in_one_process_keep_their_own_statements) {
    test::TempDir dir;
    auto first = SqliteStore::open(dir / "first.db");
    auto second = SqliteStore::open(dir / "second.db");
    first->set_meta("name", "first");
    second->set_meta("name", "second");
    EXPECT_EQ(first->meta("name"), "first");
    EXPECT_EQ(second->meta("name"), "second");
    first.reset();  // its statements go with it; the other store's stay usable
    EXPECT_EQ(second->meta("name"), "second");
}

TEST(StatementCache, a_read_that_stops_half_way_leaves_the_statement_ready) {
    test::TempDir dir;
    auto store = SqliteStore::open(dir / "okod.db");
    for (const char* id : {"anna", "bram"})
        store->upsert_person({id, id, std::string(id) + "@example.nl", Language::nl});
    SqliteDb other{(dir / "okod.db").string()};
    other.set_busy_timeout(1000);
    other.exec("UPDATE people SET language = 'xx' WHERE id = 'bram'");
    EXPECT_THROW(store->all_people(), std::runtime_error);  // after reading anna

    // Had the statement stayed on its second row, the next read would go on from there
    // (bram again) in the old snapshot, and BEGIN IMMEDIATE would fail on that snapshot.
    other.exec("UPDATE people SET language = 'nl' WHERE id = 'bram'");
    EXPECT_EQ(store->all_people().size(), 2u);
    auto tx = store->begin();
    store->upsert_person({"carl", "carl", "", Language::nl});
    tx->commit();
    EXPECT_EQ(store->all_people().size(), 3u);
}

}  // namespace
}  // namespace okod
