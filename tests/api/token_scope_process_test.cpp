// Scoped tokens (issue 16), against the real okod process: a token past its last day
// and a token whose person left every role are refused with 401 and a sentence that
// says why, while others keep working; okod records when a token was last used.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/sqlite/sqlite_db.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

class TokenScopeProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
    }
    static void TearDownTestSuite() { delete okod_; }
    static HttpResult call(const std::string& path, const std::string& token) {
        return http_request("GET", okod_->url() + path, "", token);
    }
    static std::string message_of(const HttpResult& r) {
        return std::string(r.json().at("message").as_string());
    }
    static RunResult okoctl(std::vector<std::string> args) {
        args.insert(args.end(), {"--config", okod_->config().string()});
        return run_binary("okoctl", args);
    }
    // The JSON line of `okoctl tokens list --json` with this label.
    static json::object listed(const std::string& label) {
        const auto r = okoctl({"tokens", "list", "--json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        for (std::size_t start = 0, end = 0; start < r.out.size(); start = end + 1) {
            end = r.out.find('\n', start);
            if (end == std::string::npos) end = r.out.size();
            if (end == start) continue;
            auto row = json::parse(r.out.substr(start, end - start)).as_object();
            if (row.at("label").as_string() == label) return row;
        }
        ADD_FAILURE() << "no token " << label << " in " << r.out;
        return {};
    }

    static ApiDaemon* okod_;
};
ApiDaemon* TokenScopeProcess::okod_ = nullptr;

TEST_F(TokenScopeProcess, a_token_past_its_last_day_gets_401_saying_it_expired) {
    const std::string tomorrow = format_date(add_days(local_date(SystemClock().now()), 1));
    const auto token = okod_->token({"--role", "council", "--municipality", "GM0935", "--label",
                                     "kort", "--expires", tomorrow});
    const auto other =
        okod_->token({"--role", "council", "--municipality", "GM0935", "--label", "lang"});
    ASSERT_EQ(call("/api/v1/me", token).status, 200);
    EXPECT_TRUE(call("/api/v1/me", token).json().at("expires_at").is_string());
    // Its last day has passed (the store edited as a day going by would leave it).
    {
        SqliteDb db((okod_->dir() / "state/okod.sqlite").string());
        db.set_busy_timeout(5000);
        db.exec(fmt::format("UPDATE api_tokens SET expires_at = {} WHERE label = 'kort'",
                            SystemClock().now().time_since_epoch().count() - 60));
    }
    for (const auto& path :
         {"/api/v1/me", "/api/v1/tasks?municipality=GM0935", "/ical/municipality/GM0935.ics"}) {
        const auto r = call(path, token);
        EXPECT_EQ(r.status, 401) << path << ": " << r.body;
        EXPECT_NE(message_of(r).find("expired"), std::string::npos) << r.body;
    }
    EXPECT_EQ(call("/api/v1/me", other).status, 200);  // others keep working
    EXPECT_FALSE(listed("kort").at("active").as_bool());
}

TEST_F(TokenScopeProcess, a_persons_token_stops_after_their_last_day_in_every_role) {
    const auto bram = okod_->token({"--role", "stakeholder", "--municipality", "GM0935", "--person",
                                    "maastricht-bram", "--label", "Bram"});
    const auto sanne = okod_->token({"--role", "stakeholder", "--municipality", "GM0935",
                                     "--person", "maastricht-sanne", "--label", "Sanne"});
    ASSERT_EQ(call("/api/v1/tasks?municipality=GM0935", bram).status, 200);
    // Bram's last day was yesterday on okod's clock (2 March 2026): every role ends.
    const auto left = okoctl({"people", "leave", "maastricht-bram", "--municipality", "GM0935",
                              "--last-day", "2026-03-01"});
    ASSERT_EQ(left.exit_code, 0) << left.err << left.out;
    for (const auto& path : {"/api/v1/me", "/api/v1/tasks?municipality=GM0935"}) {
        const auto r = call(path, bram);
        EXPECT_EQ(r.status, 401) << path << ": " << r.body;
        EXPECT_NE(message_of(r).find("maastricht-bram, who holds no role in GM0935 any more"),
                  std::string::npos)
            << r.body;
    }
    EXPECT_EQ(call("/api/v1/me", sanne).status, 200);  // a colleague's still works
}

TEST_F(TokenScopeProcess, okod_records_when_a_token_was_last_used) {
    const auto token =
        okod_->token({"--role", "council", "--municipality", "GM0935", "--label", "gebruikt"});
    EXPECT_TRUE(listed("gebruikt").at("last_used_at").is_null());
    const auto before = SystemClock().now();
    ASSERT_EQ(call("/api/v1/me", token).status, 200);
    // Written after the response, on okod's strand: soon, not necessarily at once.
    ASSERT_TRUE(wait_until([] { return listed("gebruikt").at("last_used_at").is_string(); }, 10s));
    const auto at = parse_instant(std::string(listed("gebruikt").at("last_used_at").as_string()));
    ASSERT_TRUE(at);
    EXPECT_GE(*at, std::chrono::floor<std::chrono::seconds>(before));
    const auto table = okoctl({"tokens", "list"});
    EXPECT_NE(table.out.find("LAST USED"), std::string::npos) << table.out;
}

}  // namespace
}  // namespace okod::test
