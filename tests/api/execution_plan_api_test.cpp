// The execution plan through the real okod's API: a regisseur adds, changes (only the
// fields given) and removes actions, the council reads them, each write is in the event
// log; other roles are refused, bad bodies get a precise error, and a refused request
// changes nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;

const std::string kPlan = "/api/v1/municipalities/GM0935/execution-plan";

class ExecutionPlanApi : public ::testing::Test {
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
                           const std::string& token, const std::string& body = "") {
        return http_request(method, okod_->url() + path, body, token);
    }
    static std::string message_of(const HttpResult& r) {
        return std::string(r.json().at("message").as_string());
    }
    static std::string item(std::int64_t id) { return fmt::format("{}/{}", kPlan, id); }

    // The parents' evenings of recommendation 2, added by the regisseur.
    static json::object add_parents_evenings() {
        const auto r = call("POST", kPlan, regisseur_, R"({
            "recommendation": "2", "intervention": "Ouderavonden op alle vo-scholen",
            "relevance": "Ouders onderschatten het gebruik", "money_euros": 2500, "fte": 0.2,
            "other_resources": "aula", "recognised": true, "period": "sep 2026 – jun 2027",
            "responsible": "Novadic-Kentron", "priority": "hoog", "considerations": "snel te doen"})");
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? r.json().as_object() : json::object{};
    }
    // The execution-plan lines of GM0935's event log.
    static std::vector<std::string> logged() {
        std::vector<std::string> notes;
        const auto events =
            call("GET", "/api/v1/events?municipality=GM0935&limit=1000", admin_).json();
        for (const auto& e : events.at("events").as_array())
            if (e.at("kind").as_string().starts_with("execution_action_"))
                notes.push_back(fmt::format("{}: {}", std::string(e.at("kind").as_string()),
                                            std::string(e.at("note").as_string())));
        return notes;
    }

    static ApiDaemon* okod_;
    static std::string admin_, regisseur_, council_, stakeholder_;
};
ApiDaemon* ExecutionPlanApi::okod_ = nullptr;
std::string ExecutionPlanApi::admin_, ExecutionPlanApi::regisseur_, ExecutionPlanApi::council_,
    ExecutionPlanApi::stakeholder_;

TEST_F(ExecutionPlanApi,
       the_regisseur_adds_changes_and_removes_an_action_and_the_council_reads_it) {
    const auto added = add_parents_evenings();
    const auto id = added.at("id").as_int64();
    EXPECT_EQ(added.at("recommendation").as_string(),
              "Voorlichting aan ouders over alcohol en cannabis");
    EXPECT_EQ(added.at("recommendation_number").as_int64(), 2);
    EXPECT_EQ(added.at("money_euros").as_int64(), 2500);
    EXPECT_DOUBLE_EQ(added.at("fte").as_double(), 0.2);
    EXPECT_TRUE(added.at("recognised").as_bool());
    EXPECT_EQ(added.at("priority").as_string(), "hoog");
    EXPECT_EQ(added.at("status").as_string(), "rood");  // not yet realised
    EXPECT_TRUE(added.at("created_at").as_string().starts_with("2026-03-02T09:"));  // okod's clock

    // The council reads the plan: all four recommendations in the config's order.
    auto plan = call("GET", kPlan, council_);
    ASSERT_EQ(plan.status, 200) << plan.body;
    auto body = plan.json();
    const auto& groups = body.at("recommendations").as_array();
    ASSERT_EQ(groups.size(), 4u);
    EXPECT_EQ(groups[0].at("recommendation").as_string(),
              "Alcoholverstrekking aan minderjarigen in sportkantines");
    EXPECT_TRUE(groups[0].at("actions").as_array().empty());
    ASSERT_EQ(groups[1].at("actions").as_array().size(), 1u);
    EXPECT_EQ(groups[1].at("actions").as_array()[0], json::value(added));
    EXPECT_EQ(body.at("counts"),
              json::parse(R"({"groen": 0, "oranje": 0, "rood": 1, "total": 1})"));

    // PUT changes only what it names; null clears an estimate.
    auto changed = call(
        "PUT", item(id), regisseur_,
        R"({"status": "oranje", "status_remark": "twee van de vier avonden", "money_euros": null})");
    ASSERT_EQ(changed.status, 200) << changed.body;
    auto after = changed.json().as_object();
    EXPECT_TRUE(after.at("changed").as_bool());
    EXPECT_EQ(after.at("changes").as_string(),
              "money_euros 2500 → -, status rood → oranje, status_remark");
    EXPECT_EQ(after.at("status").as_string(), "oranje");
    EXPECT_TRUE(after.at("money_euros").is_null());
    EXPECT_EQ(after.at("period").as_string(), "sep 2026 – jun 2027");
    EXPECT_EQ(after.at("intervention").as_string(), "Ouderavonden op alle vo-scholen");
    // The same again: nothing changes, nothing is logged.
    auto again = call("PUT", item(id), regisseur_, R"({"status": "oranje"})");
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_FALSE(again.json().at("changed").as_bool());

    auto removed = call("DELETE", item(id), regisseur_);
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(removed.json().at("status").as_string(), "oranje");
    EXPECT_EQ(call("DELETE", item(id), regisseur_).status, 404);
    body = call("GET", kPlan, council_).json();
    EXPECT_EQ(body.at("counts").at("total").as_int64(), 0);

    const auto notes = logged();
    ASSERT_EQ(notes.size(), 3u);
    EXPECT_EQ(
        notes[0],
        fmt::format(
            "execution_action_added: uitvoeringsplan, aanbeveling 2 'Voorlichting aan ouders over "
            "alcohol en cannabis': actie {} 'Ouderavonden op alle vo-scholen' toegevoegd "
            "(prioriteit hoog, status rood) (door api:Sanne)",
            id));
    EXPECT_NE(notes[1].find("gewijzigd: money_euros 2500 → -, status rood → oranje, status_remark "
                            "(door api:Sanne)"),
              std::string::npos)
        << notes[1];
    EXPECT_TRUE(notes[2].starts_with("execution_action_removed: ")) << notes[2];
}

TEST_F(ExecutionPlanApi, other_roles_are_refused_and_a_refused_request_changes_nothing) {
    const auto added = add_parents_evenings();
    const auto id = added.at("id").as_int64();
    const auto before = call("GET", kPlan, admin_).body;
    const auto log_before = logged();

    const std::string valid = R"({"recommendation": "1", "intervention": "Barinstructie"})";
    for (const auto& [method, path, body] :
         {std::tuple{"POST", kPlan, valid},
          std::tuple{"PUT", item(id), std::string(R"({"status": "groen"})")},
          std::tuple{"DELETE", item(id), std::string()}}) {
        const auto council = call(method, path, council_, body);
        EXPECT_EQ(council.status, 403) << method << " " << council.body;
        EXPECT_EQ(call(method, path, stakeholder_, body).status, 403) << method;
        EXPECT_EQ(call(method, path, "", body).status, 401) << method;
    }
    EXPECT_EQ(message_of(call("PUT", item(id), council_, R"({"status": "groen"})")),
              "a council token may not change the execution plan of GM0935");
    EXPECT_EQ(call("GET", kPlan, stakeholder_).status, 403);
    // Another municipality's plan is not even there for this regisseur.
    EXPECT_EQ(
        call("POST", "/api/v1/municipalities/GM0014/execution-plan", regisseur_, valid).status,
        404);
    EXPECT_EQ(call("GET", "/api/v1/municipalities/GM0014/execution-plan", regisseur_).status, 404);

    EXPECT_EQ(call("GET", kPlan, admin_).body, before);
    EXPECT_EQ(logged(), log_before);
}

TEST_F(ExecutionPlanApi, bad_requests_get_a_precise_error_and_change_nothing) {
    const auto added = add_parents_evenings();
    const auto id = added.at("id").as_int64();
    const auto before = call("GET", kPlan, admin_).body;
    const auto log_before = logged();

    struct Case {
        std::string method, path, body;
        int status;
        std::string message;  // the start of okod's message
    };
    const std::vector<Case> cases{
        {"POST", kPlan, R"({"recommendation": "1", "intervention": "x", "cost": 5})", 400,
         "unknown field 'cost' (known: recommendation, intervention, relevance, "},
        {"POST", kPlan, R"({"recommendation": "1", "intervention": "x", "money_euros": "2500"})",
         400, "field 'money_euros' must be a whole number"},
        {"POST", kPlan, R"({"recommendation": "1", "intervention": "x", "money_euros": 12.5})", 400,
         "field 'money_euros' must be a whole number"},
        {"POST", kPlan, R"({"recommendation": "1", "intervention": "x", "fte": "0,2"})", 400,
         "field 'fte' must be a number"},
        {"POST", kPlan, R"({"recommendation": "1", "intervention": "x", "recognised": "ja"})", 400,
         "field 'recognised' must be true or false"},
        {"POST", kPlan, R"({"recommendation": "1", "intervention": "x", "priority": "urgent"})",
         400, "field 'priority' must be hoog, middel or laag, not 'urgent'"},
        {"POST", kPlan, R"({"recommendation": "1"})", 400, "field 'intervention' is required"},
        {"POST", kPlan, "[1, 2]", 400, "the body must be a JSON object"},
        {"POST", kPlan, R"({"recommendation": "7", "intervention": "x"})", 422,
         "recommendation '7' is not one of GM0935's recommendations (give its text or number: 1: "
         "Alcoholverstrekking aan minderjarigen in sportkantines; 2: "},
        {"POST", kPlan, R"({"recommendation": "1", "intervention": " ", "money_euros": -5})", 422,
         "intervention is required: which intervention is proposed (field 1 of the fill-in "
         "table)?; money_euros "
         "must be 0 or more (whole euros), not -5"},
        {"PUT", item(id), R"({"fte": 150})", 422, "fte must be a number from 0 to 100, not 150"},
        {"PUT", item(id), R"({"intervention": null})", 422, "intervention is required"},
        {"PUT", item(id), "{}", 400, "nothing to change: give at least one field of the action"},
        {"PUT", item(id), R"({"status_remark": "\u001b[2Jweg"})", 422,
         "status_remark: contains a control character (U+001B)"},
        {"PUT", item(id), R"({"status": "paars"})", 400,
         "field 'status' must be groen, oranje or rood, not 'paars'"},
        // The same sentence whether the id exists elsewhere, nowhere, or is no id (issue 16).
        {"PUT", item(999999), R"({"status": "groen"})", 404, "no execution-plan action 999999"},
        {"PUT", kPlan + "/abc", R"({"status": "groen"})", 404, "no execution-plan action abc"},
        {"GET", item(id), "", 405, "GET "},
        {"PATCH", item(id), R"({"status": "groen"})", 405, "PATCH "},
        {"POST", kPlan + "?dry_run=1", R"({"recommendation": "1", "intervention": "x"})", 400,
         "unknown query parameter 'dry_run'"},
    };
    for (const auto& c : cases) {
        const auto r = call(c.method, c.path, regisseur_, c.body);
        EXPECT_EQ(r.status, c.status)
            << c.method << " " << c.path << " " << c.body << ": " << r.body;
        EXPECT_TRUE(message_of(r).starts_with(c.message))
            << c.method << " " << c.body << ": " << r.body;
    }
    EXPECT_EQ(call("GET", kPlan, admin_).body, before);
    EXPECT_EQ(logged(), log_before);
    EXPECT_EQ(call("GET", "/health", "").status, 200);
}

}  // namespace
}  // namespace okod::test
