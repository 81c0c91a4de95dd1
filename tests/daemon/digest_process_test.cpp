// One mail per person per day with the real okod process and a real SMTP server
// (postfix's smtp-sink), killed with SIGKILL while the mail goes out (see crash_test.cpp
// for what a kill can and cannot repeat).
//
// The rule (issue 20): a person's reminders that fall due on one day come as one mail
// listing them all. Here the GGD contact of each municipality has two tasks due two
// days after the start, each reminded the day before and on the day: so two digests
// per municipality (one each day, with both tasks), and the two overdue notices at the
// deadline as mails of their own. Nothing lost, nothing twice across the kills: every
// mail arrives, a repeat only for a mail in flight at a kill, with one Message-ID.
#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <set>

#include "support/daemon_world.hpp"
#include "support/smtp_sink.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

const char* kMeeting = R"(id = "drill"
version = 1
initial = "werk"
name = { nl = "Inhoudelijk overleg", en = "Content meeting" }

[start]
at = "trajectory_start"

[[states]]
id = "werk"
name = { nl = "Voorbereiding", en = "Preparation" }

  [[states.tasks]]
  id = "agenda"
  title = { nl = "Agenda van het overleg opstellen", en = "Draft the agenda" }
  role = "ggd-contact"
  due = { after = "started", days = 2 }
  remind_days = [1, 0]

  [[states.tasks]]
  id = "cijfers"
  title = { nl = "Cijfers voor het overleg aanleveren", en = "Send the figures" }
  role = "ggd-contact"
  due = { after = "started", days = 2 }
  remind_days = [1, 0]

[[states]]
id = "klaar"
name = { nl = "Klaar", en = "Done" }
final = true

[[transitions]]
from = "werk"
to = "klaar"
on = "all_tasks_done"
)";

TEST(DigestProcess, KilledWhileDigestsGoOutEveryMailArrivesAndNoneTwiceButTheOneInFlight) {
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
    TempDir tmp;
    SmtpSink sink(tmp.path());
    constexpr int kMunicipalities = 12;
    DaemonWorld world(sink.port(), kMunicipalities - 3);
    write_file(world.definitions() / "drill.toml", kMeeting);
    const auto expected = world.expected_keys();       // the outbox rows okod decides on
    ASSERT_EQ(expected.size(), 6u * kMunicipalities);  // 4 reminders, 2 overdue notices

    constexpr double kSpeed = 60000;  // as crash_test.cpp: restarts change no decision
    constexpr int kRounds = 4;
    for (int round = 0; round < kRounds; ++round) {
        const auto before = sink.message_count();
        auto okod = world.start_okod(kSpeed);
        ASSERT_TRUE(world.wait_ready(round + 1)) << world.log_text();
        // Killed right after this start delivered something: mail is flowing.
        sink.wait_for_messages(before + 1, 2s);
        okod->kill_hard();
    }
    auto okod = world.start_okod(kSpeed);
    ASSERT_TRUE(world.wait_ready(kRounds + 1)) << world.log_text();
    ASSERT_TRUE(wait_until([&] { return world.all_sent(expected); }, 120s)) << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);

    std::map<std::string, int> per_key;
    std::map<std::string, std::set<std::string>> message_ids;
    int digests = 0;
    for (const auto& m : sink.messages()) {
        const std::string key = m.okod_key();
        if (++per_key[key] == 1 && key.rfind("digest/", 0) == 0) {
            ++digests;
            EXPECT_NE(m.text.find("Agenda van het overleg opstellen"), std::string::npos) << m.text;
            EXPECT_NE(m.text.find("Cijfers voor het overleg aanleveren"), std::string::npos)
                << m.text;
            EXPECT_NE(m.decoded_subject().find("Herinnering: 2 taken"), std::string::npos)
                << m.decoded_subject();
        }
        message_ids[key].insert(m.message_id());
    }
    // Per municipality: a digest on each of the two days, and the two overdue notices.
    EXPECT_EQ(digests, 2 * kMunicipalities);
    EXPECT_EQ(per_key.size(), 4u * kMunicipalities);
    int duplicates = 0;
    for (const auto& [key, n] : per_key) duplicates += n - 1;
    EXPECT_LE(duplicates, kRounds);
    for (const auto& [key, ids] : message_ids) EXPECT_EQ(ids.size(), 1u) << key;
    // Every reminder row went in a digest; every overdue notice alone.
    for (const auto& o : world.outbox())
        EXPECT_EQ(o.digest_id.has_value(), o.kind == OutboxKind::reminder) << o.key;
}

}  // namespace
}  // namespace okod::test
