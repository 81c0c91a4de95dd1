// Every read of the API costs what the rows it asks about cost (issue 18), checked for the
// whole operations registry at once: each GET route is called in process (Api::handle, as
// okod's HTTP server calls it) on a store file with three municipalities' history, every
// statement it runs is recorded (observe_statements), and SQLite's plan for each
// (EXPLAIN QUERY PLAN, parameters unbound) must not read all of events, outbox or tasks,
// nor all their rows of every municipality.
// A new GET route fails here until it has a request below.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/auth/mail_link.hpp"
#include "adapters/auth/token_secret.hpp"
#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_db.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/operations.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "model/api_token.hpp"
#include "support/query_plan.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

// Reads that visit a whole table on purpose, each with why. The test fails on a row no
// read needs any more, so the list can only shrink.
struct Allowed {
    std::string_view route;  // Operation::id
    std::string_view table;
    std::string_view why;
};
// The AVG art. 15 export looks for the person in every event (also in free text,
// events_naming) and every e-mail of every municipality; it is rare and asked about one
// person.
constexpr std::array kAllowed{
    Allowed{"people.export", "events", "events_naming: the whole log, by law"},
    Allowed{"people.export", "outbox", "outbox_of_person: every municipality's e-mail"},
};

bool allowed(std::string_view route, std::string_view table) {
    for (const auto& a : kAllowed)
        if (a.route == route && a.table == table) return true;
    return false;
}

// Whether a plan line reads a whole table, or all of it across municipalities: a SCAN
// (also through an index); a walk along the rowid from a point to the end ("USING INTEGER
// PRIMARY KEY (rowid>?)"), which is how paging the whole log from seq 0 looks; or an
// index search bound by nothing that narrows it to one municipality, instance, person,
// task or row ("USING INDEX tasks_status_due (status=?)").
bool reads_all_of(const std::string& line, std::string_view table) {
    if (!full_scans({line}, {table}).empty()) return true;
    if (!line.starts_with(fmt::format("SEARCH {} USING ", table))) return false;
    const auto open = line.rfind('(');
    if (open == std::string::npos) return true;
    const std::string bound = line.substr(open);
    for (const auto* narrow :
         {"(municipality=", "(instance_id=", "(person_id=", "(task_id=", "(rowid=", "(key="})
        if (bound.starts_with(narrow)) return false;
    return true;
}

std::vector<std::pair<std::string, std::string>> whole_table_reads(
    const std::vector<std::string>& plan) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string_view table : {"events", "outbox", "tasks"})
        for (const auto& line : plan)
            if (reads_all_of(line, table)) out.emplace_back(table, line);
    return out;
}

// The SQL of the statements run while a request is served (any thread).
std::mutex recorded_mutex;
std::set<std::string> recorded;
void record(std::string_view sql) {
    const std::lock_guard lock(recorded_mutex);
    recorded.emplace(sql);
}

enum class Who { nobody, admin, regisseur, stakeholder };

struct Request {
    std::string target;  // {task} {instance} {person} {feed} {link} {mail_link} are filled in
    Who who = Who::admin;
    // What it answers: the OpenID Connect routes are 404 without an [oidc] section, and
    // read nothing either way.
    long status = 200;
};

// Every GET route of the registry, with the queries that choose different SQL.
const std::map<std::string_view, std::vector<Request>>& requests() {
    static const std::map<std::string_view, std::vector<Request>> kRequests{
        {"health", {{"/health", Who::nobody}}},
        {"ready", {{"/ready", Who::nobody}}},
        {"openapi", {{"/openapi.json", Who::nobody}}},
        {"dashboard", {{"/", Who::nobody}}},
        {"dashboard.index", {{"/index.html", Who::nobody}}},
        {"dashboard.alias", {{"/dashboard", Who::nobody}}},
        {"dashboard.script", {{"/app.js", Who::nobody}}},
        {"dashboard.style", {{"/style.css", Who::nobody}}},
        {"dashboard.asset", {{"/ui/nlds-components.css", Who::nobody}}},
        {"dashboard.icon", {{"/favicon.svg", Who::nobody}}},
        {"dashboard.icon.ico", {{"/favicon.ico", Who::nobody}}},
        {"auth.link.show", {{"/auth/link/{link}", Who::nobody}}},
        {"auth.methods", {{"/auth/methods", Who::nobody}}},
        {"auth.oidc.start", {{"/auth/oidc/start", Who::nobody, 404}}},
        {"auth.oidc.callback", {{"/auth/oidc/callback?code=x&state=y", Who::nobody, 404}}},
        {"ical.person", {{"/ical/person/{feed}.ics", Who::nobody}}},
        {"ical.municipality", {{"/ical/municipality/GM0935.ics"}}},
        {"mail_link.show", {{"/mail/afgerond/{mail_link}", Who::nobody}}},
        {"me", {{"/api/v1/me"}, {"/api/v1/me", Who::regisseur}}},
        {"version", {{"/api/v1/version"}}},
        {"municipalities.list", {{"/api/v1/municipalities"}}},
        {"municipalities.show", {{"/api/v1/municipalities/GM0935"}}},
        {"municipalities.process", {{"/api/v1/municipalities/GM0935/process"}}},
        {"municipalities.annual_report",
         {{"/api/v1/municipalities/GM0935/reports/annual?year=2026&format=html"},
          {"/api/v1/municipalities/GM0935/reports/annual?year=2026&format=csv"}}},
        {"execution_plan.show", {{"/api/v1/municipalities/GM0935/execution-plan"}}},
        {"year_plan.show", {{"/api/v1/municipalities/GM0935/year-plan?year=2026"}}},
        {"year_plan.export", {{"/api/v1/municipalities/GM0935/year-plan/2026/toml"}}},
        {"settings.show", {{"/api/v1/municipalities/GM0935/settings"}}},
        {"settings.export", {{"/api/v1/municipalities/GM0935/settings.toml"}}},
        {"survey.goals",
         {{"/api/v1/municipalities/GM0935/goals"},
          {"/api/v1/municipalities/GM0935/goals?year=2026"}}},
        {"tasks.list",
         {{"/api/v1/tasks?municipality=GM0935"},
          {"/api/v1/tasks?municipality=GM0935&status=open&due_before=2027-01-01"},
          {"/api/v1/tasks?municipality=GM0935&status=done&closed_after=2026-03-01"},
          {"/api/v1/tasks?municipality=GM0935&role=regisseur&person=maastricht-sanne"},
          {"/api/v1/tasks?municipality=GM0935", Who::stakeholder},
          {"/api/v1/tasks?municipality=GM0935&view=today"},
          {"/api/v1/tasks?municipality=GM0935&view=week&q=raad"},
          {"/api/v1/tasks?municipality=GM0935&view=done&q=regisseur", Who::stakeholder}}},
        {"tasks.show", {{"/api/v1/tasks/{task}"}, {"/api/v1/tasks/{task}", Who::stakeholder}}},
        {"tasks.history",
         {{"/api/v1/tasks/{task}/history"}, {"/api/v1/tasks/{task}/history", Who::stakeholder}}},
        {"instances.list", {{"/api/v1/instances?municipality=GM0935"}}},
        {"instances.show", {{"/api/v1/instances/{instance}"}}},
        {"people.list", {{"/api/v1/people?municipality=GM0935"}}},
        {"people.show", {{"/api/v1/people/{person}"}}},
        {"people.export", {{"/api/v1/people/{person}/export"}}},
        {"events.list",
         {{"/api/v1/events?municipality=GM0935"},
          {"/api/v1/events?municipality=GM0935&after=10&limit=5"}}},
        {"outbox.list",
         {{"/api/v1/outbox?municipality=GM0935"},
          {"/api/v1/outbox?municipality=GM0935&status=pending&after=1&limit=5"}}},
    };
    return kRequests;
}

TEST(ReadPlansRegistry, every_get_route_has_a_request) {
    for (const auto& op : operations()) {
        if (op.method != "GET") continue;
        EXPECT_TRUE(requests().contains(op.id))
            << op.id << " (" << op.path << ") has no request in read_plans_test.cpp";
    }
}

// Three demo municipalities, their workflows run on a virtual clock from March to
// November 2026 with Maastricht's tasks done on time: tasks open and done, instances,
// events, e-mails in the outbox. Tokens of each kind and a calendar feed secret.
class ReadPlans : public ::testing::Test {
protected:
    void SetUp() override {
        copy_demo_config(dir_.path());
        auto loaded = load_config(dir_ / "okod.toml");
        ASSERT_TRUE(loaded.config) << loaded.errors.at(0).to_string();
        store_path_ = loaded.config->store_path;
        auto r = open_runtime(std::move(*loaded.config), store_path_);
        ASSERT_TRUE(r.runtime) << r.errors.at(0).to_string();
        runtime_ = std::move(r.runtime);
        clock_ = std::make_unique<VirtualClock>(
            at_local(Date{date::year{2026}, date::month{3}, date::day{2}}, TimeOfDay{9 * 60}));
        engine_ = std::make_unique<Engine>(*runtime_->store, runtime_->definitions,
                                           runtime_->calendar, *clock_, runtime_->config.engine);
        for (const auto& m : runtime_->config.municipalities) engine_->plan(m);
        run_until(at_local(Date{date::year{2026}, date::month{11}, date::day{1}}, TimeOfDay{0}));

        ids_["person"] = "maastricht-sanne";
        ids_["task"] = std::to_string(open_task());
        ids_["instance"] =
            std::to_string(runtime_->store->instances_of_municipality("GM0935").at(0).id);
        const std::string feed = new_feed_secret();
        runtime_->store->set_feed_secret("maastricht-sanne", hash_token(feed), clock_->now());
        ids_["feed"] = feed;
        const std::string link = new_link_secret();
        const Instant wall_now = SystemClock().now();
        runtime_->store->add_sign_in_link(
            {hash_token(link), "maastricht-sanne", wall_now, wall_now + 15min, {}});
        ids_["link"] = link;
        // A reminder's one-click link to Sanne's open task.
        ids_["mail_link"] =
            sign_mail_link({std::string(kCompleteTaskLink), std::stoll(ids_["task"]),
                            "maastricht-sanne", clock_->now() + 24h * 30},
                           mail_link_key(*runtime_->store));
        secrets_[Who::admin] = token(ApiRole::admin, {}, "");
        secrets_[Who::regisseur] = token(ApiRole::regisseur, {"GM0935"}, "");
        secrets_[Who::stakeholder] = token(ApiRole::stakeholder, {"GM0935"}, "maastricht-sanne");
    }

    void run_until(Instant end) {
        for (int guard = 0; guard < 100'000; ++guard) {
            const auto next = engine_->next_due();
            if (!next || *next > end) break;
            clock_->advance_to(*next);
            TaskFilter f;
            f.municipality = "GM0935";
            f.status = TaskStatus::open;
            f.due_before = *next + 1s;
            for (const auto& t : runtime_->store->tasks_matching(f))
                engine_->complete_task(t.id, "maastricht-sanne");
            engine_->step();
        }
        clock_->advance_to(end);
    }

    TaskId open_task() {
        TaskFilter f;
        f.municipality = "GM0935";
        f.status = TaskStatus::open;
        f.role = "regisseur";  // hers: the stakeholder token may see it
        const auto open = runtime_->store->tasks_matching(f);
        EXPECT_FALSE(open.empty());
        return open.empty() ? 0 : open.front().id;
    }

    std::string token(ApiRole role, std::vector<std::string> municipalities,
                      const std::string& person) {
        ApiToken t;
        t.role = role;
        t.municipalities = std::move(municipalities);
        t.person_id = person;
        t.label = "read plans";
        t.created_at = clock_->now();
        const std::string secret = new_token_secret();
        t.hash = hash_token(secret);
        runtime_->store->add_token(t);
        return secret;
    }

    std::string fill(std::string text) const {
        for (const auto& [name, value] : ids_)
            for (auto at = text.find("{" + name + "}"); at != std::string::npos;
                 at = text.find("{" + name + "}"))
                text.replace(at, name.size() + 2, value);
        return text;
    }

    // The statements `request` ran; the answer must be 200, so the route did its reads.
    std::set<std::string> statements_of(Api& api, const Request& request) {
        HttpRequest r;
        r.method = "GET";
        r.target = fill(request.target);
        r.remote = "127.0.0.1:1";
        if (request.who != Who::nobody)
            r.headers["authorization"] = "Bearer " + secrets_.at(request.who);
        {
            const std::lock_guard lock(recorded_mutex);
            recorded.clear();
        }
        observe_statements(record);
        const auto response = api.handle(r);
        observe_statements(nullptr);
        EXPECT_EQ(response.status, request.status) << r.target << ": " << response.body;
        const std::lock_guard lock(recorded_mutex);
        return recorded;
    }

    TempDir dir_;
    std::filesystem::path store_path_;
    std::unique_ptr<Runtime> runtime_;
    std::unique_ptr<VirtualClock> clock_;
    std::unique_ptr<Engine> engine_;
    std::map<std::string, std::string> ids_;
    std::map<Who, std::string> secrets_;
};

TEST_F(ReadPlans, no_get_route_reads_all_of_events_outbox_or_tasks) {
    Api api(ApiContext{
        [this]() -> Runtime& { return *runtime_; },
        [this]() -> Engine& { return *engine_; },
        clock_.get(),
        [] {},
        [] { return std::string("ready"); },
        [] { return std::optional<std::string>(); },
        {},
    });
    std::map<std::string, std::vector<std::string>> plans;  // by SQL
    std::set<std::pair<std::string_view, std::string>> allowances_used;
    int statements = 0;
    for (const auto& op : operations()) {
        if (op.method != "GET" || !requests().contains(op.id)) continue;
        for (const auto& request : requests().at(op.id)) {
            for (const auto& sql : statements_of(api, request)) {
                ++statements;
                auto plan = plans.find(sql);
                if (plan == plans.end()) {
                    try {
                        plan = plans.emplace(sql, query_plan(store_path_, sql)).first;
                    } catch (const std::exception& e) {
                        ADD_FAILURE() << op.id << ": no plan for " << sql << ": " << e.what();
                        continue;
                    }
                }
                for (const auto& [table, line] : whole_table_reads(plan->second)) {
                    if (allowed(op.id, table)) {
                        allowances_used.emplace(op.id, table);
                        continue;
                    }
                    ADD_FAILURE() << op.id << " (GET " << fill(request.target) << ") reads all of "
                                  << table << ": " << line << "\n  SQL: " << sql;
                }
            }
        }
    }
    EXPECT_GT(statements, 50) << "the observer saw (almost) nothing";
    for (const auto& a : kAllowed)
        EXPECT_TRUE(allowances_used.contains({a.route, std::string(a.table)}))
            << a.route << " no longer reads all of " << a.table
            << ": delete its row from kAllowed in read_plans_test.cpp";
}

}  // namespace
}  // namespace okod::test
