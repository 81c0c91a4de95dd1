// Who belongs where and the calendar feed secrets in the SQLite store (issue 16): the
// migration makes everyone who held a role somewhere a member there, memberships and
// feed secrets round-trip, a new feed secret replaces the old one, and a token's expiry
// and last use are kept.
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

// The schema version just before the migration that brings memberships: found by its
// text, since migrations are renumbered when branches merge.
int version_before_memberships() {
    const auto migrations = sqlite_migrations();
    const auto it = std::find_if(migrations.begin(), migrations.end(), [](std::string_view m) {
        return m.find("CREATE TABLE person_memberships") != std::string_view::npos;
    });
    EXPECT_NE(it, migrations.end());
    return static_cast<int>(it - migrations.begin());
}

TEST(MembershipStore, the_migration_makes_every_role_holder_a_member_where_they_held_it) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    {
        test::create_store_at_schema_version(file, version_before_memberships());
        SqliteDb db(file.string());
        db.exec(
            "INSERT INTO people(id, name, email, language) VALUES "
            "('anna', 'Anna', '', 'nl'), ('bram', 'Bram', '', 'nl'), ('carla', 'Carla', '', 'nl')");
        db.exec(
            "INSERT INTO role_assignments(municipality, role, person_id, from_date, until_date) "
            "VALUES "
            "('GM0935', 'regisseur', 'anna', '2022-01-01', NULL), "
            "('GM0935', 'kernteam', 'anna', '2022-01-01', '2023-01-01'), "
            "('GM0014', 'kernteam', 'bram', '2020-01-01', '2021-01-01'), "
            "('GM0935', 'kernteam', 'bram', '2022-01-01', NULL)");
    }
    auto store = SqliteStore::open(file);
    EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
    EXPECT_EQ(store->memberships_of_person("anna"), (std::vector<std::string>{"GM0935"}));
    EXPECT_EQ(store->memberships_of_person("bram"),
              (std::vector<std::string>{"GM0014", "GM0935"}));   // a past role too
    EXPECT_TRUE(store->memberships_of_person("carla").empty());  // no role anywhere: nobody's yet
    EXPECT_EQ(store->members_of_municipality("GM0935"), (std::vector<std::string>{"anna", "bram"}));
}

TEST(MembershipStore, memberships_are_added_once_and_removed) {
    auto store = SqliteStore::open(":memory:");
    store->upsert_person({"anna", "Anna", "anna@example.nl", Language::nl});
    store->add_membership("anna", "GM0935");
    store->add_membership("anna", "GM0935");
    store->add_membership("anna", "GM0014");
    EXPECT_EQ(store->memberships_of_person("anna"), (std::vector<std::string>{"GM0014", "GM0935"}));
    EXPECT_EQ(store->members_of_municipality("GM0014"), (std::vector<std::string>{"anna"}));
    EXPECT_TRUE(store->remove_membership("anna", "GM0014"));
    EXPECT_FALSE(store->remove_membership("anna", "GM0014"));
    EXPECT_EQ(store->memberships_of_person("anna"), (std::vector<std::string>{"GM0935"}));
    EXPECT_TRUE(store->members_of_municipality("GM0014").empty());
}

TEST(MembershipStore, a_new_feed_secret_replaces_the_old_one) {
    auto store = SqliteStore::open(":memory:");
    store->upsert_person({"anna", "Anna", "", Language::nl});
    EXPECT_FALSE(store->feed_secret_created("anna"));
    store->set_feed_secret("anna", std::string(64, 'a'), at(1'800'000'000));
    EXPECT_EQ(store->person_by_feed_hash(std::string(64, 'a')), "anna");
    EXPECT_EQ(store->feed_secret_created("anna"), at(1'800'000'000));
    store->set_feed_secret("anna", std::string(64, 'b'), at(1'800'000'100));
    EXPECT_FALSE(store->person_by_feed_hash(std::string(64, 'a')));  // the old URL is dead
    EXPECT_EQ(store->person_by_feed_hash(std::string(64, 'b')), "anna");
    EXPECT_EQ(store->feed_secret_created("anna"), at(1'800'000'100));
}

TEST(MembershipStore, a_tokens_expiry_and_last_use_are_kept) {
    auto store = SqliteStore::open(":memory:");
    ApiToken t;
    t.hash = std::string(64, 'c');
    t.role = ApiRole::council;
    t.municipalities = {"GM0935"};
    t.label = "griffie";
    t.created_at = at(1'800'000'000);
    t.expires_at = at(1'800'086'400);
    const auto id = store->add_token(t);
    auto stored = store->token_by_hash(t.hash);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->expires_at, t.expires_at);
    EXPECT_FALSE(stored->last_used_at);
    EXPECT_FALSE(stored->expired(at(1'800'086'399)));
    EXPECT_TRUE(stored->expired(at(1'800'086'400)));
    store->set_token_last_used(id, at(1'800'000'500));
    EXPECT_EQ(store->token_by_hash(t.hash)->last_used_at, at(1'800'000'500));
}

}  // namespace
}  // namespace okod
