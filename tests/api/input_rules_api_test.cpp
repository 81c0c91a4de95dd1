// The input rules (model/input_rules.hpp) at the real okod's API: a name or note with a
// control character, a list or a display name for an e-mail address, a reason of only
// spaces, a +99:00 offset are refused with the field named, and nothing changes in the
// store.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;

class InputRulesApi : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
        admin_ = okod_->token({"--role", "admin", "--label", "beheer"});
    }
    static void TearDownTestSuite() { delete okod_; }

    static HttpResult call(const std::string& method, const std::string& path,
                           const std::string& body = "") {
        return http_request(method, okod_->url() + path, body, admin_);
    }
    // What a refusal must leave as it was: the event log, read from okod's store file.
    static std::int64_t last_event() { return store()->last_event_seq(); }
    static std::unique_ptr<SqliteStore> store() {
        return SqliteStore::open(okod_->dir() / "state/okod.sqlite");
    }
    static json::value open_task() {
        const auto r = call("GET", "/api/v1/tasks?municipality=GM0935&status=open&limit=1");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json().at("tasks").at(0);
    }
    // 422 with the field's rule as the message.
    static void expect_refused(const HttpResult& r, const std::string& message) {
        EXPECT_EQ(r.status, 422) << r.body;
        if (r.status != 422) return;
        EXPECT_EQ(r.json().at("error").as_string(), "rule_violation") << r.body;
        EXPECT_EQ(r.json().at("message").as_string(), message) << r.body;
    }

    static ApiDaemon* okod_;
    static std::string admin_;
};
ApiDaemon* InputRulesApi::okod_ = nullptr;
std::string InputRulesApi::admin_;

TEST_F(InputRulesApi, a_person_with_a_control_character_or_a_bad_address_is_refused_and_not_saved) {
    const auto before = last_event();
    const std::pair<std::string, std::string> cases[] = {
        {R"({"id": "eva", "name": "Eva\nde Vries", "email": "eva@x.example", "language": "nl"})",
         "name: contains a control character (U+000A)"},
        {R"({"id": "eva", "name": "Eva\u0000", "email": "eva@x.example", "language": "nl"})",
         "name: contains a control character (U+0000)"},
        {R"({"id": "eva\r", "name": "Eva", "email": "eva@x.example", "language": "nl"})",
         "id: contains a control character (U+000D)"},
        {R"({"id": "eva", "name": "Eva", "email": "eva@x.example, b@evil.example", "language": "nl"})",
         "email: 'eva@x.example, b@evil.example' is not an e-mail address (one address, not a "
         "list)"},
        {R"({"id": "eva", "name": "Eva", "email": "Eva <eva@x.example>", "language": "nl"})",
         "email: 'Eva <eva@x.example>' is not an e-mail address (the address alone, without a name "
         "or <>)"},
        {R"({"id": "eva", "name": "Eva", "email": "eva@x.example\nBcc: b@evil.example", "language": "nl"})",
         "email: contains a control character (U+000A)"},
    };
    for (const auto& [body, message] : cases) {
        SCOPED_TRACE(body);
        expect_refused(call("POST", "/api/v1/people", body), message);
    }
    EXPECT_FALSE(store()->person("eva"));
    EXPECT_EQ(last_event(), before);
    // The same person, well spelled, is saved.
    EXPECT_EQ(
        call("POST", "/api/v1/people",
             R"({"id": "eva", "name": "Eva de Vries", "email": "eva@x.example", "language": "nl"})")
            .status,
        200);
}

TEST_F(InputRulesApi,
       a_reason_of_only_whitespace_or_a_note_with_nul_is_refused_and_the_task_stays) {
    const auto task = open_task();
    const auto id = task.at("id").as_int64();
    const auto path = fmt::format("/api/v1/tasks/{}", id);
    const auto before = last_event();
    expect_refused(call("POST", path + "/skip", R"({"reason": "   "})"),
                   "reason: must say why (it is empty or only whitespace)");
    expect_refused(
        call("POST", path + "/reschedule", R"({"due": "2026-12-01", "reason": " \t\n"})"),
        "reason: must say why (it is empty or only whitespace)");
    expect_refused(call("POST", path + "/complete", R"({"note": "klaar\u0000verborgen"})"),
                   "note: contains a control character (U+0000)");
    expect_refused(call("POST", path + "/complete", R"({"note": "klaar\r\nBcc: x"})"),
                   "note: contains a carriage return (U+000D); end lines with a line feed only");
    const auto offset = call("POST", path + "/reschedule",
                             R"({"due": "2026-12-01T17:00:00+99:00", "reason": "later"})");
    EXPECT_EQ(offset.status, 400) << offset.body;
    EXPECT_NE(offset.body.find("-14:00 to +14:00"), std::string::npos) << offset.body;

    const auto after = call("GET", path);
    ASSERT_EQ(after.status, 200);
    EXPECT_EQ(after.json().at("status"), task.at("status"));
    EXPECT_EQ(after.json().at("due"), task.at("due"));
    EXPECT_EQ(last_event(), before);
    // A note over two lines is free text: allowed.
    EXPECT_EQ(call("POST", path + "/complete", R"({"note": "besproken\nin het kernteam"})").status,
              200);
}

}  // namespace
}  // namespace okod::test
