// The one-click "Afgerond" link of a reminder (issue 19), against the real okod on the
// demo clock and a real SMTP server: the reminder that arrives links to the task and the
// dashboard at [http] public_url and carries the link; opening it changes nothing; the
// page's button completes the task as the person, once; an altered link, a post from
// another site and, a month later, the expired link are refused and change nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <csignal>
#include <regex>

#include "adapters/auth/base64url.hpp"
#include "support/child_process.hpp"
#include "support/daemon_world.hpp"
#include "support/http_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

constexpr double kSpeed = 36000;  // ten simulated hours a second
const std::vector<std::string> kForm{"Content-Type: application/x-www-form-urlencoded"};

// The reminder (Dutch: "Herinnering") of a drill task to `to`, once it has arrived.
std::optional<ReceivedMail> reminder_to(const SmtpSink& sink, const std::string& to) {
    for (auto& m : sink.messages())
        if (m.rcpt_to.front() == to && m.decoded_subject().find("Herinnering") != std::string::npos)
            return m;
    return std::nullopt;
}

std::string first_match(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : std::string();
}

class MailLinkProcess : public ::testing::Test {
protected:
    void SetUp() override {
        if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
        sink_ = std::make_unique<SmtpSink>(tmp_.path());
        world_ = std::make_unique<DaemonWorld>(sink_->port());
        port_ = free_loopback_port();
        base_ = fmt::format("http://127.0.0.1:{}", port_);
        // With a trailing slash, as people write it: the links have one slash.
        world_->enable_http(port_, fmt::format("public_url = \"{}/\"\n", base_));
    }
    void TearDown() override {
        if (!okod_) return;
        okod_->signal(SIGTERM);
        EXPECT_EQ(okod_->wait_for(20s), 0) << world_->log_text();
    }

    void start(const std::string& clock_start, int starts) {
        okod_ = world_->start_okod(kSpeed, clock_start);
        ASSERT_TRUE(world_->wait_ready(starts)) << world_->log_text();
        if (admin_.empty()) {
            const auto r = run_binary("okoctl", {"tokens", "create", "--role", "admin", "--label",
                                                 "beheer", "--config", world_->config().string()});
            ASSERT_EQ(r.exit_code, 0) << r.err;
            admin_ = r.out.substr(0, r.out.find_first_of("\r\n"));
        }
    }
    void stop() {
        okod_->signal(SIGTERM);
        EXPECT_EQ(okod_->wait_for(20s), 0) << world_->log_text();
        okod_.reset();
    }

    json::value task(const std::string& id) const {
        const auto r = http_request("GET", base_ + "/api/v1/tasks/" + id, "", admin_);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json();
    }
    // What a completion changes of a task (its traffic light moves with the clock).
    std::string closing(const std::string& id) const {
        const auto t = task(id);
        return json::serialize(json::array{t.at("status"), t.at("closed_by"), t.at("closed_at"),
                                           t.at("note"), t.at("due")});
    }
    HttpResult link(const std::string& method, const std::string& token,
                    const std::string& body = "", std::vector<std::string> headers = kForm) const {
        return http_request_with_headers(method, base_ + "/mail/afgerond/" + token, headers, body);
    }

    TempDir tmp_;
    std::unique_ptr<SmtpSink> sink_;
    std::unique_ptr<DaemonWorld> world_;
    std::unique_ptr<ChildProcess> okod_;
    int port_ = 0;
    std::string base_;
    std::string admin_;
};

TEST_F(MailLinkProcess, a_reminders_link_completes_its_task_once_as_its_person_and_nothing_else) {
    start(DaemonWorld::kClockStart, 1);
    // Bram's reminder (kernteam, due on the 4th) comes on the 3rd, Fatima's (scholen) on the 4th.
    std::optional<ReceivedMail> bram, fatima;
    ASSERT_TRUE(wait_until(
        [&] {
            bram = reminder_to(*sink_, "bram@maastricht.example");
            fatima = reminder_to(*sink_, "fatima@maastricht.example");
            return bram && fatima;
        },
        60s))
        << world_->log_text();

    // The mail links to the task and the dashboard at public_url, and carries the link.
    const std::string task_id = first_match(bram->text, R"(/#/taak/(\d+))");
    ASSERT_FALSE(task_id.empty()) << bram->text;
    EXPECT_NE(bram->text.find("De taak in het dashboard: " + base_ + "/#/taak/" + task_id),
              std::string::npos)
        << bram->text;
    EXPECT_NE(bram->text.find("Het dashboard: " + base_ + "/\n"), std::string::npos) << bram->text;
    const std::string token = first_match(bram->text, R"(/mail/afgerond/([A-Za-z0-9_.-]+))");
    ASSERT_FALSE(token.empty()) << bram->text;
    EXPECT_NE(bram->text.find("  Afgerond: " + base_ + "/mail/afgerond/" + token),
              std::string::npos);
    EXPECT_NE(bram->html.find("href=\"" + base_ + "/mail/afgerond/" + token + "\""),
              std::string::npos)
        << bram->html;
    EXPECT_EQ(bram->text.find("regisseur"), std::string::npos) << "no detour via the regisseur";

    // Opening it shows the task and a button, and changes nothing.
    auto r = link("GET", token, "", {});
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.body.find("Kernteam bijeenroepen"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("<form method=\"post\">"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find(">Afgerond</button>"), std::string::npos) << r.body;
    EXPECT_NE(r.headers.find("text/html"), std::string::npos) << r.headers;
    EXPECT_NE(task(task_id).at("status").as_string(), "done");
    EXPECT_EQ(task(task_id).at("closed_by").as_string(), "");

    // A post from another site's form is refused.
    auto evil = kForm;
    evil.push_back("Origin: http://evil.example");
    r = link("POST", token, "note=x", evil);
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_NE(task(task_id).at("status").as_string(), "done");

    // The button: done, as Bram, with the note and "via e-mail-link" in the log.
    auto own = kForm;
    own.push_back("Origin: " + base_);
    r = link("POST", token, "note=Met+de+GGD+besproken", own);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.body.find("Taak afgerond"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("href=\"" + base_ + "/\""), std::string::npos) << r.body;
    const auto done = task(task_id);
    EXPECT_EQ(done.at("status").as_string(), "done");
    EXPECT_EQ(done.at("closed_by").as_string(), "maastricht-bram");
    const auto events =
        http_request("GET", base_ + "/api/v1/events?municipality=GM0935&limit=1000", "", admin_);
    int completions = 0;
    const auto logged = events.json();
    for (const auto& e : logged.at("events").as_array())
        if (e.at("kind").as_string() == "task_done" && e.at("task").as_string() == "kernteam") {
            ++completions;
            EXPECT_EQ(e.at("person").as_string(), "maastricht-bram");
            EXPECT_EQ(e.at("note").as_string(), "via e-mail-link: Met de GGD besproken");
        }
    EXPECT_EQ(completions, 1) << events.body;

    // Again: refused, nothing changes.
    r = link("POST", token, "note=nog+eens");
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_NE(r.body.find("al gebruikt"), std::string::npos) << r.body;
    EXPECT_EQ(closing(task_id),
              json::serialize(json::array{done.at("status"), done.at("closed_by"),
                                          done.at("closed_at"), done.at("note"), done.at("due")}));
    EXPECT_EQ(link("GET", token, "", {}).status, 409);
    EXPECT_EQ(world_->log_text().find(token), std::string::npos) << "the log keeps no link";

    // Fatima's link altered to name Joost's task (its signature kept): refused.
    const std::string fatima_token =
        first_match(fatima->text, R"(/mail/afgerond/([A-Za-z0-9_.-]+))");
    const std::string fatima_task = first_match(fatima->text, R"(/#/taak/(\d+))");
    ASSERT_FALSE(fatima_token.empty()) << fatima->text;
    const auto tasks =
        http_request("GET", base_ + "/api/v1/tasks?municipality=GM0935&limit=100", "", admin_);
    std::string joost_task;
    const auto listed = tasks.json();
    for (const auto& t : listed.at("tasks").as_array())
        if (t.at("key").as_string() == "jaarplan")
            joost_task = std::to_string(t.at("id").as_int64());
    ASSERT_FALSE(joost_task.empty()) << tasks.body;
    const auto dot = fatima_token.find('.');
    std::string payload = *base64url_decode(fatima_token.substr(0, dot));
    payload.replace(payload.find("|" + fatima_task + "|"), fatima_task.size() + 2,
                    "|" + joost_task + "|");
    const std::string altered = base64url(payload) + fatima_token.substr(dot);
    const auto joost_before = closing(joost_task);
    EXPECT_EQ(link("GET", altered, "", {}).status, 404);
    r = link("POST", altered, "note=x");
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_NE(r.body.find("Deze link werkt niet"), std::string::npos) << r.body;
    EXPECT_EQ(closing(joost_task), joost_before);
    EXPECT_EQ(link("POST", "nonsense", "").status, 404);

    // A month and more later Fatima's own link has expired: refused, her task still open.
    stop();
    start("2026-04-20T08:00:00+02:00", 2);
    const auto fatima_before = closing(fatima_task);
    EXPECT_NE(task(fatima_task).at("status").as_string(), "done");
    EXPECT_EQ(link("GET", fatima_token, "", {}).status, 410);
    r = link("POST", fatima_token, "note=x");
    EXPECT_EQ(r.status, 410) << r.body;
    EXPECT_NE(r.body.find("verlopen"), std::string::npos) << r.body;
    EXPECT_EQ(closing(fatima_task), fatima_before);
}

}  // namespace
}  // namespace okod::test
