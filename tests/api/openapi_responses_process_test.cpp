// Real answers of a real okod fit the response schemas of the OpenAPI document it
// serves: every read route with data behind it, and a write or two, as an admin calls
// them; validated by Ajv through tests/browser/openapi_responses.mjs. A handler that
// adds, renames or retypes a field of its answer fails here until the schema says so.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <vector>

#include "support/api_daemon.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

TEST(OpenApiResponses, real_answers_fit_their_response_schemas) {
    ASSERT_TRUE(std::filesystem::exists(
        source_path("tests/browser/node_modules/@apidevtools/swagger-parser")))
        << "the validator is not installed: scripts/install-deps.sh --tests";
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    json::array samples;
    const auto sample = [&](const char* operation, const std::string& method,
                            const std::string& path, const std::string& body = "") {
        const auto r = http_request(method, okod.url() + path, body, admin);
        EXPECT_LT(r.status, 300) << operation << ": " << r.body;
        samples.push_back(
            json::object{{"operation", operation}, {"status", r.status}, {"body", r.json()}});
        return r.json();
    };
    sample("health", "GET", "/health");
    sample("ready", "GET", "/ready");
    sample("openapi", "GET", "/openapi.json");
    sample("me", "GET", "/api/v1/me");
    sample("version", "GET", "/api/v1/version");
    sample("municipalities.list", "GET", "/api/v1/municipalities");
    sample("municipalities.show", "GET", "/api/v1/municipalities/GM0935");
    sample("municipalities.process", "GET", "/api/v1/municipalities/GM0935/process");
    const auto tasks = sample("tasks.list", "GET", "/api/v1/tasks?municipality=GM0935&status=open");
    const auto task = tasks.at("tasks").as_array().at(0).at("id").as_int64();
    sample("tasks.show", "GET", fmt::format("/api/v1/tasks/{}", task));
    sample("tasks.reschedule", "POST", fmt::format("/api/v1/tasks/{}/reschedule", task),
           R"({"due": "2026-12-01", "reason": "later"})");
    sample("tasks.complete", "POST", fmt::format("/api/v1/tasks/{}/complete", task),
           R"({"note": "done"})");
    sample("tasks.history", "GET", fmt::format("/api/v1/tasks/{}/history", task));
    // A completion undone where the step has another open task (so it did not move on).
    const auto open = sample("tasks.list", "GET", "/api/v1/tasks?municipality=GM0935&view=open");
    std::map<std::string, std::vector<std::int64_t>> by_step;
    for (const auto& t : open.at("tasks").as_array())
        by_step[fmt::format("{}/{}", t.at("instance_id").as_int64(),
                            std::string(t.at("state").as_string()))]
            .push_back(t.at("id").as_int64());
    bool undone = false;
    for (const auto& [step, ids] : by_step) {
        if (ids.size() < 2) continue;
        sample("tasks.complete", "POST", fmt::format("/api/v1/tasks/{}/complete", ids[0]));
        // Two open tasks of a state may be of two entries of it (a loop): then it moved on.
        const auto r =
            http_request("POST", fmt::format("{}/api/v1/tasks/{}/undo", okod.url(), ids[0]),
                         R"({"reason": "te vroeg"})", admin);
        if (r.status == 409) continue;
        samples.push_back(
            json::object{{"operation", "tasks.undo"}, {"status", r.status}, {"body", r.json()}});
        undone = true;
        break;
    }
    EXPECT_TRUE(undone);
    sample("tasks.list", "GET", "/api/v1/tasks?municipality=GM0935&view=week&q=raad");
    sample("tasks.skip_before", "POST", "/api/v1/municipalities/GM0935/tasks/skip",
           R"({"due_before": "2026-03-09", "reason": "al gedaan", "dry_run": true})");
    const auto instances = sample("instances.list", "GET", "/api/v1/instances?municipality=GM0935");
    const auto instance = instances.at("instances").as_array().at(0).at("id").as_int64();
    sample("instances.show", "GET", fmt::format("/api/v1/instances/{}", instance));
    sample("people.list", "GET", "/api/v1/people?municipality=GM0935");
    sample(
        "people.save", "POST", "/api/v1/people",
        R"({"id": "maastricht-noor", "name": "Noor", "email": "noor@example.org", "municipality": "GM0935"})");
    sample("people.show", "GET", "/api/v1/people/maastricht-bram");
    sample("people.feed_url", "POST", "/api/v1/people/maastricht-noor/feed-url");
    sample("people.export", "GET", "/api/v1/people/maastricht-bram/export");
    sample(
        "assignments.add", "POST", "/api/v1/assignments",
        R"({"municipality": "GM0935", "role": "kernteam", "person": "maastricht-noor", "from": "2026-04-01"})");
    sample("execution_plan.add", "POST", "/api/v1/municipalities/GM0935/execution-plan",
           R"({"recommendation": "1", "intervention": "Ouderavonden", "fte": 0.2})");
    const auto plan =
        sample("execution_plan.show", "GET", "/api/v1/municipalities/GM0935/execution-plan");
    const auto action = plan.at("recommendations")
                            .as_array()
                            .at(0)
                            .at("actions")
                            .as_array()
                            .at(0)
                            .at("id")
                            .as_int64();
    sample("execution_plan.change", "PUT",
           fmt::format("/api/v1/municipalities/GM0935/execution-plan/{}", action),
           R"({"status": "oranje"})");
    sample("year_plan.set_activity", "POST",
           "/api/v1/municipalities/GM0935/year-plan/2026/activities/webinars",
           R"({"light": "oranje", "remark": "twee van de vier gegeven"})");
    sample("year_plan.show", "GET", "/api/v1/municipalities/GM0935/year-plan?year=2026");
    sample("year_plan.draft_next", "POST",
           "/api/v1/municipalities/GM0935/year-plan/2026/draft-next", R"({"dry_run": true})");
    sample("events.list", "GET", "/api/v1/events?municipality=GM0935&limit=50");
    sample("outbox.list", "GET", "/api/v1/outbox?municipality=GM0935&status=all");

    TempDir tmp;
    write_file(tmp.path() / "samples.json", json::serialize(samples));
    const auto log = tmp.path() / "validator.log";
    ChildProcess node(
        "/usr/bin/env",
        {"node", source_path("tests/browser/openapi_responses.mjs").string(),
         source_path("daemon/api/openapi.json").string(), (tmp.path() / "samples.json").string()},
        log);
    EXPECT_EQ(node.wait_for(60s), 0) << read_file(log);
    EXPECT_NE(read_file(log).find("answers fit their response schemas"), std::string::npos)
        << read_file(log);
}

}  // namespace
}  // namespace okod::test
