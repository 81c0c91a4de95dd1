// The year plan through the real okod's API (issue 19): the council reads the activity
// overview; the regisseur sets a light by hand with a remark and drafts next year's plan
// (a dry run first shows what comes over and why; the plan is then in the store, in the
// event log and seen by every reader of plans); the TOML it exports loads with the file
// loader as the same plan. Other roles are refused, bad bodies get a precise 400, a year
// without a plan a 404 listing the years that have one, a second draft a 409.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/year_plan/year_plan_loader.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

const std::string kPlan = "/api/v1/municipalities/GM0935/year-plan";

class YearPlanApi : public ::testing::Test {
protected:
    // A fresh okod for each test: each drafts or sets what the others must not see.
    void SetUp() override {
        okod_ = new ApiDaemon();  // 2 March 2026: this year is 2026
        ASSERT_TRUE(okod_->ready());
        tokens_ = demo_tokens(*okod_);
    }
    void TearDown() override {
        delete okod_;
        okod_ = nullptr;
    }

    static HttpResult call(const std::string& method, const std::string& path,
                           const std::string& token, const std::string& body = "") {
        return okod_->call(method, path, token, body);
    }
    static HttpResult set(const std::string& activity, const std::string& body,
                          const std::string& token) {
        return call("POST", fmt::format("{}/2026/activities/{}", kPlan, activity), token, body);
    }
    // The activity as the overview of `year` shows it.
    static json::object activity(int year, const std::string& id) {
        const auto r = call("GET", fmt::format("{}?year={}", kPlan, year), tokens_.council);
        EXPECT_EQ(r.status, 200) << r.body;
        const auto overview = r.json();
        for (const auto& w : overview.at("workgroups").as_array())
            for (const auto& a : w.at("activities").as_array())
                if (a.at("id").as_string() == id) return a.as_object();
        return {};
    }
    // The year-plan lines of GM0935's event log.
    static std::vector<std::string> logged() {
        std::vector<std::string> notes;
        const auto events =
            call("GET", "/api/v1/events?municipality=GM0935&limit=1000", tokens_.admin).json();
        for (const auto& e : events.at("events").as_array()) {
            const std::string kind(e.at("kind").as_string());
            if (kind == "activity_status_set" || kind == "year_plan_drafted")
                notes.push_back(kind + ": " + std::string(e.at("note").as_string()));
        }
        return notes;
    }
    // A plan exported by okod, read by the loader of plans/ files.
    static std::optional<LoadedYearPlan> load_exported(const std::string& toml, int year) {
        const TempDir dir;
        const fs::path file = dir.path() / fmt::format("GM0935-{}.toml", year);
        write_file(file, toml);
        Municipality m;
        m.code = "GM0935";
        std::vector<LoadError> errors;
        auto loaded = load_year_plan(file, {m}, errors);
        EXPECT_TRUE(errors.empty()) << errors[0].to_string();
        return loaded;
    }

    static ApiDaemon* okod_;
    static DemoTokens tokens_;
};
ApiDaemon* YearPlanApi::okod_ = nullptr;
DemoTokens YearPlanApi::tokens_;

TEST_F(YearPlanApi, the_council_reads_this_years_overview_in_its_language) {
    const auto r = call("GET", kPlan, tokens_.council);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto o = r.json();
    EXPECT_EQ(o.at("year").as_int64(), 2026);  // okod's clock
    EXPECT_EQ(o.at("years"), json::parse("[2025, 2026]"));
    EXPECT_EQ(o.at("origin").as_string(), "file");
    EXPECT_FALSE(o.at("next_year_has_plan").as_bool());
    const auto& groups = o.at("workgroups").as_array();
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_EQ(groups[0].at("id").as_string(), "monitor");
    EXPECT_FALSE(groups[0].at("goals").as_array().empty());
    std::int64_t activities = 0;
    for (const auto& w : groups) activities += std::ssize(w.at("activities").as_array());
    EXPECT_EQ(o.at("counts").at("total").as_int64(), activities);
    EXPECT_EQ(activity(2026, "webinars").at("remark").as_string(), "nog geen status");
    EXPECT_EQ(activity(2026, "webinars").at("source").as_string(), "none");

    const auto en = call("GET", kPlan + "?year=2026&lang=en", tokens_.council);
    ASSERT_EQ(en.status, 200) << en.body;
    const auto english = en.json();
    for (const auto& a : english.at("workgroups").as_array()[1].at("activities").as_array())
        if (a.at("id").as_string() == "webinars") {
            EXPECT_EQ(a.at("remark").as_string(), "no status yet");
            EXPECT_EQ(a.at("title").as_string(), "Four webinars for parents and professionals");
        }
}

TEST_F(YearPlanApi, a_year_without_a_plan_is_a_404_that_lists_the_years_with_one) {
    const auto r = call("GET", kPlan + "?year=2030", tokens_.council);
    ASSERT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(r.message(), "no year plan for GM0935 in 2030 (plans for GM0935: 2025, 2026)");
    EXPECT_EQ(r.json().at("years"), json::parse("[2025, 2026]"));
    EXPECT_EQ(call("GET", kPlan + "/2030/toml", tokens_.council).status, 404);
}

TEST_F(YearPlanApi, the_regisseur_sets_a_light_with_a_remark_and_it_is_in_the_overview_and_log) {
    const auto r = set("webinars", R"({"light": "oranje", "remark": "twee van de vier gegeven"})",
                       tokens_.regisseur);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json().at("light").as_string(), "oranje");
    EXPECT_EQ(r.json().at("source").as_string(), "manual");
    EXPECT_EQ(r.json().at("set_by").as_string(), "api:Sanne");

    const auto a = activity(2026, "webinars");
    EXPECT_EQ(a.at("light").as_string(), "oranje");
    EXPECT_EQ(a.at("remark").as_string(), "twee van de vier gegeven");
    EXPECT_TRUE(a.at("set_at").as_string().starts_with("2026-03-02T"));
    EXPECT_EQ(logged(), (std::vector<std::string>{
                            "activity_status_set: jaarplan 2026, activiteit webinars: oranje: "
                            "twee van de vier gegeven (door api:Sanne)"}));
}

TEST_F(YearPlanApi, a_bad_light_a_blank_remark_or_an_unknown_activity_is_a_precise_400) {
    const auto geel = set("webinars", R"({"light": "geel", "remark": "x"})", tokens_.regisseur);
    EXPECT_EQ(geel.status, 400) << geel.body;
    EXPECT_EQ(geel.message(), "the light must be groen, oranje or rood, not 'geel'");
    const auto blank = set("webinars", R"({"light": "groen", "remark": "  "})", tokens_.regisseur);
    EXPECT_EQ(blank.status, 400) << blank.body;
    EXPECT_NE(blank.message().find("needs a remark"), std::string::npos) << blank.body;
    const auto unknown = set("webinar", R"({"light": "groen", "remark": "x"})", tokens_.regisseur);
    EXPECT_EQ(unknown.status, 400) << unknown.body;
    EXPECT_NE(unknown.message().find("the year plan GM0935 2026 has no activity 'webinar' (its "
                                     "activities: jeugdmonitor-voorbereiding,"),
              std::string::npos)
        << unknown.body;
    const auto no_light = set("webinars", R"({"remark": "x"})", tokens_.regisseur);
    EXPECT_EQ(no_light.status, 400) << no_light.body;
    EXPECT_TRUE(logged().empty());
}

TEST_F(YearPlanApi, the_council_and_a_stakeholder_may_read_but_not_set_or_draft) {
    for (const auto* token : {&tokens_.council, &tokens_.stakeholder}) {
        EXPECT_EQ(set("webinars", R"({"light": "groen", "remark": "x"})", *token).status, 403);
        EXPECT_EQ(call("POST", kPlan + "/2026/draft-next", *token, R"({"dry_run": true})").status,
                  403);
    }
    EXPECT_EQ(call("GET", kPlan, tokens_.stakeholder).status, 403);
    EXPECT_TRUE(logged().empty());
}

TEST_F(YearPlanApi, drafting_next_year_previews_then_stores_the_plan_with_orange_and_red_over) {
    ASSERT_EQ(set("nieuwsbrief", R"({"light": "groen", "remark": "vier nieuwsbrieven verstuurd"})",
                  tokens_.regisseur)
                  .status,
              200);
    ASSERT_EQ(set("webinars", R"({"light": "oranje", "remark": "twee van de vier gegeven"})",
                  tokens_.regisseur)
                  .status,
              200);

    const auto preview =
        call("POST", kPlan + "/2026/draft-next", tokens_.regisseur, R"({"dry_run": true})");
    ASSERT_EQ(preview.status, 200) << preview.body;
    const auto p = preview.json();
    EXPECT_EQ(p.at("year").as_int64(), 2027);
    EXPECT_TRUE(p.at("dry_run").as_bool());
    std::map<std::string, json::value> decisions;
    for (const auto& d : p.at("decisions").as_array())
        decisions[std::string(d.at("activity").as_string())] = d;
    EXPECT_EQ(decisions.at("webinars").at("remark").as_string(),
              "overgenomen uit 2026: oranje – twee van de vier gegeven");
    EXPECT_TRUE(decisions.at("webinars").at("carried").as_bool());
    EXPECT_EQ(decisions.at("nieuwsbrief").at("reason").as_string(), "done_once");
    EXPECT_FALSE(decisions.at("nieuwsbrief").at("carried").as_bool());
    EXPECT_EQ(p.at("left_out").as_int64(), 1);
    // A dry run stores nothing.
    EXPECT_EQ(call("GET", kPlan + "?year=2027", tokens_.council).status, 404);

    const auto made =
        call("POST", kPlan + "/2026/draft-next", tokens_.regisseur, R"({"dry_run": false})");
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(made.json().at("decisions"), p.at("decisions"));
    const auto next = call("GET", kPlan + "?year=2027", tokens_.council);
    ASSERT_EQ(next.status, 200) << next.body;
    EXPECT_EQ(next.json().at("origin").as_string(), "store");
    EXPECT_EQ(next.json().at("drafted").at("from").as_int64(), 2026);
    EXPECT_EQ(next.json().at("drafted").at("by").as_string(), "api:Sanne");
    EXPECT_EQ(next.json().at("years"), json::parse("[2025, 2026, 2027]"));
    EXPECT_EQ(activity(2027, "webinars").at("plan_remark").as_string(),
              "overgenomen uit 2026: oranje – twee van de vier gegeven | Met Trimbos; "
              "onderwerpen: alcohol thuis, vapen, cannabis, gamen");
    EXPECT_TRUE(activity(2027, "nieuwsbrief").empty());
    EXPECT_TRUE(activity(2026, "webinars").at("light").as_string() == "oranje");
    const auto log = logged();
    ASSERT_EQ(log.size(), 3u);
    EXPECT_EQ(log[2], fmt::format("year_plan_drafted: jaarplan 2027 opgesteld uit 2026: {} van {} "
                                  "activiteiten overgenomen (door api:Sanne)",
                                  p.at("carried").as_int64(), decisions.size()));
    // Once only; and 2025 cannot be drafted into the 2026 that exists as a file.
    const auto again = call("POST", kPlan + "/2026/draft-next", tokens_.regisseur, "{}");
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_NE(again.message().find("GM0935 has a year plan for 2027 already (store: GM0935-2027)"),
              std::string::npos)
        << again.body;
    EXPECT_EQ(
        call("POST", kPlan + "/2025/draft-next", tokens_.regisseur, R"({"dry_run": true})").status,
        409);
    EXPECT_EQ(call("POST", kPlan + "/2030/draft-next", tokens_.regisseur, "{}").status, 404);
    EXPECT_EQ(logged().size(), 3u);
}

TEST_F(YearPlanApi, the_exported_toml_loads_with_the_file_loader_as_the_same_plan) {
    // A file's plan, written anew by okod, is the file's plan.
    const auto file_plan = call("GET", kPlan + "/2026/toml", tokens_.council);
    ASSERT_EQ(file_plan.status, 200) << file_plan.body;
    EXPECT_NE(file_plan.headers.find("text/plain"), std::string::npos);
    EXPECT_NE(file_plan.headers.find("GM0935-2026.toml"), std::string::npos);
    const auto exported = load_exported(file_plan.body, 2026);
    ASSERT_TRUE(exported);
    std::vector<LoadError> errors;
    Municipality m;
    m.code = "GM0935";
    const auto original =
        load_year_plan(okod_->dir() / "municipalities" / "plans" / "GM0935-2026.toml", {m}, errors);
    ASSERT_TRUE(original) << (errors.empty() ? "" : errors[0].to_string());
    EXPECT_EQ(exported->plan, original->plan);

    // A drafted plan: what okod stored, as a file would hold it.
    const auto made =
        call("POST", kPlan + "/2026/draft-next", tokens_.regisseur, R"({"dry_run": false})");
    ASSERT_EQ(made.status, 201) << made.body;
    const auto drafted = call("GET", kPlan + "/2027/toml", tokens_.council);
    ASSERT_EQ(drafted.status, 200) << drafted.body;
    const auto loaded = load_exported(drafted.body, 2027);
    ASSERT_TRUE(loaded);
    std::vector<std::string> carried;
    const auto answer = made.json();
    for (const auto& d : answer.at("decisions").as_array())
        if (d.at("carried").as_bool()) carried.emplace_back(d.at("activity").as_string());
    EXPECT_EQ(loaded->plan.activity_ids(), carried);
    EXPECT_EQ(loaded->plan.workgroups, original->plan.workgroups);
    EXPECT_EQ(loaded->plan.policy_goals, original->plan.policy_goals);
}

}  // namespace
}  // namespace okod::test
