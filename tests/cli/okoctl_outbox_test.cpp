// `okoctl outbox` on a store okod has written: a table with the counts, JSON lines, and
// precise errors for bad arguments.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/sample_mail.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

OutboxItem item(const std::string& key, OutboxStatus status, int attempts,
                const std::string& error) {
    // 2026-03-02 09:00 CET, to the GGD contact rather than the regisseur.
    OutboxItem o = sample_mail(key, Instant{std::chrono::seconds{1772438400}}, status);
    o.role = "ggd-contact";
    o.person_id = "bram";
    o.recipient = "bram@maastricht.example";
    o.attempts = attempts;
    o.last_error = error;
    return o;
}

class OkoctlOutbox : public ::testing::Test {
protected:
    void SetUp() override {
        auto store = SqliteStore::open(store_path());
        store->enqueue(item("1/reminder/1/0/bram", OutboxStatus::sent, 1, ""));
        store->enqueue(item("1/reminder/0/0/bram", OutboxStatus::pending, 3,
                            "cannot connect to 127.0.0.1:2525: Connection refused"));
        store->enqueue(
            item("1/overdue/-1/0/bram", OutboxStatus::dead, 8, "550 5.1.1 mailbox unavailable"));
    }
    std::filesystem::path store_path() const { return tmp_ / "okod.sqlite"; }
    TempDir tmp_;
};

TEST_F(OkoctlOutbox, ListsEveryItemWithAttemptsAndLastErrorAndCountsPerStatus) {
    const auto r = run_binary("okoctl", {"outbox", "--store", store_path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Connection refused"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("550 5.1.1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 pending, 1 sent, 1 dead"), std::string::npos) << r.out;
}

TEST_F(OkoctlOutbox, FiltersByStatusAndPrintsJsonLines) {
    const auto r = run_binary(
        "okoctl", {"outbox", "--store", store_path().string(), "--status", "dead", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
    EXPECT_NE(r.out.find("\"status\":\"dead\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"attempts\":8"), std::string::npos) << r.out;
}

TEST_F(OkoctlOutbox, ABadStatusIsExitCode2WithTheChoices) {
    const auto r =
        run_binary("okoctl", {"outbox", "--store", store_path().string(), "--status", "gone"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--status must be pending, sent, dead, obsolete or all, not 'gone'"),
              std::string::npos)
        << r.err;
}

TEST_F(OkoctlOutbox, RetryPutsADeadLetterBackInTheQueueToBeSentAtOnce) {
    const auto r = run_binary("okoctl", {"outbox", "retry", "3", "--store", store_path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("mail 3 to bram@maastricht.example (reminder) goes out again"),
              std::string::npos)
        << r.out;
    auto store = SqliteStore::open(store_path());
    const auto retried = store->outbox_item(3);
    ASSERT_TRUE(retried);
    EXPECT_EQ(retried->status, OutboxStatus::pending);
    EXPECT_FALSE(retried->next_attempt_at);  // ready now
    EXPECT_EQ(store->outbox_ready(retried->created_at, 10).size(), 2u);
}

TEST_F(OkoctlOutbox, RetryOfSomethingThatIsNotADeadLetterChangesNothingAndIsExitCode1) {
    const auto r =
        run_binary("okoctl", {"outbox", "retry", "3", "1", "--store", store_path().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("1 is not a dead letter (it is sent); nothing changed"), std::string::npos)
        << r.err;
    auto store = SqliteStore::open(store_path());
    EXPECT_EQ(store->outbox_item(3)->status, OutboxStatus::dead);
    EXPECT_EQ(run_binary("okoctl", {"outbox", "retry", "--store", store_path().string()}).exit_code,
              2);
    const auto missing =
        run_binary("okoctl", {"outbox", "retry", "99", "--store", store_path().string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("99 is not a dead letter (no such e-mail)"), std::string::npos)
        << missing.err;
}

TEST_F(OkoctlOutbox, RetryAllDeadTakesEveryDeadLetter) {
    const auto r =
        run_binary("okoctl", {"outbox", "retry", "--all-dead", "--store", store_path().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 e-mail back in the queue"), std::string::npos) << r.out;
    auto store = SqliteStore::open(store_path());
    EXPECT_TRUE(store->outbox_by_status(OutboxStatus::dead, 10).empty());
}

TEST_F(OkoctlOutbox, AMissingStoreIsExitCode1AndCreatesNothing) {
    const auto missing = tmp_ / "nope" / "okod.sqlite";
    const auto r = run_binary("okoctl", {"outbox", "--store", missing.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no store at"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace okod::test
