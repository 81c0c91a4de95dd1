// The real okod process on an accelerated clock, with a real SMTP server (postfix's
// smtp-sink) on 127.0.0.1: reminders arrive at the right people in Dutch, survive a
// mail outage, and a broken definition on SIGHUP leaves the running ones in charge.
#include <gtest/gtest.h>

#include <csignal>
#include <map>

#include "support/daemon_world.hpp"
#include "support/smtp_sink.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

// 36,000 simulated seconds per real second: the drill's week takes about 17 s.
constexpr double kSpeed = 36000;

std::map<std::string, int> received_per_key(const SmtpSink& sink) {
    std::map<std::string, int> n;
    for (const auto& m : sink.messages()) ++n[m.okod_key()];
    return n;
}

TEST(OkodProcess, RemindersReachTheRoleHoldersByMailInDutchOrTheirOwnLanguage) {
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
    TempDir tmp;
    SmtpSink sink(tmp.path());
    DaemonWorld world(sink.port());
    const auto expected = world.expected_keys();
    ASSERT_GE(expected.size(), 40u);

    auto okod = world.start_okod(kSpeed);
    ASSERT_TRUE(wait_until([&] { return world.all_sent(expected); }, 90s)) << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0) << world.log_text();

    const auto mails = sink.messages();
    ASSERT_EQ(mails.size(), expected.size());
    bool saw_dutch_reminder = false, saw_english = false, saw_escalation = false;
    for (const auto& m : mails) {
        ASSERT_EQ(m.rcpt_to.size(), 1u);
        const std::string subject = m.decoded_subject();
        const std::string to = m.rcpt_to.front();
        if (to == "bram@maastricht.example" &&
            m.text.find("Kernteam bijeenroepen") != std::string::npos &&
            m.text.find("Maastricht") != std::string::npos &&
            subject.find("Herinnering") != std::string::npos) {
            saw_dutch_reminder = true;
            EXPECT_NE(m.text.find("Contactpersoon GGD"), std::string::npos) << m.text;
            EXPECT_NE(m.text.find("maart 2026"), std::string::npos) << m.text;
            EXPECT_NE(m.text.find("Oefentraject"), std::string::npos) << m.text;
            EXPECT_FALSE(m.html.empty());
        }
        if (to == "joost@groningen.example") {  // Joost reads English
            EXPECT_NE(m.text.find("Draft the year plan"), std::string::npos) << m.text;
            saw_english = true;
        }
        if (to == "sanne@utrecht.example" && subject.find("Escalatie") != std::string::npos &&
            m.text.find("Scholen informeren") != std::string::npos) {
            saw_escalation = true;  // the regisseur hears that the schools task is overdue,
            // and whom to call about it
            EXPECT_NE(m.text.find("Fatima Scholen (fatima@utrecht.example)"), std::string::npos)
                << m.text;
        }
        EXPECT_EQ(m.header("From").find("oko@regio.example") != std::string::npos, true);
    }
    EXPECT_TRUE(saw_dutch_reminder);
    EXPECT_TRUE(saw_english);
    EXPECT_TRUE(saw_escalation);
    for (const auto& [key, n] : received_per_key(sink)) {
        EXPECT_TRUE(expected.count(key)) << "unexpected mail " << key;
        EXPECT_EQ(n, 1) << key;
    }
}

TEST(OkodProcess, AMailOutageIsRetriedWithBackoffAndEveryReminderArrivesOnce) {
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
    TempDir tmp;
    SmtpSinkOptions down;
    down.start = false;  // the mail server is down when the first reminders fall due
    SmtpSink sink(tmp.path(), down);
    DaemonWorld world(sink.port());
    const auto expected = world.expected_keys();

    auto okod = world.start_okod(kSpeed);
    const auto retried = [&] {
        int n = 0;
        for (const auto& o : world.outbox())
            if (o.status == OutboxStatus::pending && o.attempts >= 2) ++n;
        return n >= 3;
    };
    ASSERT_TRUE(wait_until(retried, 60s)) << world.log_text();

    // The retries are visible to the administrator.
    const auto listing = run_binary(
        "okoctl", {"outbox", "--config", world.config().string(), "--status", "pending"});
    EXPECT_EQ(listing.exit_code, 0) << listing.err;
    EXPECT_NE(listing.out.find("Connection refused"), std::string::npos) << listing.out;
    EXPECT_NE(listing.out.find("pending"), std::string::npos) << listing.out;

    sink.start();
    ASSERT_TRUE(wait_until([&] { return world.all_sent(expected); }, 90s)) << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);

    const auto per_key = received_per_key(sink);
    EXPECT_EQ(per_key.size(), expected.size());
    for (const auto& key : expected) EXPECT_EQ(per_key.count(key) ? per_key.at(key) : 0, 1) << key;
    int retried_items = 0;
    for (const auto& o : world.outbox()) {
        EXPECT_EQ(o.status, OutboxStatus::sent) << o.key;
        if (o.attempts > 1) ++retried_items;
    }
    EXPECT_GE(retried_items, 3);
}

TEST(OkodProcess, SighupWithABrokenDefinitionKeepsTheRunningOnesAndSaysWhereTheErrorIs) {
    DaemonWorld world(0);  // mail to a directory: this test is about the reload
    auto okod = world.start_okod(kSpeed);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();

    // Line 14 has a due rule with an unknown unit.
    write_file(world.definitions() / "broken.toml", R"(id = "broken"
version = 1
initial = "a"
name = { nl = "Kapot" }
[start]
at = "trajectory_start"
[[states]]
id = "a"
name = { nl = "A" }
  [[states.tasks]]
  id = "t"
  title = { nl = "T" }
  role = "regisseur"
  due = { after = "started", fortnights = 2 }
)");
    okod->signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] { return world.log_count("reload failed") == 1; }, 20s))
        << world.log_text();
    const std::string log = world.log_text();
    EXPECT_NE(log.find("broken.toml:14:"), std::string::npos) << log;
    EXPECT_TRUE(okod->running());

    // Still at work with the old definitions: the drill's tasks keep being created.
    ASSERT_TRUE(wait_until([&] { return world.outbox().size() >= 6; }, 30s)) << world.log_text();

    // Fixed: the next SIGHUP takes it.
    std::filesystem::remove(world.definitions() / "broken.toml");
    okod->signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] { return world.log_count("reloaded: ") == 1; }, 20s))
        << world.log_text();

    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);
    EXPECT_NE(world.log_text().find("stopped"), std::string::npos);
}

TEST(OkodProcess, ABrokenConfigStopsTheStartWithFileAndLineAndExitCode1) {
    DaemonWorld world(0);
    write_file(world.dir() / "municipalities" / "GM0014.toml", "code = \"GM0014\"\nname = 42\n");
    const auto r = run_binary("okod", {"run", "--config", world.config().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("GM0014.toml:2:"), std::string::npos) << r.err;
}

TEST(OkodProcess, ABadClockOptionIsRefusedWithExitCode2) {
    DaemonWorld world(0);
    const auto r =
        run_binary("okod", {"run", "--config", world.config().string(), "--clock", "gisteren"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--clock 'gisteren'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace okod::test
