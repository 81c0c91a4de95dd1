// The JSON API of the real okod process, with a real HTTP client (libcurl) and tokens
// made by the real okoctl: every role sees and may change only what is theirs, bad
// requests get a precise JSON error and change nothing, and okod keeps running.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <csignal>
#include <set>
#include <tuple>

#include "adapters/sqlite/sqlite_db.hpp"
#include "daemon/api/operations.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"
#include "version.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

class ApiProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
        admin_ = okod_->token({"--role", "admin", "--label", "beheer"});
        regisseur_ =
            okod_->token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
        council_ =
            okod_->token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
        stakeholder_ = okod_->token({"--role", "stakeholder", "--municipality", "GM0935",
                                     "--person", "maastricht-bram", "--label", "Bram"});
    }
    static void TearDownTestSuite() { delete okod_; }

    static HttpResult call(const std::string& method, const std::string& path,
                           const std::string& token = "", const std::string& body = "") {
        return http_request(method, okod_->url() + path, body, token);
    }
    // The id of the first task the token sees in GM0935 with this role and status.
    static std::int64_t task_id(const std::string& token, const std::string& role,
                                const std::string& status = "open") {
        auto r = call("GET", "/api/v1/tasks?municipality=GM0935&role=" + role + "&status=" + status,
                      token);
        EXPECT_EQ(r.status, 200) << r.body;
        const auto body = r.json();
        const auto& tasks = body.at("tasks").as_array();
        EXPECT_FALSE(tasks.empty()) << r.body;
        return tasks.empty() ? 0 : tasks[0].at("id").as_int64();
    }
    static std::string error_of(const HttpResult& r) {
        return std::string(r.json().at("error").as_string());
    }
    static std::string message_of(const HttpResult& r) {
        return std::string(r.json().at("message").as_string());
    }
    static json::value get(const std::string& path, const std::string& token) {
        const auto r = call("GET", path, token);
        EXPECT_EQ(r.status, 200) << path << ": " << r.body;
        return r.status == 200 ? r.json() : json::value{};
    }
    static std::vector<std::int64_t> ids(const json::value& page) {
        std::vector<std::int64_t> out;
        if (page.is_object())
            for (const auto& t : page.at("tasks").as_array()) out.push_back(t.at("id").as_int64());
        return out;
    }
    // Every task of `query`, `limit` at a time, following next_after (at most 200 pages).
    static std::vector<std::int64_t> paged(const std::string& query, int limit,
                                           const std::string& token) {
        std::vector<std::int64_t> out;
        std::string after;
        for (int page = 0; page < 200; ++page) {
            const auto body =
                get(fmt::format("/api/v1/tasks?{}&limit={}{}", query, limit, after), token);
            const auto got = ids(body);
            EXPECT_LE(got.size(), static_cast<std::size_t>(limit));
            out.insert(out.end(), got.begin(), got.end());
            if (!body.is_object() || body.at("next_after").is_null()) return out;
            after = "&after=" + std::string(body.at("next_after").as_string());
        }
        ADD_FAILURE() << "paging did not end: " << query;
        return out;
    }

    static ApiDaemon* okod_;
    static std::string admin_, regisseur_, council_, stakeholder_;
};
ApiDaemon* ApiProcess::okod_ = nullptr;
std::string ApiProcess::admin_, ApiProcess::regisseur_, ApiProcess::council_,
    ApiProcess::stakeholder_;

TEST_F(ApiProcess, health_and_readiness_need_no_token) {
    EXPECT_EQ(call("GET", "/health").status, 200);
    const auto ready = call("GET", "/ready");
    EXPECT_EQ(ready.status, 200);
    EXPECT_TRUE(ready.json().at("ready").as_bool());
}

TEST_F(ApiProcess, without_a_valid_token_the_api_answers_401) {
    auto r = call("GET", "/api/v1/municipalities");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(error_of(r), "unauthorized");
    EXPECT_NE(r.headers.find("WWW-Authenticate: Bearer"), std::string::npos) << r.headers;
    EXPECT_EQ(call("GET", "/api/v1/municipalities", "okod_not-a-token").status, 401);
}

TEST_F(ApiProcess, each_role_sees_only_its_municipalities) {
    auto codes = [](const HttpResult& r) {
        std::vector<std::string> out;
        const auto body = r.json();
        for (const auto& m : body.at("municipalities").as_array())
            out.emplace_back(m.at("code").as_string());
        return out;
    };
    EXPECT_EQ(codes(call("GET", "/api/v1/municipalities", admin_)),
              (std::vector<std::string>{"GM0014", "GM0344", "GM0935"}));
    EXPECT_EQ(codes(call("GET", "/api/v1/municipalities", regisseur_)),
              (std::vector<std::string>{"GM0935"}));
    EXPECT_EQ(codes(call("GET", "/api/v1/municipalities", council_)),
              (std::vector<std::string>{"GM0935"}));
    EXPECT_EQ(call("GET", "/api/v1/municipalities/GM0014", regisseur_).status, 404);
    const auto detail = call("GET", "/api/v1/municipalities/GM0935", council_);
    ASSERT_EQ(detail.status, 200) << detail.body;
    EXPECT_EQ(detail.json().at("next_election").as_string(), "2026-03-18");
    EXPECT_EQ(call("GET", "/api/v1/tasks?municipality=GM0014", regisseur_).status, 404);
}

TEST_F(ApiProcess,
       a_stakeholder_sees_and_completes_only_the_tasks_of_its_roles_and_completing_is_idempotent) {
    const auto mine = call("GET", "/api/v1/tasks?municipality=GM0935", stakeholder_);
    ASSERT_EQ(mine.status, 200) << mine.body;
    const auto body = mine.json();
    for (const auto& t : body.at("tasks").as_array()) {
        const std::string role(t.at("role").as_string());
        EXPECT_TRUE(role == "ggd-contact" || role == "kernteam") << role;
    }
    const auto id = task_id(regisseur_, "ggd-contact");
    const std::string path = fmt::format("/api/v1/tasks/{}/complete", id);
    auto first = call("POST", path, stakeholder_, R"({"note": "gedaan"})");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json().at("status").as_string(), "done");
    auto again = call("POST", path, stakeholder_, R"({"note": "gedaan"})");
    EXPECT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json().at("closed_by").as_string(), "maastricht-bram");

    // Someone else's task is not even visible.
    const auto other = task_id(regisseur_, "regisseur");
    EXPECT_EQ(call("POST", fmt::format("/api/v1/tasks/{}/complete", other), stakeholder_).status,
              404);
}

TEST_F(ApiProcess, the_council_reads_but_may_not_change) {
    const auto id = task_id(council_, "regisseur");
    auto r = call("POST", fmt::format("/api/v1/tasks/{}/complete", id), council_);
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(error_of(r), "forbidden");
    EXPECT_EQ(call("GET", "/api/v1/events?municipality=GM0935", council_).status, 403);
    EXPECT_EQ(
        call("GET", fmt::format("/api/v1/tasks/{}", id), council_).json().at("status").as_string(),
        "open");
}

TEST_F(ApiProcess, the_regisseur_reschedules_with_a_reason_and_a_stale_deadline_is_a_conflict) {
    const auto id = task_id(regisseur_, "regisseur");
    auto task = call("GET", fmt::format("/api/v1/tasks/{}", id), regisseur_).json();
    const std::string due(task.at("due").as_string());
    const std::string path = fmt::format("/api/v1/tasks/{}/reschedule", id);

    auto missing = call("POST", path, regisseur_, R"({"due": "2026-12-01T17:00:00+01:00"})");
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(message_of(missing), "field 'reason' is required");
    auto stale = call(
        "POST", path, regisseur_,
        R"({"due": "2026-12-01T17:00:00+01:00", "reason": "x", "if_due": "2020-01-01T17:00:00+01:00"})");
    EXPECT_EQ(stale.status, 409);
    auto ok = call(
        "POST", path, regisseur_,
        fmt::format(
            R"({{"due": "2026-12-01T17:00:00+01:00", "reason": "raad vergadert later", "if_due": "{}"}})",
            due));
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(ok.json().at("due").as_string(), "2026-12-01T17:00:00+01:00");
    // The deadline seen may be spelled any way: here in UTC, and as a local form time.
    ok = call(
        "POST", path, regisseur_,
        R"({"due": "2026-12-02T17:00", "reason": "een dag later", "if_due": "2026-12-01T16:00:00Z"})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    ok = call("POST", path, regisseur_,
              R"({"due": "2026-12-03", "reason": "nog een dag", "if_due": "2026-12-02T17:00"})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(ok.json().at("due").as_string(), "2026-12-03T17:00:00+01:00");
}

TEST_F(ApiProcess, bad_requests_get_a_precise_json_error_and_change_nothing) {
    const auto id = task_id(regisseur_, "regisseur");
    const std::string skip = fmt::format("/api/v1/tasks/{}/skip", id);
    auto r = call("POST", skip, regisseur_, "{not json");
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(message_of(r).find("not valid JSON"), std::string::npos) << r.body;
    r = call("POST", skip, regisseur_, R"({"reason": 42})");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(message_of(r), "field 'reason' must be a string");
    r = call("POST", skip, regisseur_, R"({"reason": "x", "force": true})");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(message_of(r), "unknown field 'force' (known: reason)");
    r = call("POST", skip, regisseur_, std::string(100 * 1024, ' '));
    EXPECT_EQ(r.status, 413);
    r = call("GET", "/api/v1/tasks?municipality=GM0935&status=later", regisseur_);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(call("GET", "/api/v1/nothing", regisseur_).status, 404);
    EXPECT_EQ(call("DELETE", fmt::format("/api/v1/tasks/{}", id), regisseur_).status, 405);
    r = call(
        "POST", "/api/v1/assignments", regisseur_,
        R"({"municipality": "GM0935", "role": "ggd", "person": "maastricht-bram", "from": "2026-04-01"})");
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(message_of(r).find("unknown role 'ggd'"), std::string::npos) << r.body;
    // Nothing changed, and okod is still serving.
    EXPECT_EQ(call("GET", fmt::format("/api/v1/tasks/{}", id), regisseur_)
                  .json()
                  .at("status")
                  .as_string(),
              "open");
    EXPECT_EQ(call("GET", "/health").status, 200);
}

// Every route, every role: what each may do and what it is refused. The write routes get
// a body that is refused for its content (400) when the role may write, so the matrix
// changes nothing; completing is covered by the tests above.
TEST_F(ApiProcess, every_route_answers_each_role_as_documented) {
    const auto task = task_id(admin_, "regisseur");
    struct Row {
        std::string method, path, body;
        int admin, regisseur, council, stakeholder;
    };
    const std::string t = std::to_string(task);
    const std::vector<Row> rows{
        {"GET", "/api/v1/me", "", 200, 200, 200, 200},
        {"GET", "/api/v1/municipalities", "", 200, 200, 200, 200},
        {"GET", "/api/v1/municipalities/GM0935", "", 200, 200, 200, 200},
        {"GET", "/api/v1/municipalities/GM0014", "", 200, 404, 404, 404},
        {"GET", "/api/v1/municipalities/GM0935/process", "", 200, 200, 200, 403},
        {"GET", "/api/v1/tasks?municipality=GM0935", "", 200, 200, 200, 200},
        {"GET", "/api/v1/tasks?municipality=GM0014", "", 200, 404, 404, 404},
        {"GET", "/api/v1/tasks/" + t, "", 200, 200, 200, 404},
        {"POST", "/api/v1/tasks/" + t + "/complete", "{\"note\": 1}", 400, 400, 403, 404},
        {"POST", "/api/v1/tasks/" + t + "/skip", "{}", 400, 400, 403, 404},
        {"POST", "/api/v1/tasks/" + t + "/reschedule", "{}", 400, 400, 403, 404},
        {"GET", "/api/v1/instances?municipality=GM0935", "", 200, 200, 200, 403},
        {"GET", "/api/v1/instances/1", "", 200, 200, 200, 403},
        {"POST", "/api/v1/instances/1/signal", "{}", 400, 400, 403, 403},
        {"GET", "/api/v1/people?municipality=GM0935", "", 200, 200, 403, 403},
        {"POST", "/api/v1/people", "{}", 400, 400, 403, 403},
        {"POST", "/api/v1/assignments", R"({"municipality": "GM0935"})", 400, 400, 403, 403},
        {"POST", "/api/v1/leaves", R"({"municipality": "GM0935"})", 400, 400, 403, 403},
        {"GET", "/api/v1/municipalities/GM0935/execution-plan", "", 200, 200, 200, 403},
        {"GET", "/api/v1/municipalities/GM0014/execution-plan", "", 200, 404, 404, 404},
        {"POST", "/api/v1/municipalities/GM0935/execution-plan", "{}", 400, 400, 403, 403},
        {"PUT", "/api/v1/municipalities/GM0935/execution-plan/999999", R"({"status": 1})", 400, 400,
         403, 403},
        {"DELETE", "/api/v1/municipalities/GM0935/execution-plan/999999", "", 404, 404, 403, 403},
        {"GET", "/api/v1/events?municipality=GM0935", "", 200, 200, 403, 403},
        {"GET", "/api/v1/outbox?municipality=GM0935", "", 200, 200, 403, 403},
    };
    for (const auto& row : rows) {
        for (auto [token, expected, who] :
             {std::tuple{admin_, row.admin, "admin"},
              std::tuple{regisseur_, row.regisseur, "regisseur"},
              std::tuple{council_, row.council, "council"},
              std::tuple{stakeholder_, row.stakeholder, "stakeholder"}}) {
            const auto r = call(row.method, row.path, token, row.body);
            EXPECT_EQ(r.status, expected)
                << who << " " << row.method << " " << row.path << ": " << r.body;
        }
        EXPECT_EQ(call(row.method, row.path, "", row.body).status, 401)
            << row.method << " " << row.path;
    }
    // Nothing in the matrix changed the task.
    EXPECT_EQ(call("GET", "/api/v1/tasks/" + t, admin_).json().at("status").as_string(), "open");
}

TEST_F(ApiProcess, a_regisseur_may_not_change_someone_who_works_for_another_municipality) {
    const auto before = call("GET", "/api/v1/people?municipality=GM0344", admin_).body;
    auto r = call(
        "POST", "/api/v1/people", regisseur_,
        R"({"id": "utrecht-fatima", "name": "Fatima", "email": "ander@example.org", "language": "nl"})");
    // Not Maastricht's: the id is taken, and that is all the answer tells (issue 16).
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(message_of(r), "person id 'utrecht-fatima' is taken: choose another id");
    EXPECT_EQ(call("GET", "/api/v1/people?municipality=GM0344", admin_).body, before);
    // A new person of its own is fine.
    r = call(
        "POST", "/api/v1/people", regisseur_,
        R"({"id": "maastricht-noor", "name": "Noor Bakker", "email": "noor@maastricht.example", "language": "nl"})");
    EXPECT_EQ(r.status, 200) << r.body;
}

TEST_F(ApiProcess, me_tells_the_dashboard_who_the_token_is_and_what_it_may_do) {
    const auto regisseur = call("GET", "/api/v1/me", regisseur_).json();
    EXPECT_EQ(regisseur.at("role").as_string(), "regisseur");
    EXPECT_EQ(regisseur.at("label").as_string(), "Sanne");
    EXPECT_EQ(regisseur.at("municipalities"), json::parse(R"(["GM0935"])"));
    EXPECT_TRUE(regisseur.at("may").at("reschedule_tasks").as_bool());
    const auto council = call("GET", "/api/v1/me", council_).json();
    EXPECT_FALSE(council.at("may").at("complete_tasks").as_bool());
    EXPECT_FALSE(council.at("may").at("reschedule_tasks").as_bool());
    const auto stakeholder = call("GET", "/api/v1/me", stakeholder_).json();
    EXPECT_TRUE(stakeholder.at("may").at("complete_tasks").as_bool());
    EXPECT_FALSE(stakeholder.at("may").at("skip_tasks").as_bool());
    EXPECT_EQ(stakeholder.at("person_name").as_string(), "Bram Hendriks");
    // okod's clock, not the wall clock: the demo runs in March 2026.
    EXPECT_TRUE(std::string(stakeholder.at("now").as_string()).starts_with("2026-03-02T09:"))
        << stakeholder;
}

TEST_F(ApiProcess, version_names_the_okod_that_answers_to_any_token) {
    for (const auto& token : {admin_, regisseur_, council_, stakeholder_}) {
        const auto r = call("GET", "/api/v1/version", token);
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.json().at("okod").as_string(), kVersion);
        EXPECT_EQ(r.json().at("api").as_string(), "v1");
    }
    EXPECT_EQ(call("GET", "/api/v1/version", "").status, 401);
    EXPECT_EQ(call("POST", "/api/v1/version", regisseur_, "{}").status, 405);
    EXPECT_EQ(call("GET", "/api/v1/version?x=1", regisseur_).status, 400);
}

TEST_F(ApiProcess, tasks_carry_their_traffic_light_and_reporting_deadlines_are_marked) {
    const auto overdue =
        call("GET", "/api/v1/tasks?municipality=GM0935&status=overdue", council_).json();
    ASSERT_FALSE(overdue.at("tasks").as_array().empty());
    for (const auto& t : overdue.at("tasks").as_array())
        EXPECT_EQ(t.at("light").as_string(), "rood") << t;
    // Open on 2 March 2026: the election playbook's tasks are due in two days (their
    // first reminder went out: oranje), the survey preparation in June (groen).
    const auto open = call("GET", "/api/v1/tasks?municipality=GM0935&status=open", council_).json();
    std::set<std::string> lights;
    bool report_seen = false;
    for (const auto& t : open.at("tasks").as_array()) {
        lights.insert(std::string(t.at("light").as_string()));
        if (t.at("workflow").as_string() == "council-report") {
            EXPECT_TRUE(t.at("report").as_bool()) << t;
            report_seen = true;
        }
        if (t.at("workflow").as_string() == "election-playbook") {
            EXPECT_FALSE(t.at("report").as_bool()) << t;
        }
    }
    EXPECT_TRUE(report_seen);
    EXPECT_EQ(lights, (std::set<std::string>{"groen", "oranje"}));
}

TEST_F(ApiProcess, the_municipality_summary_shows_roles_vacancies_and_the_position_in_the_cycle) {
    const auto m = call("GET", "/api/v1/municipalities/GM0935", council_).json();
    bool regisseur_seen = false;
    for (const auto& r : m.at("roles").as_array()) {
        if (r.at("role").as_string() != "regisseur") continue;
        regisseur_seen = true;
        EXPECT_FALSE(r.at("vacant").as_bool());
        EXPECT_EQ(r.at("role_name").as_string(), "Regisseur (projectleider)");
        EXPECT_EQ(r.at("holders").as_array()[0].at("name").as_string(), "Sanne Vermeulen");
        EXPECT_FALSE(r.at("holders").as_array()[0].as_object().contains("email"));
    }
    EXPECT_TRUE(regisseur_seen);
    bool cycle_seen = false;
    for (const auto& i : m.at("instances").as_array())
        if (i.at("workflow").as_string() == "oko-cycle") {
            cycle_seen = true;
            EXPECT_EQ(i.at("workflow_name").as_string(), "OKO-cyclus");
            EXPECT_FALSE(i.at("state_name").as_string().empty());
        }
    EXPECT_TRUE(cycle_seen) << m;
}

TEST_F(ApiProcess,
       a_deadline_from_a_form_is_the_wall_clock_in_amsterdam_and_done_tasks_filter_by_closing) {
    const auto id = task_id(admin_, "beleidsmedewerker");
    const std::string path = fmt::format("/api/v1/tasks/{}/reschedule", id);
    // Summer time in Amsterdam: 17:00 local is 15:00 UTC.
    auto r = call("POST", path, admin_,
                  R"({"due": "2026-06-16T17:00", "reason": "na de zomer-evaluatie"})");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("due").as_string(), "2026-06-16T17:00:00+02:00");
    // A bare day: that day at the configured due time (17:00), not at midnight.
    r = call("POST", path, admin_, R"({"due": "2026-06-17", "reason": "een dag later"})");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("due").as_string(), "2026-06-17T17:00:00+02:00");
    r = call("POST", path, admin_, R"({"due": "16-06-2026", "reason": "x"})");
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(message_of(r).find("2026-03-31T17:00"), std::string::npos) << r.body;

    auto done =
        call("POST", fmt::format("/api/v1/tasks/{}/complete", id), admin_, R"({"note": "klaar"})");
    ASSERT_EQ(done.status, 200) << done.body;
    const auto recent =
        call("GET", "/api/v1/tasks?municipality=GM0935&status=done&closed_after=2026-03-01", admin_)
            .json();
    bool found = false;
    for (const auto& t : recent.at("tasks").as_array())
        found = found || t.at("id").as_int64() == id;
    EXPECT_TRUE(found) << recent;
    const auto later =
        call("GET", "/api/v1/tasks?municipality=GM0935&status=done&closed_after=2026-04-01", admin_)
            .json();
    EXPECT_TRUE(later.at("tasks").as_array().empty()) << later;
}

TEST_F(ApiProcess, the_dashboard_is_served_self_contained) {
    const auto page = call("GET", "/");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.headers.find("Content-Type: text/html"), std::string::npos) << page.headers;
    EXPECT_NE(page.headers.find("Content-Security-Policy: default-src 'self'"), std::string::npos)
        << page.headers;
    EXPECT_NE(page.body.find("<html lang=\"nl\""), std::string::npos);
    // No CDN: every script, style and image the page loads comes from okod itself.
    EXPECT_EQ(page.body.find("http://"), std::string::npos);
    EXPECT_EQ(page.body.find("https://"), std::string::npos);
    for (const char* asset : {"/app.js", "/style.css", "/favicon.svg", "/ui/view-tasks.js",
                              "/ui/nlds-components.css", "/ui/nlds-tokens.css"}) {
        const auto r = call("GET", asset);
        EXPECT_EQ(r.status, 200) << asset;
        EXPECT_FALSE(r.body.empty()) << asset;
    }
    EXPECT_EQ(call("POST", "/").status, 405);
    EXPECT_EQ(call("GET", "/nothing.js").status, 404);
}

TEST_F(ApiProcess, the_event_log_pages_with_next_after) {
    auto first = call("GET", "/api/v1/events?municipality=GM0935&limit=2", regisseur_);
    ASSERT_EQ(first.status, 200) << first.body;
    const auto page1 = first.json();
    ASSERT_EQ(page1.at("events").as_array().size(), 2u);
    const auto after = page1.at("next_after").as_int64();
    auto second =
        call("GET", fmt::format("/api/v1/events?municipality=GM0935&limit=2&after={}", after),
             regisseur_);
    const auto page2 = second.json();
    ASSERT_FALSE(page2.at("events").as_array().empty());
    EXPECT_GT(page2.at("events").as_array()[0].at("seq").as_int64(), after);
}

}  // namespace
}  // namespace okod::test

namespace okod::test {
namespace {

// The OpenAPI document in the repo is what okod serves, and every path and method it
// documents is a real route (answers neither 404 for the route nor 405).
TEST_F(ApiProcess, the_openapi_document_is_served_and_matches_the_real_routes) {
    const auto served = call("GET", "/openapi.json");
    ASSERT_EQ(served.status, 200);
    EXPECT_EQ(served.json(), boost::json::parse(read_file(source_path("daemon/api/openapi.json"))));

    const auto task = std::to_string(task_id(admin_, "regisseur"));
    const auto doc = served.json();
    int checked = 0;
    for (const auto& [path, methods] : doc.at("paths").as_object()) {
        std::string url(path);
        for (auto [name, value] :
             {std::pair{"{code}", std::string("GM0935")}, std::pair{"{id}", task}}) {
            const auto at = url.find(name);
            if (at != std::string::npos) url.replace(at, std::string(name).size(), value);
        }
        if (url.starts_with("/api/v1/instances/")) url.replace(18, task.size(), "1");
        for (const auto& [method, spec] : methods.as_object()) {
            std::string verb(method);
            for (auto& ch : verb)
                ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            // An empty JSON object: enough to reach the route, refused for missing fields.
            const auto r = call(verb, url, admin_, verb == "POST" ? "{}" : "");
            EXPECT_NE(r.status, 405) << verb << " " << url << ": " << r.body;
            // (The body is the route's own: JSON, or a mail link's HTML page.)
            if (r.status == 404) {
                EXPECT_EQ(r.body.find("no route"), std::string::npos)
                    << verb << " " << url << ": " << r.body;
            }
            ++checked;
        }
    }
    // Every documented operation was tried: the registry's, which the document equals
    // (operations_registry_test.cpp).
    EXPECT_EQ(checked, static_cast<int>(operations().size()));
}

// Lists page by keys, and reads read only what they are about (issue 18): a task list
// continues from next_after with nothing twice and nothing lost, whichever role reads it;
// the municipality list pages by code; /me, a token's check and a person's calendar read
// only the municipalities they concern (an unreadable row of another municipality, put
// in the store behind okod's back, does not trouble them).
TEST_F(ApiProcess, a_task_list_pages_with_next_after_losing_and_repeating_nothing) {
    for (const std::string query : {"municipality=GM0935", "municipality=GM0935&status=open",
                                    "municipality=GM0935&person=maastricht-bram"}) {
        const auto all = get("/api/v1/tasks?" + query + "&limit=1000", admin_);
        ASSERT_TRUE(all.at("next_after").is_null()) << query;
        const auto every = ids(all);
        // More than a page of two: Bram's own list is three long in the demo.
        ASSERT_GT(every.size(), 2U) << query;
        EXPECT_EQ(paged(query, 2, admin_), every) << query;
        EXPECT_EQ(std::set<std::int64_t>(every.begin(), every.end()).size(), every.size());
    }
    // A stakeholder's pages hold only the tasks of its person's roles, full ones too.
    const auto own = ids(get("/api/v1/tasks?municipality=GM0935&limit=1000", stakeholder_));
    ASSERT_GT(own.size(), 2U);
    EXPECT_EQ(own, ids(get("/api/v1/tasks?municipality=GM0935&person=maastricht-bram&limit=1000",
                           admin_)));
    EXPECT_EQ(paged("municipality=GM0935", 2, stakeholder_), own);
    const auto first = get("/api/v1/tasks?municipality=GM0935&limit=2", stakeholder_);
    EXPECT_EQ(ids(first).size(), 2U);
    EXPECT_TRUE(first.at("next_after").is_string());

    const auto bad =
        http_request("GET", okod_->url() + "/api/v1/tasks?municipality=GM0935&after=x", "", admin_);
    EXPECT_EQ(bad.status, 400) << bad.body;
}

TEST_F(ApiProcess, the_municipality_list_pages_by_code) {
    const auto all = get("/api/v1/municipalities", admin_);
    std::vector<std::string> codes;
    for (const auto& m : all.at("municipalities").as_array())
        codes.emplace_back(m.at("code").as_string());
    ASSERT_EQ(codes.size(), 3U);
    EXPECT_TRUE(all.at("next_after").is_null());
    std::vector<std::string> paged_codes;
    std::string after;
    for (int page = 0; page < 10; ++page) {
        const auto body = get("/api/v1/municipalities?limit=2" + after, admin_);
        for (const auto& m : body.at("municipalities").as_array())
            paged_codes.emplace_back(m.at("code").as_string());
        if (body.at("next_after").is_null()) break;
        after = "&after=" + std::string(body.at("next_after").as_string());
    }
    EXPECT_EQ(paged_codes, codes);
    const auto mine = get("/api/v1/municipalities", regisseur_).at("municipalities").as_array();
    ASSERT_EQ(mine.size(), 1U);
    EXPECT_EQ(mine[0].at("code").as_string(), "GM0935");
}

TEST_F(ApiProcess, me_tokens_and_a_persons_calendar_read_only_their_municipalities) {
    const auto me_before = get("/api/v1/me", regisseur_);
    {
        // Another municipality whose row no read can parse: a read of every municipality
        // would fail on it.
        SqliteDb raw((okod_->dir() / "state" / "okod.sqlite").string());
        raw.set_busy_timeout(5000);
        raw.exec(
            "CREATE TEMP TABLE broken AS SELECT * FROM municipalities WHERE code = 'GM0935';"
            "UPDATE broken SET code = 'GM9999', workflows = '{not json';"
            "INSERT INTO municipalities SELECT * FROM broken;");
    }
    auto me = get("/api/v1/me", regisseur_);
    me.as_object()["now"] = me_before.at("now");  // okod's clock moved on meanwhile
    EXPECT_EQ(me, me_before);
    const auto admin_codes = get("/api/v1/me", admin_).at("municipalities");
    EXPECT_NE(std::find(admin_codes.as_array().begin(), admin_codes.as_array().end(),
                        json::value("GM9999")),
              admin_codes.as_array().end())
        << admin_codes;
    EXPECT_FALSE(ids(get("/api/v1/tasks?municipality=GM0935", stakeholder_)).empty());
    const auto feed = http_request("GET", okod_->url() + okod_->feed_path("maastricht-bram"));
    EXPECT_EQ(feed.status, 200) << feed.body;
    EXPECT_NE(feed.body.find("BEGIN:VEVENT"), std::string::npos);
    const auto with_token = call("GET", "/ical/person/maastricht-bram.ics", admin_);
    EXPECT_EQ(with_token.status, 200) << with_token.body;
    EXPECT_NE(with_token.body.find("BEGIN:VEVENT"), std::string::npos);
    {
        SqliteDb raw((okod_->dir() / "state" / "okod.sqlite").string());
        raw.set_busy_timeout(5000);
        raw.exec("DELETE FROM municipalities WHERE code = 'GM9999'");  // okod stops cleanly
    }
}

}  // namespace
}  // namespace okod::test
