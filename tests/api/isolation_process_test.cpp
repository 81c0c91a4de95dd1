// Isolation by construction (issue 16), against the real okod process with a real HTTP
// client: tokens of Groningen (GM0014) walk every route of the API and the calendar
// feeds with every kind of id that belongs to Maastricht (GM0935): its municipality,
// a task, an instance, a person, an execution-plan action, an e-mail in the outbox. Each answer is
// the README's: 404 where the token's role may use the route (with exactly the sentence an unknown
// id gets, so ids cannot be guessed), 403 where the role may not use it at all; and nothing of
// Maastricht's changed. One table of routes: a new route is one more row, and a test below
// fails for a route of the operations registry (daemon/api/operations.cpp) that no row tries.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <regex>
#include <string_view>

#include "adapters/auth/mail_link.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/api/operations.hpp"
#include "daemon/api/router.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;

// The ids a row's path and body may name, in braces: {code} {task} {instance} {person}
// {action} {outbox}. Each is filled with Maastricht's real one, or with one that exists nowhere.
using Ids = std::map<std::string, std::string>;

std::string fill(std::string text, const Ids& ids) {
    for (const auto& [name, value] : ids)
        for (auto at = text.find("{" + name + "}"); at != std::string::npos;
             at = text.find("{" + name + "}"))
            text.replace(at, name.size() + 2, value);
    return text;
}

struct Route {
    std::string method, path, body;
    int regisseur, council, stakeholder;  // what a Groningen token of that role gets
};

// Every route and feed that names something of a municipality. `me`, `/municipalities`
// (the list) and the dashboard's files name nothing: they are in api_process_test.cpp
// (its modules under /ui/ have a path parameter, so a row here too).
// Tokens have no route of their own by id; the list that holds them is per
// municipality, and an API token in a feed URL opens nothing (ical_process_test.cpp).
const std::vector<Route>& routes() {
    static const std::vector<Route> kRoutes{
        {"GET", "/api/v1/municipalities/{code}", "", 404, 404, 404},
        {"GET", "/api/v1/municipalities/{code}/process", "", 404, 404, 404},
        {"GET", "/api/v1/municipalities/{code}/reports/annual?format=md", "", 404, 404, 404},
        {"GET", "/api/v1/municipalities/{code}/execution-plan", "", 404, 404, 404},
        {"GET", "/api/v1/municipalities/{code}/settings", "", 404, 404, 404},
        {"GET", "/api/v1/municipalities/{code}/settings.toml", "", 404, 404, 404},
        {"PUT", "/api/v1/municipalities/{code}/settings?dry_run=true",
         R"({"settings": {"trajectory_years": 5}})", 404, 404, 404},
        {"DELETE", "/api/v1/municipalities/{code}/settings", "", 404, 404, 404},
        {"GET", "/api/v1/municipalities/{code}/goals", "", 404, 404, 404},
        {"POST", "/api/v1/municipalities/{code}/execution-plan",
         R"({"recommendation": "1", "intervention": "x"})", 404, 404, 404},
        {"PUT", "/api/v1/municipalities/{code}/execution-plan/{action}", R"({"status": "groen"})",
         404, 404, 404},
        {"DELETE", "/api/v1/municipalities/{code}/execution-plan/{action}", "", 404, 404, 404},
        // Maastricht's action through Groningen's own plan.
        {"PUT", "/api/v1/municipalities/GM0014/execution-plan/{action}", R"({"status": "groen"})",
         404, 403, 403},
        {"DELETE", "/api/v1/municipalities/GM0014/execution-plan/{action}", "", 404, 403, 403},
        {"GET", "/api/v1/municipalities/{code}/year-plan?year=2026", "", 404, 404, 404},
        {"GET", "/api/v1/municipalities/{code}/year-plan/2026/toml", "", 404, 404, 404},
        {"POST", "/api/v1/municipalities/{code}/year-plan/2026/activities/webinars",
         R"({"light": "groen", "remark": "x"})", 404, 404, 404},
        {"POST", "/api/v1/municipalities/{code}/year-plan/2026/draft-next", R"({"dry_run": false})",
         404, 404, 404},
        {"GET", "/api/v1/tasks?municipality={code}", "", 404, 404, 404},
        {"GET", "/api/v1/tasks?municipality={code}&view=today&q=x", "", 404, 404, 404},
        {"GET", "/api/v1/tasks/{task}", "", 404, 404, 404},
        {"GET", "/api/v1/tasks/{task}/history", "", 404, 404, 404},
        {"POST", "/api/v1/tasks/{task}/complete", R"({"note": "x"})", 404, 404, 404},
        {"POST", "/api/v1/tasks/{task}/undo", R"({"reason": "x"})", 404, 404, 404},
        {"POST", "/api/v1/municipalities/{code}/tasks/skip",
         R"({"due_before": "2026-12-01", "reason": "x", "dry_run": false})", 404, 404, 404},
        {"POST", "/api/v1/tasks/{task}/skip", R"({"reason": "x"})", 404, 404, 404},
        {"POST", "/api/v1/tasks/{task}/reschedule", R"({"due": "2026-12-01", "reason": "x"})", 404,
         404, 404},
        {"GET", "/api/v1/instances?municipality={code}", "", 404, 404, 403},
        {"GET", "/api/v1/instances/{instance}", "", 404, 404, 403},
        {"POST", "/api/v1/instances/{instance}/signal", R"({"event": "survey_closed"})", 404, 404,
         403},
        {"GET", "/api/v1/people?municipality={code}", "", 404, 404, 404},
        {"GET", "/api/v1/people/{person}", "", 404, 403, 403},
        // A taken id cannot be given again, so this one answer differs from an unknown
        // id's (which would make a person): 409, and nothing about whose it is.
        {"POST", "/api/v1/people",
         R"({"id": "{person}", "name": "X", "email": "x@evil.example", "language": "nl"})", 409,
         403, 403},
        {"POST", "/api/v1/people/{person}/feed-url", R"({"rotate": true})", 404, 403, 403},
        {"POST", "/api/v1/people/{person}/memberships", R"({"municipality": "GM0014"})", 403, 403,
         403},
        {"DELETE", "/api/v1/people/{person}/memberships/{code}", "", 403, 403, 403},
        {"POST", "/api/v1/assignments",
         R"({"municipality": "{code}", "role": "kernteam", "person": "{person}", "from": "2026-04-01"})",
         404, 404, 404},
        // The reported hole: Maastricht's person pulled into Groningen's roles.
        {"POST", "/api/v1/assignments",
         R"({"municipality": "GM0014", "role": "kernteam", "person": "{person}", "from": "2026-04-01"})",
         404, 403, 403},
        {"POST", "/api/v1/leaves",
         R"({"municipality": "{code}", "person": "{person}", "last_day": "2026-04-01"})", 404, 404,
         404},
        {"POST", "/api/v1/leaves",
         R"({"municipality": "GM0014", "person": "{person}", "last_day": "2026-04-01"})", 404, 403,
         403},
        {"GET", "/api/v1/events?municipality={code}", "", 404, 404, 404},
        {"GET", "/api/v1/outbox?municipality={code}", "", 404, 404, 404},
        {"POST", "/api/v1/outbox/{outbox}/retry", "", 404, 404, 404},
        {"GET", "/api/v1/people/{person}/export", "", 404, 404, 404},
        {"GET", "/ical/municipality/{code}.ics", "", 404, 404, 403},
        {"GET", "/ical/person/{person}.ics", "", 404, 404, 404},
        {"GET", "/ui/view-task.js", "", 200, 200, 200},
        {"POST", "/api/v1/municipalities/{code}/survey?dry_run=true",
         "gemeente;indicator;populatie;jaar;waarde\n{code};alcohol_last_month;13;2025;20\n", 404,
         404, 404},
        // A sign-in link's secret is no municipality's id: whatever is guessed is gone.
        {"GET", "/auth/link/okodlink_{code}", "", 410, 410, 410},
        {"POST", "/auth/link/okodlink_{code}", "", 410, 410, 410},
        // A reminder's one-click link: no bearer token counts, the link is the credential,
        // bound to one task and one person. {link} is genuinely signed for Maastricht's
        // task and Groningen's Anouk, and answers like a link okod never made.
        {"GET", "/mail/afgerond/{link}", "", 404, 404, 404},
        {"POST", "/mail/afgerond/{link}", "note=x", 404, 404, 404},
    };
    return kRoutes;
}

// Whether the registry's operation can name something of a municipality: a path
// parameter, or a permission narrower than "every token". What names nothing (no token,
// or GET /api/v1/me and the list of municipalities) is tried in api_process_test.cpp.
bool names_a_municipalitys_data(const Operation& op) {
    return op.path.find('{') != std::string_view::npos ||
           (op.permission != ApiPermission::none && op.permission != ApiPermission::any_token);
}

// A new route cannot escape the table: every operation that names something of a
// municipality is tried by some row (its path filled with Maastricht's ids).
TEST(IsolationRoutes, every_registry_operation_that_names_a_municipalitys_data_has_a_row) {
    const Ids ids{{"code", "GM0935"}, {"person", "maastricht-bram"},
                  {"task", "1"},      {"instance", "1"},
                  {"action", "1"},    {"outbox", "1"}};
    for (const auto& op : operations()) {
        if (!names_a_municipalitys_data(op)) continue;
        bool tried = false;
        for (const auto& route : routes()) {
            if (route.method != op.method) continue;
            const std::string path = fill(route.path.substr(0, route.path.find('?')), ids);
            std::vector<std::string> segments;
            for (std::size_t at = 1; at <= path.size();) {
                const auto end = std::min(path.find('/', at), path.size());
                if (end > at) segments.push_back(path.substr(at, end - at));
                at = end + 1;
            }
            tried = tried || match_path(op.path, segments).has_value();
        }
        EXPECT_TRUE(tried) << op.method << " " << op.path << " (" << op.id
                           << ") has no row in isolation_process_test.cpp's routes()";
    }
}

class IsolationProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
        admin_ = okod_->token({"--role", "admin", "--label", "beheer"});
        tokens_ = {
            {"regisseur",
             okod_->token({"--role", "regisseur", "--municipality", "GM0014", "--label", "Jan"})},
            {"council",
             okod_->token({"--role", "council", "--municipality", "GM0014", "--label", "griffie"})},
            {"stakeholder", okod_->token({"--role", "stakeholder", "--municipality", "GM0014",
                                          "--person", "groningen-anouk", "--label", "Anouk"})},
        };
        // Maastricht's ids, as its admin sees them; an execution-plan action made for it.
        maastricht_ = {{"code", "GM0935"}, {"person", "maastricht-bram"}};
        const auto tasks =
            call("GET", "/api/v1/tasks?municipality=GM0935&status=open", admin_).json();
        maastricht_["task"] =
            std::to_string(tasks.at("tasks").as_array().at(0).at("id").as_int64());
        const auto instances = call("GET", "/api/v1/instances?municipality=GM0935", admin_).json();
        maastricht_["instance"] =
            std::to_string(instances.at("instances").as_array().at(0).at("id").as_int64());
        const auto action = call("POST", "/api/v1/municipalities/GM0935/execution-plan", admin_,
                                 R"({"recommendation": "1", "intervention": "Ouderavonden"})");
        ASSERT_EQ(action.status, 201) << action.body;
        maastricht_["action"] = std::to_string(action.json().at("id").as_int64());
        const auto mail = call("GET", "/api/v1/outbox?municipality=GM0935&limit=1", admin_).json();
        maastricht_["outbox"] =
            std::to_string(mail.at("outbox").as_array().at(0).at("id").as_int64());
        const auto key = SqliteStore::open_reader(okod_->dir() / "state/okod.sqlite")
                             ->meta("mail_link_key")
                             .value_or("");
        ASSERT_FALSE(key.empty()) << "okod made its mail-link key at its start";
        maastricht_["link"] =
            sign_mail_link({std::string(kCompleteTaskLink), std::stoll(maastricht_["task"]),
                            "groningen-anouk", Instant{std::chrono::seconds{4'000'000'000}}},
                           key);
        nowhere_ = {{"code", "GM9999"},     {"person", "nobody-here"}, {"task", "999999"},
                    {"instance", "999999"}, {"action", "999999"},      {"outbox", "999999"},
                    {"link", "bm8.bGluaw"}};
    }
    static void TearDownTestSuite() { delete okod_; }

    static HttpResult call(const std::string& method, const std::string& path,
                           const std::string& token, const std::string& body = "") {
        return http_request(method, okod_->url() + path, body, token);
    }
    static std::string message_of(const HttpResult& r) {
        if (r.body.starts_with("<!doctype html>")) return r.body;  // a mail link's page
        const auto v = r.json();
        return v.is_object() && v.as_object().contains("message")
                   ? std::string(v.at("message").as_string())
                   : "";
    }
    // The message with each id in it (as a whole word) replaced by its name, to compare
    // the sentences.
    // Only the ids the route names: two kinds of id may have the same number.
    static std::string shape(std::string message, const Ids& ids, const Route& route) {
        for (const auto& [name, value] : ids) {
            if ((route.path + route.body).find("{" + name + "}") == std::string::npos) continue;
            std::string escaped;
            for (char c : value) {
                if (std::string_view(".^$|()[]{}*+?\\").find(c) != std::string_view::npos)
                    escaped += '\\';
                escaped += c;
            }
            message =
                std::regex_replace(message, std::regex("\\b" + escaped + "\\b"), "<" + name + ">");
        }
        return message;
    }
    // What a Groningen token could have changed of Maastricht's, as its admin reads it.
    static std::string maastricht_state() {
        std::string state;
        for (const auto& path :
             {"/api/v1/tasks/{task}", "/api/v1/instances/{instance}", "/api/v1/people/{person}",
              "/api/v1/people?municipality={code}", "/api/v1/municipalities/{code}/execution-plan",
              "/api/v1/events?municipality={code}&limit=1000", "/api/v1/people?municipality=GM0014",
              "/api/v1/events?municipality=GM0014&limit=1000"}) {
            const auto r = call("GET", fill(path, maastricht_), admin_);
            EXPECT_EQ(r.status, 200) << path << ": " << r.body;
            state += r.body + "\n";
        }
        return state;
    }

    static ApiDaemon* okod_;
    static std::string admin_;
    static std::map<std::string, std::string> tokens_;  // role -> a Groningen token
    static Ids maastricht_, nowhere_;
};
ApiDaemon* IsolationProcess::okod_ = nullptr;
std::string IsolationProcess::admin_;
std::map<std::string, std::string> IsolationProcess::tokens_;
Ids IsolationProcess::maastricht_, IsolationProcess::nowhere_;

TEST_F(IsolationProcess, another_municipalitys_ids_answer_like_unknown_ones_on_every_route) {
    const auto before = maastricht_state();
    for (const auto& route : routes()) {
        for (const auto& [role, token] : tokens_) {
            const int expected = role == "regisseur" ? route.regisseur
                                 : role == "council" ? route.council
                                                     : route.stakeholder;
            const std::string what = role + " of GM0014: " + route.method + " " + route.path;
            const auto mine = call(route.method, fill(route.path, maastricht_), token,
                                   fill(route.body, maastricht_));
            EXPECT_EQ(mine.status, expected) << what << ": " << mine.body;
            if (expected != 404) continue;
            // The same status and sentence as for an id that exists nowhere.
            const auto none =
                call(route.method, fill(route.path, nowhere_), token, fill(route.body, nowhere_));
            EXPECT_EQ(none.status, 404) << what << " (unknown ids): " << none.body;
            EXPECT_EQ(shape(message_of(mine), maastricht_, route),
                      shape(message_of(none), nowhere_, route))
                << what;
            EXPECT_EQ(message_of(mine).find("GM0935 "), std::string::npos)
                << what << ": " << mine.body;
        }
    }
    EXPECT_EQ(maastricht_state(), before);  // nothing of Maastricht's (or Groningen's) changed
}

TEST_F(IsolationProcess, lists_of_a_municipality_hold_nothing_of_another) {
    const auto& regisseur = tokens_.at("regisseur");
    const auto people = call("GET", "/api/v1/people?municipality=GM0014", regisseur);
    ASSERT_EQ(people.status, 200) << people.body;
    EXPECT_EQ(people.body.find("maastricht-"), std::string::npos) << people.body;
    EXPECT_NE(people.body.find("groningen-anouk"), std::string::npos);  // its own members
    const auto tasks =
        call("GET", "/api/v1/tasks?municipality=GM0014&limit=1000", regisseur).json();
    for (const auto& t : tasks.at("tasks").as_array())
        EXPECT_EQ(t.at("municipality").as_string(), "GM0014");
    // Outbox items are listed per municipality only.
    const auto outbox =
        call("GET", "/api/v1/outbox?municipality=GM0014&status=all", regisseur).json();
    for (const auto& o : outbox.at("outbox").as_array())
        EXPECT_EQ(o.at("municipality").as_string(), "GM0014");
}

// Only an admin links a person into another municipality; then both regisseurs see them,
// neither alone may change them, and unlinking makes them unknown to Groningen again.
TEST_F(IsolationProcess, an_admin_shares_a_person_deliberately_and_can_take_it_back) {
    const auto& groningen = tokens_.at("regisseur");
    const std::string person = "/api/v1/people/maastricht-noor";
    auto r = call(
        "POST", "/api/v1/people", admin_,
        R"({"id": "maastricht-noor", "name": "Noor Peeters", "email": "noor@maastricht.example",
                      "municipality": "GM0935"})");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("municipalities"), json::parse(R"(["GM0935"])"));
    EXPECT_EQ(call("GET", person, groningen).status, 404);

    r = call("POST", person + "/memberships", admin_, R"({"municipality": "GM0014"})");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("municipalities"), json::parse(R"(["GM0014", "GM0935"])"));
    r = call("GET", person, groningen);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("municipalities"), json::parse(R"(["GM0014"])"));  // only what it reads
    // Groningen may assign her now, but not change her details alone.
    r = call(
        "POST", "/api/v1/assignments", groningen,
        R"({"municipality": "GM0014", "role": "kernteam", "person": "maastricht-noor", "from": "2026-02-01",
                 "until": "2026-03-10"})");
    EXPECT_EQ(r.status, 200) << r.body;
    r = call(
        "POST", "/api/v1/people", groningen,
        R"({"id": "maastricht-noor", "name": "Noor", "email": "noor@evil.example", "language": "nl"})");
    EXPECT_EQ(r.status, 403) << r.body;
    // A role there that has not ended keeps her a member; after it ends she may go.
    r = call("DELETE", person + "/memberships/GM0014", admin_);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_NE(message_of(r).find("end it first"), std::string::npos) << r.body;
    r = call(
        "POST", "/api/v1/leaves", groningen,
        R"({"municipality": "GM0014", "person": "maastricht-noor", "last_day": "2026-03-01"})");
    EXPECT_EQ(r.status, 200) << r.body;
    r = call("DELETE", person + "/memberships/GM0014", admin_);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("municipalities"), json::parse(R"(["GM0935"])"));
    EXPECT_EQ(call("GET", person, groningen).status, 404);
    // Every change is in the event log.
    const auto events = call("GET", "/api/v1/events?municipality=GM0014&limit=1000", admin_).body;
    EXPECT_NE(events.find("\"person_linked\""), std::string::npos);
    EXPECT_NE(events.find("\"person_unlinked\""), std::string::npos);
}

// A regisseur's new person belongs to its municipality; with several, the request names it.
TEST_F(IsolationProcess, a_person_made_by_a_regisseur_belongs_to_its_municipality) {
    const auto& groningen = tokens_.at("regisseur");
    auto r =
        call("POST", "/api/v1/people", groningen,
             R"({"id": "groningen-lotte", "name": "Lotte", "email": "lotte@groningen.example"})");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("municipalities"), json::parse(R"(["GM0014"])"));
    const auto members = call("GET", "/api/v1/people?municipality=GM0014", groningen).body;
    EXPECT_NE(members.find("groningen-lotte"), std::string::npos) << members;
    EXPECT_EQ(call("GET", "/api/v1/people/groningen-lotte", admin_).json().at("municipalities"),
              json::parse(R"(["GM0014"])"));

    const auto both = okod_->token({"--role", "regisseur", "--municipality", "GM0014",
                                    "--municipality", "GM0344", "--label", "regio"});
    r = call("POST", "/api/v1/people", both, R"({"id": "regio-kim", "name": "Kim"})");
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(message_of(r).find("'municipality' is required"), std::string::npos) << r.body;
    EXPECT_EQ(call("GET", "/api/v1/people/regio-kim", admin_).status, 404);  // nothing made
    r = call("POST", "/api/v1/people", both,
             R"({"id": "regio-kim", "name": "Kim", "municipality": "GM0935"})");
    EXPECT_EQ(r.status, 404) << r.body;  // not one of its municipalities
    r = call("POST", "/api/v1/people", both,
             R"({"id": "regio-kim", "name": "Kim", "municipality": "GM0344"})");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("municipalities"), json::parse(R"(["GM0344"])"));
}

}  // namespace
}  // namespace okod::test
