// A stakeholder acting on okod's mail in headless Chromium at 390 px (issue 19): the real
// okod on the demo clock with [http] public_url, a real SMTP server (smtp-sink) whose
// files the browser script reads for the sign-in link, Debian's chromium through
// playwright-core (tests/browser/mail_links.mjs, which prints each check). The reminder
// that arrives gives the script its one-click link and its link to the task.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/daemon_world.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

std::string first_match(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string();
}

TEST(MailLinksBrowser, a_stakeholder_completes_from_the_reminder_and_signs_in_by_mail_link) {
    if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
    ASSERT_TRUE(std::filesystem::exists(source_path("tests/browser/node_modules/playwright-core")))
        << "playwright-core is missing: run scripts/install-deps.sh --tests";
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/chromium"))
        << "Debian's chromium is missing: run scripts/install-deps.sh --tests";

    TempDir tmp;
    SmtpSink sink(tmp.path());
    DaemonWorld world(sink.port());
    const int port = free_loopback_port();
    const auto base = fmt::format("http://127.0.0.1:{}", port);
    world.enable_http(port, fmt::format("public_url = \"{}\"\n", base));
    // Ten simulated hours a second brings Bram's reminder within seconds; its link stays
    // valid for 30 simulated days, longer than the script takes.
    auto okod = world.start_okod(36000);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();
    const auto admin = run_binary("okoctl", {"tokens", "create", "--role", "admin", "--label",
                                             "beheer", "--config", world.config().string()});
    ASSERT_EQ(admin.exit_code, 0) << admin.err;

    std::optional<ReceivedMail> reminder;
    ASSERT_TRUE(wait_until(
        [&] {
            for (auto& m : sink.messages())
                if (m.rcpt_to.front() == "bram@maastricht.example" &&
                    m.decoded_subject().find("Herinnering") != std::string::npos)
                    reminder = m;
            return reminder.has_value();
        },
        60s))
        << world.log_text();
    const auto task_id = first_match(reminder->text, R"(/#/taak/(\d+))");
    const auto afgerond = first_match(reminder->text, R"((http\S+/mail/afgerond/[A-Za-z0-9_.-]+))");
    ASSERT_FALSE(task_id.empty()) << reminder->text;
    ASSERT_FALSE(afgerond.empty()) << reminder->text;

    const auto log = tmp.path() / "browser.log";
    ChildProcess node(
        "/usr/bin/env",
        {"node", source_path("tests/browser/mail_links.mjs").string(), "--url", base, "--admin",
         admin.out.substr(0, admin.out.find_first_of("\r\n")), "--afgerond", afgerond, "--task-url",
         base + "/#/taak/" + task_id, "--task-id", task_id, "--email", "bram@maastricht.example",
         "--mail-dir", (tmp.path() / "mail").string()},
        log);
    EXPECT_EQ(node.wait_for(180s), 0) << read_file(log) << world.log_text();
    EXPECT_NE(read_file(log).find("ok: no script errors and no request outside okod"),
              std::string::npos)
        << read_file(log);

    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0) << world.log_text();
}

}  // namespace
}  // namespace okod::test
