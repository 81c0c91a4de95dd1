// API tokens in the SQLite store: every field survives a round trip, a token is found
// by its hash only, revoking keeps the first time, hashes are unique, and a store made
// by an okod before tokens gains the table on open.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

ApiToken regisseur_token() {
    ApiToken t;
    t.hash = std::string(64, 'a');
    t.role = ApiRole::regisseur;
    t.municipalities = {"GM0935", "GM1883"};
    t.person_id = "maastricht-sanne";
    t.label = "Sanne's laptop \xe2\x80\x94 kantoor";  // an em dash: UTF-8 survives
    t.created_at = at(1'700'000'000);
    return t;
}

TEST(TokenStore, round_trips_every_field) {
    auto store = SqliteStore::open(":memory:");
    ApiToken t = regisseur_token();
    t.last_used_at = at(1'700'000'500);
    t.id = store->add_token(t);
    EXPECT_GT(t.id, 0);

    ApiToken admin;
    admin.hash = std::string(64, 'b');
    admin.role = ApiRole::admin;
    admin.label = "ops";
    admin.created_at = at(1'700'000'100);
    admin.revoked_at = at(1'700'000'200);
    admin.id = store->add_token(admin);

    const auto got = store->token_by_hash(t.hash);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->id, t.id);
    EXPECT_EQ(got->hash, t.hash);
    EXPECT_EQ(got->role, ApiRole::regisseur);
    EXPECT_EQ(got->municipalities, t.municipalities);
    EXPECT_EQ(got->person_id, t.person_id);
    EXPECT_EQ(got->label, t.label);
    EXPECT_EQ(got->created_at, t.created_at);
    EXPECT_FALSE(got->revoked_at);
    EXPECT_EQ(got->last_used_at, t.last_used_at);
    EXPECT_TRUE(got->active());

    const auto all = store->all_tokens();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, t.id);  // ordered by id
    EXPECT_EQ(all[1].id, admin.id);
    EXPECT_EQ(all[1].role, ApiRole::admin);
    EXPECT_TRUE(all[1].municipalities.empty());
    EXPECT_EQ(all[1].person_id, "");
    EXPECT_EQ(all[1].revoked_at, admin.revoked_at);
    EXPECT_FALSE(all[1].last_used_at);
}

TEST(TokenStore, is_found_by_its_hash_only) {
    auto store = SqliteStore::open(":memory:");
    const ApiToken t = regisseur_token();
    store->add_token(t);
    EXPECT_FALSE(store->token_by_hash(std::string(64, 'c')));
    EXPECT_FALSE(store->token_by_hash(""));
    EXPECT_FALSE(store->token_by_hash(std::string(64, 'A')));  // hex is compared as stored
}

TEST(TokenStore, revoking_keeps_the_first_time_and_refuses_unknown_ids) {
    auto store = SqliteStore::open(":memory:");
    const auto id = store->add_token(regisseur_token());
    EXPECT_TRUE(store->revoke_token(id, at(1'700'001'000)));
    EXPECT_TRUE(store->revoke_token(id, at(1'700'002'000)));  // again: still there, unchanged
    const auto got = store->token_by_hash(regisseur_token().hash);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->revoked_at, at(1'700'001'000));
    EXPECT_FALSE(got->active());

    EXPECT_FALSE(store->revoke_token(id + 1, at(1'700'003'000)));
    EXPECT_EQ(store->all_tokens().size(), 1u);
}

TEST(TokenStore, a_hash_is_stored_once) {
    auto store = SqliteStore::open(":memory:");
    store->add_token(regisseur_token());
    EXPECT_THROW(store->add_token(regisseur_token()), SqliteError);
    EXPECT_EQ(store->all_tokens().size(), 1u);
}

TEST(TokenStore, a_store_from_before_tokens_gains_the_table_and_keeps_its_data) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    {
        // Schema version 2, as the okod before tokens left it, with a person in it.
        test::create_store_at_schema_version(file, 2);
        SqliteDb db(file.string());
        db.exec("INSERT INTO people(id, name, email, language) VALUES ('anna', 'Anna', '', 'nl')");
    }
    auto store = SqliteStore::open(file);
    EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
    EXPECT_TRUE(store->person("anna"));
    EXPECT_TRUE(store->all_tokens().empty());
    const auto id = store->add_token(regisseur_token());
    EXPECT_EQ(store->all_tokens().at(0).id, id);
}

}  // namespace
}  // namespace okod
