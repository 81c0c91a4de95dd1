// Nothing twice, nothing lost, when the store is what fails: the real okod on a real
// SQLite file, sending to postfix's smtp-sink, with the store's disk full, the store
// locked by another process past the busy timeout, a second okod on the same store, the
// store deleted, replaced or damaged. What arrived is counted at the SMTP server, by
// okod's message key (X-Okod-Key), against what okod's outbox says it sent.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <map>
#include <thread>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "support/daemon_world.hpp"
#include "support/http_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "support/tmpfs_mount.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

// The drill's ten simulated days pass in about fifteen seconds.
constexpr double kSpeed = 60000;

std::map<std::string, int> received_per_key(const SmtpSink& sink) {
    std::map<std::string, int> per_key;
    for (const auto& m : sink.messages()) ++per_key[m.okod_key()];
    return per_key;
}

// Everything okod decided has gone out (nothing pending), and the SMTP server has as
// many messages as the outbox says were sent.
bool settled(const DaemonWorld& world, const SmtpSink& sink) {
    std::size_t sent = 0;
    for (const auto& o : world.outbox()) {
        if (o.status == OutboxStatus::pending) return false;
        if (o.status == OutboxStatus::sent) ++sent;
    }
    return sent > 0 && sink.message_count() == sent;
}

// Each message okod recorded as sent arrived exactly once, and nothing else arrived.
void expect_each_sent_message_arrived_once(const DaemonWorld& world, const SmtpSink& sink) {
    auto per_key = received_per_key(sink);
    int sent = 0;
    for (const auto& o : world.outbox()) {
        EXPECT_NE(o.status, OutboxStatus::dead) << o.key << ": " << o.last_error;
        if (o.status != OutboxStatus::sent) continue;
        ++sent;
        EXPECT_EQ(per_key[o.key], 1) << o.key;
        per_key.erase(o.key);
    }
    EXPECT_GT(sent, 50);  // mail flowed: some 15 messages a municipality
    for (const auto& [key, count] : per_key)
        ADD_FAILURE() << key << " arrived " << count << "x but is not sent";
}

// Once the drill's days have passed on okod's clock (a real-time deadline: the clock
// runs kSpeed times faster), until everything is out.
bool wait_for_the_drill_to_end(const DaemonWorld& world, const SmtpSink& sink,
                               std::chrono::steady_clock::time_point started) {
    const auto drill_over =
        started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                      std::chrono::duration<double>(10 * 86400 / kSpeed));
    return wait_until(
        [&] { return std::chrono::steady_clock::now() > drill_over && settled(world, sink); },
        120s);
}

TEST(StorageFaults, OnAFullDiskOkodPausesEmailAndSendsEachMessageOnceWhenThereIsRoomAgain) {
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
    TempDir tmp;
    SmtpSink sink(tmp.path());
    DaemonWorld world(sink.port(), 9);
    const int port = free_loopback_port();
    world.enable_http(port);
    TmpfsMount disk(world.dir() / "state", 64u << 20);
    if (!disk.ok()) GTEST_SKIP() << disk.why();

    const auto started = std::chrono::steady_clock::now();
    auto okod = world.start_okod(kSpeed);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();
    ASSERT_TRUE(sink.wait_for_messages(5, 30s)) << world.log_text();

    ASSERT_GT(disk.fill(), 0u);
    ASSERT_TRUE(
        wait_until([&] { return world.log_count("the store cannot be written") >= 1; }, 20s))
        << world.log_text();
    const auto ready = http_request("GET", fmt::format("http://127.0.0.1:{}/ready", port));
    EXPECT_EQ(ready.status, 503) << ready.body;
    EXPECT_NE(ready.body.find("cannot be written"), std::string::npos) << ready.body;
    const auto okoctl =
        run_binary("okoctl", {"outbox", "--config", world.config().string(), "--limit", "1"});
    EXPECT_NE(okoctl.err.find("okod is not sending: the store cannot be written"),
              std::string::npos)
        << okoctl.err;

    // The old okod sent the message it could not record again at once, thousands of
    // times a second: a second of full disk shows it.
    const auto during = sink.message_count();
    std::this_thread::sleep_for(1500ms);
    EXPECT_LE(sink.message_count(), during + 1);
    for (const auto& [key, count] : received_per_key(sink))
        EXPECT_EQ(count, 1) << key << " during the fault";

    disk.drain();
    ASSERT_TRUE(wait_for_the_drill_to_end(world, sink, started)) << world.log_text();
    EXPECT_EQ(http_request("GET", fmt::format("http://127.0.0.1:{}/ready", port)).status, 200);
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);

    expect_each_sent_message_arrived_once(world, sink);
    EXPECT_EQ(world.log_count("the store is writable again"), 1) << world.log_text();
    // Said once, not at every retry (a changed error text may say it again).
    EXPECT_LE(world.log_count("the store cannot be written ("), 3) << world.log_text();
}

TEST(StorageFaults, AStoreLockedByAnotherProcessHoldsEmailBackAndLosesNone) {
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
    TempDir tmp;
    SmtpSink sink(tmp.path());
    DaemonWorld world(sink.port(), 9);

    const auto started = std::chrono::steady_clock::now();
    auto okod = world.start_okod(kSpeed);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();
    ASSERT_TRUE(sink.wait_for_messages(5, 30s)) << world.log_text();
    {
        // Another program takes the write lock for longer than okod's busy timeout (5 s).
        SqliteDb other(world.store().string());
        other.set_busy_timeout(10000);  // okod's own transactions are short
        other.exec("BEGIN IMMEDIATE");
        ASSERT_TRUE(
            wait_until([&] { return world.log_count("the store cannot be written") >= 1; }, 20s))
            << world.log_text();
        const auto during = sink.message_count();
        std::this_thread::sleep_for(1s);
        EXPECT_LE(sink.message_count(), during + 1);
        other.exec("COMMIT");
    }
    ASSERT_TRUE(wait_for_the_drill_to_end(world, sink, started)) << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);

    expect_each_sent_message_arrived_once(world, sink);
    EXPECT_GE(world.log_count("the store is writable again"), 1) << world.log_text();
}

TEST(StorageFaults, ASecondOkodOnTheSameStoreExitsNamingTheFirstAndOkoctlStillWorks) {
    TempDir tmp;
    DaemonWorld world(0);
    auto first = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();

    const auto second_log = tmp.path() / "second.log";
    ChildProcess second(binary_path("okod"), {"run", "--config", world.config().string()},
                        second_log);
    EXPECT_EQ(second.wait_for(20s), 1);
    const auto said = read_file(second_log);
    EXPECT_NE(said.find(fmt::format("another okod (pid {}", first->pid())), std::string::npos)
        << said;
    EXPECT_NE(said.find(world.store().string()), std::string::npos) << said;

    EXPECT_TRUE(first->running());
    const auto okoctl = run_binary("okoctl", {"outbox", "--config", world.config().string()});
    EXPECT_EQ(okoctl.exit_code, 0) << okoctl.err;

    // The lock goes with the process, however it ends: after kill -9 okod starts again.
    first->kill_hard();
    auto again = world.start_okod(1);
    EXPECT_TRUE(world.wait_ready(2)) << world.log_text();
}

TEST(StorageFaults, OkodStopsWhenItsStoreIsDeleted) {
    DaemonWorld world(0);
    auto okod = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();

    std::filesystem::remove(world.store());

    EXPECT_EQ(okod->wait_for(20s), 1) << world.log_text();
    EXPECT_GE(world.log_count("was deleted while okod ran"), 1) << world.log_text();
}

TEST(StorageFaults, OkodStopsWhenItsStoreIsReplacedSoThatItCanStartOnTheNewFile) {
    DaemonWorld world(0);
    auto okod = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();

    // A restored backup moved into place, as an administrator would do it.
    const auto backup = world.dir() / "state" / "backup.sqlite";
    SqliteDb(world.store().string()).exec(fmt::format("VACUUM INTO '{}'", backup.string()));
    std::filesystem::rename(backup, world.store());

    EXPECT_EQ(okod->wait_for(20s), 1) << world.log_text();
    EXPECT_GE(world.log_count("was replaced by another file"), 1) << world.log_text();
    auto restarted = world.start_okod(1);
    EXPECT_TRUE(world.wait_ready(2)) << world.log_text();
}

// Overwrites the header of the events table's root page with garbage: a page every
// check reads (a page in the middle of the file might be a free one, which none does).
void damage_the_event_log(const std::filesystem::path& file) {
    std::int64_t page = 0, page_size = 0;
    {
        SqliteDb db(file.string());
        auto root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'events'");
        ASSERT_TRUE(root.step());
        page = root.column_int64(0);
        auto size = db.prepare("PRAGMA page_size");
        ASSERT_TRUE(size.step());
        page_size = size.column_int64(0);
    }
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>((page - 1) * page_size));
    const std::string garbage(64, '\x7f');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    ASSERT_TRUE(f.good());
}

TEST(StorageFaults, ADamagedStoreIsRefusedAtStartWithAdviceAndOkoctlStoreCheckListsIt) {
    DaemonWorld world(0);
    // A store with a year in it, closed (its WAL checkpointed into the file).
    const auto made =
        run_binary("okod", {"simulate", "--config", world.config().string(), "--from", "2026-03-02",
                            "--to", "2027-03-01", "--store", world.store().string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const auto sound =
        run_binary("okoctl", {"store", "check", "--config", world.config().string()});
    EXPECT_EQ(sound.exit_code, 0) << sound.err;
    EXPECT_NE(sound.out.find("ok: "), std::string::npos) << sound.out;

    damage_the_event_log(world.store());

    const auto check =
        run_binary("okoctl", {"store", "check", "--config", world.config().string()});
    EXPECT_EQ(check.exit_code, 1) << check.out;
    EXPECT_NE(check.err.find("is damaged"), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("Restore the last backup"), std::string::npos) << check.err;

    auto okod = world.start_okod(1);
    EXPECT_EQ(okod->wait_for(20s), 1) << world.log_text();
    EXPECT_GE(world.log_count("is damaged"), 1) << world.log_text();
    EXPECT_GE(world.log_count("okoctl store check"), 1) << world.log_text();
    EXPECT_EQ(world.log_count("ready: "), 0) << world.log_text();
}

TEST(StorageFaults, TheStoreIsCheckedAtStartUnlessOkodStoppedCleanlyAndNothingTouchedItSince) {
    DaemonWorld world(0);
    auto first = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();
    first->signal(SIGTERM);
    ASSERT_EQ(first->wait_for(20s), 0) << world.log_text();

    auto second = world.start_okod(1);  // after a clean stop: not read page by page again
    ASSERT_TRUE(world.wait_ready(2)) << world.log_text();
    EXPECT_EQ(world.log_count("as okod left it at its clean stop, not checked again"), 1)
        << world.log_text();
    second->kill_hard();

    auto third = world.start_okod(1);  // after kill -9: checked
    ASSERT_TRUE(world.wait_ready(3)) << world.log_text();
    EXPECT_EQ(world.log_count("quick_check passed"), 1)
        << world.log_text();  // the first made the store
    third->signal(SIGTERM);
    ASSERT_EQ(third->wait_for(20s), 0) << world.log_text();

    // okoctl wrote to the store while okod was down: checked.
    const auto r = run_binary("okoctl", {"people", "add", "nieuw", "--name", "Nieuw", "--config",
                                         world.config().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto fourth = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(4)) << world.log_text();
    EXPECT_EQ(world.log_count("quick_check passed"), 2) << world.log_text();
}

TEST(MailOutage, AMailServerDownFor72HoursLosesNoReminderAndSendsEachOnce) {
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
    TempDir tmp;
    SmtpSinkOptions down;
    down.start = false;
    SmtpSink sink(tmp.path(), down);
    DaemonWorld world(sink.port(), 3);
    const auto expected = world.expected_keys();

    const auto started = std::chrono::steady_clock::now();
    auto okod = world.start_okod(kSpeed);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();
    // 72 simulated hours from the first failed attempt, on okod's clock.
    ASSERT_TRUE(wait_until([&] { return world.log_count("not sent (attempt 1)") > 0; }, 30s))
        << world.log_text();
    std::this_thread::sleep_for(std::chrono::duration<double>(72 * 3600 / kSpeed));
    sink.start();

    ASSERT_TRUE(wait_for_the_drill_to_end(world, sink, started)) << world.log_text();
    ASSERT_TRUE(world.all_sent(expected)) << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);

    expect_each_sent_message_arrived_once(world, sink);
    const auto per_key = received_per_key(sink);
    for (const auto& key : expected) EXPECT_EQ(per_key.count(key) ? per_key.at(key) : 0, 1) << key;
    const auto dead =
        run_binary("okoctl", {"outbox", "--config", world.config().string(), "--status", "dead"});
    EXPECT_NE(dead.out.find(", 0 dead"), std::string::npos) << dead.out;
}

}  // namespace
}  // namespace okod::test
