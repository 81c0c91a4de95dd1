// A sign-in link asked for while the mail server is down (issue 19), against the real
// okod and a real SMTP server (postfix's smtp-sink) that is stopped and started again:
// the form answers as always; the mail waits in the outbox and, once the server is
// back, arrives once with a link that works, made when it went out. A request older
// than a link works ([auth] link_minutes) is dropped instead of mailing a link that
// would arrive expired. The request's age is moved by editing the store, as a long
// outage would leave it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <regex>

#include "adapters/sqlite/sqlite_db.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "time/clock.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* kBram = "bram.hendriks@ggdzl.example";
constexpr const char* kLotte = "lotte.janssen@maastricht.example";

class SignInOutage : public ::testing::Test {
protected:
    void SetUp() override {
        if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
        sink_ = std::make_unique<SmtpSink>(work_.path());
        // A failed attempt is tried again after a second, not the demo's minute.
        okod_ = std::make_unique<ApiDaemon>(
            "2026-03-02T09:00:00+01:00", "",
            [](const std::filesystem::path& dir) {
                write_file(dir / "okod.toml",
                           read_file(dir / "okod.toml") + "[outbox]\nfirst_retry_seconds = 1\n");
            },
            sink_->port());
        ASSERT_TRUE(okod_->ready()) << okod_->log();
    }

    std::int64_t count(const std::string& query) const {
        SqliteDb db((okod_->dir() / "state/okod.sqlite").string());
        db.set_busy_timeout(5000);
        auto s = db.prepare(query);
        return s.step() ? s.column_int64(0) : -1;
    }
    void sql(const std::string& statement) const {
        SqliteDb db((okod_->dir() / "state/okod.sqlite").string());
        db.set_busy_timeout(5000);
        db.exec(statement);
    }
    HttpResult ask_link(const std::string& email) const {
        return http_request_with_headers("POST", okod_->url() + "/auth/link",
                                         {"Content-Type: application/json"},
                                         fmt::format(R"({{"email": "{}"}})", email));
    }
    std::int64_t failed_attempts(const std::string& email) const {
        return count(
            "SELECT coalesce(sum(attempts), 0) FROM outbox WHERE kind = 'sign_in' AND "
            "status = 'pending' AND recipient = '" +
            email + "'");
    }
    std::vector<std::string> links_to(const std::string& address) const {
        std::vector<std::string> links;
        for (const auto& m : sink_->messages()) {
            std::smatch found;
            if (m.rcpt_to.front() == address &&
                std::regex_search(m.text, found, std::regex("/auth/link/okodlink_[A-Za-z0-9_-]+")))
                links.push_back(found.str());
        }
        return links;
    }

    TempDir work_;
    std::unique_ptr<SmtpSink> sink_;
    std::unique_ptr<ApiDaemon> okod_;
};

TEST_F(SignInOutage, the_link_arrives_once_when_the_server_is_back_and_works) {
    const auto usual = ask_link(kLotte);
    ASSERT_EQ(usual.status, 202);
    ASSERT_TRUE(wait_until([&] { return links_to(kLotte).size() == 1; }, 10s));

    sink_->stop();
    const auto asked = ask_link(kBram);
    EXPECT_EQ(asked.status, 202) << asked.body;
    EXPECT_EQ(asked.body, usual.body) << "the form says the same during an outage";
    // Tried and failed at least twice, and kept.
    ASSERT_TRUE(wait_until([&] { return failed_attempts(kBram) >= 2; }, 20s)) << okod_->log();

    sink_->start();
    ASSERT_TRUE(wait_until([&] { return !links_to(kBram).empty(); }, 20s)) << okod_->log();
    EXPECT_TRUE(wait_until(
        [&] {
            return count(
                       "SELECT count(*) FROM outbox WHERE kind = 'sign_in' AND status = "
                       "'sent' AND recipient = '" +
                       std::string(kBram) + "'") == 1;
        },
        10s));
    EXPECT_EQ(links_to(kBram).size(), 1u) << "one mail, not one per attempt";

    const auto used = http_request("POST", okod_->url() + links_to(kBram).front());
    EXPECT_EQ(used.status, 303) << used.body;
    EXPECT_NE(used.headers.find("okod_session=okodsess_"), std::string::npos) << used.headers;
}

TEST_F(SignInOutage, a_request_older_than_a_link_works_is_dropped_not_sent_expired) {
    sink_->stop();
    ASSERT_EQ(ask_link(kBram).status, 202);
    ASSERT_TRUE(wait_until([&] { return failed_attempts(kBram) >= 1; }, 20s)) << okod_->log();
    // The outage has lasted longer than a link works (15 minutes in the demo).
    const auto sixteen_minutes_ago = SystemClock().now() - 16min;
    sql(fmt::format("UPDATE outbox SET created_at = {} WHERE kind = 'sign_in'",
                    sixteen_minutes_ago.time_since_epoch().count()));

    sink_->start();
    ASSERT_TRUE(wait_until(
        [&] {
            return count(
                       "SELECT count(*) FROM outbox WHERE kind = 'sign_in' AND status = "
                       "'obsolete'") == 1;
        },
        20s))
        << okod_->log();
    EXPECT_TRUE(links_to(kBram).empty()) << "no link that would arrive expired";
    // Asking again is the way: its link comes at once.
    sql("DELETE FROM sign_in_requests");
    ASSERT_EQ(ask_link(kBram).status, 202);
    EXPECT_TRUE(wait_until([&] { return links_to(kBram).size() == 1; }, 10s)) << okod_->log();
}

}  // namespace
}  // namespace okod::test
