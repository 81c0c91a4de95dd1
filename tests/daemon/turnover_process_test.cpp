// The real okod and the real okoctl together: a leave announced with `okoctl people
// leave` while okod sleeps is acted on at once (okod watches its store), not at the
// next scheduled wake-up an hour later.
#include <gtest/gtest.h>

#include <csignal>

#include "support/daemon_world.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

TEST(TurnoverProcess, OkodSendsTheHandoverNoticeAtOnceWhenOkoctlAnnouncesALeave) {
    DaemonWorld world(0);  // mail as .eml files
    write_file(world.definitions() / "warm-handover.toml",
               read_file(source_path("workflows/definitions/warm-handover.toml")));
    const auto file = world.dir() / "municipalities" / "GM0935.toml";
    std::string text = read_file(file);
    text.replace(text.find(R"(workflows = ["drill"])"), 21,
                 R"(workflows = ["drill", "warm-handover"])");
    write_file(file, text);

    // Real time: the next thing okod has scheduled (the drill's start at 09:00) is an
    // hour away, so only the store watch can make it send within seconds.
    auto okod = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();

    // Last day 12 March: the hand-over file is due on 2 March, every lead time has
    // passed, so the leaver is told at once.
    const auto r = run_binary(
        "okoctl", {"people", "leave", "maastricht-bram", "--municipality", "GM0935", "--role",
                   "ggd-contact", "--last-day", "2026-03-12", "--config", world.config().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    auto notice_sent = [&] {
        for (const auto& o : world.outbox())
            if (o.person_id == "maastricht-bram" && o.kind == OutboxKind::reminder &&
                o.status == OutboxStatus::sent)
                return true;
        return false;
    };
    ASSERT_TRUE(wait_until(notice_sent, 15s)) << world.log_text();
    // okod's log tells the leave it did not write itself.
    EXPECT_GE(world.log_count("vertrekt als Contactpersoon GGD"), 1) << world.log_text();

    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);
}

}  // namespace
}  // namespace okod::test
