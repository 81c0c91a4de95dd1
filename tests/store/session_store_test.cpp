// Browser sessions and sign-in links in the SQLite store (issue 19): a link is used
// once and never after its expiry, a session's idle expiry only moves forward, logout
// and housekeeping delete what ended.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {
namespace {

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

std::unique_ptr<SqliteStore> store_with_sanne() {
    auto store = SqliteStore::open(":memory:");
    store->upsert_person(
        {"maastricht-sanne", "Sanne Vermeulen", "s@maastricht.example", Language::nl});
    return store;
}

TEST(SessionStore, a_link_is_used_once_and_not_after_it_expired) {
    auto store = store_with_sanne();
    store->add_sign_in_link({std::string(64, 'a'), "maastricht-sanne", at(1000), at(1900), {}});
    store->add_sign_in_link({std::string(64, 'b'), "maastricht-sanne", at(1000), at(1900), {}});
    EXPECT_TRUE(store->consume_sign_in_link(std::string(64, 'a'), at(1100)));
    EXPECT_FALSE(store->consume_sign_in_link(std::string(64, 'a'), at(1101)));  // twice: no
    EXPECT_EQ(store->sign_in_link(std::string(64, 'a'))->used_at, at(1100));
    EXPECT_FALSE(store->consume_sign_in_link(std::string(64, 'b'), at(1900)));  // expired
    EXPECT_FALSE(store->consume_sign_in_link(std::string(64, 'c'), at(1100)));  // unknown
}

TEST(SessionStore, idle_expiry_moves_forward_and_ended_sessions_go) {
    auto store = store_with_sanne();
    Session s{0, std::string(64, 'd'), "maastricht-sanne", at(1000), at(1000), at(2000), at(5000)};
    s.id = store->add_session(s);
    store->touch_session(s.id, at(1500), at(2500));
    store->touch_session(s.id, at(1400), at(2400));  // a late, older touch changes nothing
    auto read = store->session_by_hash(s.hash);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->idle_expires_at, at(2500));
    EXPECT_EQ(read->ends_at(), at(2500));
    EXPECT_TRUE(read->expired(at(2500)));

    Session other = s;
    other.hash = std::string(64, 'e');
    other.idle_expires_at = at(9000);
    store->add_session(other);
    EXPECT_EQ(store->delete_ended_sessions(at(3000)), 1);  // s ended at 2500
    EXPECT_FALSE(store->session_by_hash(s.hash));
    EXPECT_TRUE(store->delete_session(other.hash));
    EXPECT_FALSE(store->delete_session(other.hash));
}

}  // namespace
}  // namespace okod
