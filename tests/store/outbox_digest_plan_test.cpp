// Gathering a person's reminders for a digest must cost that person's rows, not the
// whole outbox: at 09:00 thousands of reminders can wait for their first attempt, and
// behind a mail server that is down the queue grows for days. The query is the one
// SqliteStore::outbox_digest_candidates runs (sqlite_outbox_store.cpp); SQLite refuses
// to prepare it when the index named cannot answer it.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/query_plan.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

TEST(OutboxDigestPlan, a_persons_waiting_reminders_are_read_from_their_own_index) {
    TempDir dir;
    { auto store = SqliteStore::open(dir / "okod.sqlite"); }
    const auto plan = query_plan(
        dir / "okod.sqlite",
        "SELECT id FROM outbox INDEXED BY outbox_digest_candidates WHERE status = 'pending' AND "
        "next_attempt_at IS NULL AND "
        "person_id = 'sanne' AND kind = 'reminder' AND digest_id IS NULL ORDER BY id LIMIT 50");
    EXPECT_TRUE(full_scans(plan, {"outbox"}).empty());
    ASSERT_FALSE(plan.empty());
    EXPECT_NE(plan[0].find("USING INDEX outbox_digest_candidates (person_id=?)"), std::string::npos)
        << plan[0];
}

}  // namespace
}  // namespace okod::test
