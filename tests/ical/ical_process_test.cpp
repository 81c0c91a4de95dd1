// The calendar feeds of the real okod process, fetched with a real HTTP client (libcurl)
// and tokens made by the real okoctl, and read back by an independent iCalendar parser
// (scripts/validate_ics.py, Debian's python3-icalendar): who may fetch which feed, the
// errors, stable bytes, the alarms at the reminder time, and a task completed through
// the API showing as done.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <csignal>

#include "support/api_daemon.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

constexpr const char* kSystemPython = "/usr/bin/python3";  // the one with python3-icalendar

class IcalProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // Real time from Monday 2 March 2026: the demo municipalities have open tasks,
        // and the council election of 18 March 2026 is ahead.
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
        const auto dir = okod_->dir();
        regisseur_ = token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
        council_ = token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
        stakeholder_ = token({"--role", "stakeholder", "--municipality", "GM0935", "--person",
                              "maastricht-bram", "--label", "Bram"});
        utrecht_ = token({"--role", "regisseur", "--municipality", "GM0344", "--label", "Utrecht"});
        revoked_ = token({"--role", "council", "--municipality", "GM0935", "--label", "weg"});
        auto list = run_binary(
            "okoctl", {"tokens", "list", "--json", "--config", (dir / "okod.toml").string()});
        ASSERT_EQ(list.exit_code, 0) << list.err;
        std::string id;
        for (std::size_t start = 0, end = 0; start < list.out.size(); start = end + 1) {
            end = list.out.find('\n', start);
            if (end == std::string::npos) end = list.out.size();
            if (end == start) continue;
            const auto row = json::parse(list.out.substr(start, end - start));
            if (row.at("label").as_string() == "weg") id = std::to_string(row.at("id").as_int64());
        }
        ASSERT_FALSE(id.empty()) << list.out;
        auto revoke = run_binary(
            "okoctl", {"tokens", "revoke", id, "--config", (dir / "okod.toml").string()});
        ASSERT_EQ(revoke.exit_code, 0) << revoke.err;
        bram_feed_ = okod_->feed_path("maastricht-bram");
        ASSERT_TRUE(bram_feed_.starts_with("/ical/person/okodcal_")) << bram_feed_;
    }
    static void TearDownTestSuite() { delete okod_; }
    static std::string token(const std::vector<std::string>& args) { return okod_->token(args); }
    static std::string url(const std::string& path) { return okod_->url() + path; }
    static HttpResult call(const std::string& method, const std::string& path,
                           const std::string& token = "", const std::string& body = "") {
        return http_request(method, url(path), body, token);
    }
    static std::string error_of(const HttpResult& r) {
        return std::string(r.json().at("error").as_string());
    }
    static std::string message_of(const HttpResult& r) {
        return std::string(r.json().at("message").as_string());
    }

    // The feed read by scripts/validate_ics.py: its JSON summary. Fails the test when the
    // parser finds a problem.
    static json::object validated(const std::string& ics) {
        static int n = 0;
        const auto ics_file = okod_->dir() / fmt::format("feed-{}.ics", ++n);
        const auto summary_file = okod_->dir() / fmt::format("feed-{}.json", n);
        const auto log = okod_->dir() / fmt::format("validate-{}.log", n);
        write_file(ics_file, ics);
        ChildProcess python(kSystemPython,
                            {source_path("scripts/validate_ics.py").string(), ics_file.string(),
                             "-o", summary_file.string()},
                            log);
        const auto code = python.wait_for(60s);
        EXPECT_EQ(code, 0) << read_file(log) << read_file(summary_file);
        boost::system::error_code ec;
        auto v = json::parse(read_file(summary_file), ec);
        EXPECT_FALSE(ec) << read_file(log);
        if (ec || !v.is_object()) return {};
        EXPECT_TRUE(v.at("problems").as_array().empty()) << v.at("problems");
        return v.as_object();
    }
    static const json::object* event(const json::object& summary, const std::string& uid) {
        for (const auto& e : summary.at("events").as_array())
            if (e.at("uid").as_string() == uid) return &e.as_object();
        return nullptr;
    }
    // The first task of `role` in GM0935 with this status, as the API shows it.
    static json::object first_task(const std::string& role, const std::string& status) {
        auto r = call("GET", "/api/v1/tasks?municipality=GM0935&role=" + role + "&status=" + status,
                      regisseur_);
        EXPECT_EQ(r.status, 200) << r.body;
        const auto body = r.json();
        const auto& tasks = body.at("tasks").as_array();
        EXPECT_FALSE(tasks.empty()) << r.body;
        return tasks.empty() ? json::object{} : tasks[0].as_object();
    }

    static ApiDaemon* okod_;
    static std::string regisseur_, council_, stakeholder_, utrecht_, revoked_;
    static std::string bram_feed_;  // the path of Bram's calendar feed URL
};
ApiDaemon* IcalProcess::okod_ = nullptr;
std::string IcalProcess::regisseur_, IcalProcess::council_, IcalProcess::stakeholder_,
    IcalProcess::utrecht_, IcalProcess::revoked_, IcalProcess::bram_feed_;

TEST_F(IcalProcess, the_person_feed_by_its_feed_url_is_a_valid_dutch_calendar_with_alarms_at_nine) {
    const auto r = call("GET", bram_feed_);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.headers.find("Content-Type: text/calendar; charset=utf-8"), std::string::npos)
        << r.headers;
    EXPECT_NE(r.headers.find("Content-Disposition: inline; filename=\"okod-maastricht-bram.ics\""),
              std::string::npos)
        << r.headers;
    EXPECT_EQ(r.headers.find(bram_feed_.substr(13, 20)),
              std::string::npos);  // the secret is not echoed anywhere
    EXPECT_TRUE(r.body.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//okod//okod "))
        << r.body.substr(0, 200);
    EXPECT_NE(r.body.find("X-WR-CALNAME:OKO – Bram Hendriks\r\n"), std::string::npos);

    const auto summary = validated(r.body);
    const auto& events = summary.at("events").as_array();
    ASSERT_FALSE(events.empty()) << r.body;
    int alarms = 0;
    for (const auto& e : events) {
        const std::string s(e.at("summary").as_string());
        EXPECT_TRUE(s.starts_with("Deadline: ") || s.starts_with("Afgerond: ") ||
                    s.starts_with("Overgeslagen: "))
            << s;
        // Only the roles Bram holds: the GGD contact and the core team.
        const std::string d(e.at("description").as_string());
        EXPECT_TRUE(d.starts_with("Rol: Contactpersoon GGD\n") || d.starts_with("Rol: Kernteam\n"))
            << d;
        for (const auto& a : e.at("alarms").as_array()) {
            ++alarms;
            EXPECT_EQ(a.at("action").as_string(), "DISPLAY");
            EXPECT_TRUE(a.at("description").as_string().starts_with("Herinnering: "));
            // 09:00 local (the reminder time), or the deadline itself when that is earlier.
            const std::string local(a.at("trigger_local").as_string());
            EXPECT_TRUE(local.substr(11, 8) == "09:00:00" || local == e.at("dtstart").as_string())
                << local << " for " << e.at("dtstart").as_string();
        }
    }
    EXPECT_GT(alarms, 0);

    // The event of an open task matches what the API says about it.
    const auto task = first_task("ggd-contact", "open");
    const auto* e = event(summary, fmt::format("task-{}@okod", task.at("id").as_int64()));
    ASSERT_NE(e, nullptr) << r.body;
    EXPECT_EQ(e->at("summary").as_string(),
              "Deadline: " + std::string(task.at("title").at("nl").as_string()));
    EXPECT_EQ(e->at("dtstart").as_string(), task.at("due").as_string());
    EXPECT_EQ(e->at("alarms").as_array().size(), task.at("remind_days").as_array().size());
}

TEST_F(IcalProcess,
       the_person_feed_is_the_same_by_feed_url_by_id_with_a_bearer_token_and_on_a_second_fetch) {
    const auto by_path = call("GET", bram_feed_);
    ASSERT_EQ(by_path.status, 200) << by_path.body;
    const auto by_id = call("GET", "/ical/person/maastricht-bram.ics", regisseur_);
    ASSERT_EQ(by_id.status, 200) << by_id.body;
    EXPECT_EQ(by_id.body, by_path.body);
    const auto by_council = call("GET", "/ical/person/maastricht-bram.ics", council_);
    ASSERT_EQ(by_council.status, 200) << by_council.body;
    EXPECT_EQ(by_council.body, by_path.body);
    const auto own = call("GET", "/ical/person/maastricht-bram.ics", stakeholder_);
    EXPECT_EQ(own.status, 200) << own.body;
    EXPECT_EQ(call("GET", bram_feed_).body, by_path.body);  // byte-identical
    const auto head = http_request_with_headers("HEAD", url(bram_feed_), {});
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    EXPECT_NE(head.headers.find("Content-Type: text/calendar"), std::string::npos) << head.headers;
    // Youssef chose English: his feed speaks it.
    const auto english = call("GET", "/ical/person/maastricht-youssef.ics", regisseur_);
    ASSERT_EQ(english.status, 200) << english.body;
    EXPECT_NE(english.body.find("\r\nDESCRIPTION:Role: "), std::string::npos)
        << english.body.substr(0, 3000);
    validated(english.body);
}

TEST_F(IcalProcess, the_municipality_feed_for_the_council_has_all_deadlines_and_the_elections) {
    const auto r = call("GET", "/ical/municipality/GM0935.ics", council_);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.headers.find("Content-Disposition: inline; filename=\"okod-GM0935.ics\""),
              std::string::npos)
        << r.headers;
    EXPECT_NE(r.body.find("X-WR-CALNAME:OKO – Maastricht\r\n"), std::string::npos);
    EXPECT_NE(r.body.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n"), std::string::npos);
    const auto summary = validated(r.body);
    const auto* election = event(summary, "election-GM0935-2026-03-18@okod");
    ASSERT_NE(election, nullptr) << r.body;
    EXPECT_EQ(election->at("summary").as_string(), "Gemeenteraadsverkiezingen");
    EXPECT_EQ(election->at("dtstart").as_string(), "2026-03-18");
    EXPECT_TRUE(election->at("all_day").as_bool());
    // More than one person's roles: the regisseur's tasks are here too.
    const auto task = first_task("regisseur", "open");
    EXPECT_NE(event(summary, fmt::format("task-{}@okod", task.at("id").as_int64())), nullptr);
    EXPECT_EQ(call("GET", "/ical/municipality/GM0935.ics", council_).body,
              r.body);  // byte-identical
}

TEST_F(IcalProcess, a_task_completed_through_the_api_shows_as_done) {
    const auto task = first_task("ggd-contact", "open");
    const auto id = task.at("id").as_int64();
    const std::string uid = fmt::format("task-{}@okod", id);
    const std::string title(task.at("title").at("nl").as_string());
    auto before = validated(call("GET", bram_feed_).body);
    ASSERT_NE(event(before, uid), nullptr);
    EXPECT_EQ(event(before, uid)->at("summary").as_string(), "Deadline: " + title);

    const auto done = call("POST", fmt::format("/api/v1/tasks/{}/complete", id), stakeholder_,
                           R"({"note": "klaar"})");
    ASSERT_EQ(done.status, 200) << done.body;
    for (const std::string& feed : {bram_feed_, std::string("/ical/municipality/GM0935.ics")}) {
        const auto after = validated(call("GET", feed, council_).body);
        const auto* e = event(after, uid);
        ASSERT_NE(e, nullptr) << feed;
        EXPECT_EQ(e->at("summary").as_string(), "Afgerond: " + title);
        EXPECT_NE(e->at("description").as_string().find("Status: afgerond"), std::string::npos);
        EXPECT_TRUE(e->at("alarms").as_array().empty());
        // Stamped with the moment it was closed.
        EXPECT_EQ(parse_instant(std::string(e->at("dtstamp").as_string())),
                  parse_instant(std::string(done.json().at("closed_at").as_string())));
    }
}

TEST_F(IcalProcess, a_moved_deadline_is_a_new_revision_of_the_event) {
    const auto task = first_task("regisseur", "open");
    const auto id = task.at("id").as_int64();
    const std::string uid = fmt::format("task-{}@okod", id);
    const auto before = validated(call("GET", "/ical/municipality/GM0935.ics", council_).body);
    ASSERT_NE(event(before, uid), nullptr);
    EXPECT_EQ(event(before, uid)->at("sequence").as_int64(), 0);

    const auto moved = call("POST", fmt::format("/api/v1/tasks/{}/reschedule", id), regisseur_,
                            R"({"due": "2026-11-20T12:00", "reason": "na de begroting"})");
    ASSERT_EQ(moved.status, 200) << moved.body;
    const auto after = validated(call("GET", "/ical/municipality/GM0935.ics", council_).body);
    const auto* e = event(after, uid);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->at("sequence").as_int64(), 1);
    EXPECT_EQ(e->at("dtstart").as_string(), "2026-11-20T12:00:00+01:00");
    // Stamped when it was moved (okod's clock has seconds: the same second at the least).
    EXPECT_GE(parse_instant(std::string(e->at("dtstamp").as_string())),
              parse_instant(std::string(event(before, uid)->at("dtstamp").as_string())));
}

TEST_F(IcalProcess, who_may_not_fetch_gets_a_json_error) {
    // Unknown and revoked tokens, and unknown feed secrets.
    for (const auto& r : {call("GET", "/ical/person/okod_not-a-token.ics"),
                          call("GET", "/ical/person/okodcal_not-a-feed.ics"),
                          call("GET", "/ical/municipality/GM0935.ics", revoked_),
                          call("GET", "/ical/municipality/GM0935.ics?token=okod_nothing"),
                          call("GET", "/ical/municipality/GM0935.ics"),
                          call("GET", "/ical/person/maastricht-bram.ics")}) {
        EXPECT_EQ(r.status, 401) << r.body;
        EXPECT_EQ(error_of(r), "unauthorized");
        EXPECT_NE(r.headers.find("WWW-Authenticate: Bearer"), std::string::npos) << r.headers;
    }
    // A stakeholder has no municipality feed, and only its own person's.
    auto r = call("GET", "/ical/municipality/GM0935.ics", stakeholder_);
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_EQ(error_of(r), "forbidden");
    EXPECT_EQ(call("GET", "/ical/person/maastricht-sanne.ics", stakeholder_).status, 403);
    // Unknown or unreadable municipalities and people.
    r = call("GET", "/ical/municipality/GM9999.ics", council_);
    EXPECT_EQ(r.status, 404) << r.body;
    EXPECT_EQ(error_of(r), "not_found");
    EXPECT_EQ(call("GET", "/ical/municipality/GM0344.ics", council_).status, 404);
    EXPECT_EQ(call("GET", "/ical/person/nobody.ics", regisseur_).status, 404);
    EXPECT_EQ(call("GET", "/ical/person/maastricht-bram.ics", utrecht_).status,
              404);  // not Utrecht's
    // A person of another municipality is as unknown as nobody (the same 404 sentence).
    r = call("GET", "/ical/person/maastricht-bram.ics", utrecht_);
    EXPECT_EQ(message_of(r), "no person maastricht-bram");
    EXPECT_EQ(message_of(call("GET", "/ical/person/nobody.ics", utrecht_)), "no person nobody");
    // Only GET (and HEAD); no other shapes; no stray query parameters.
    r = call("POST", "/ical/municipality/GM0935.ics", council_, "{}");
    EXPECT_EQ(r.status, 405) << r.body;
    EXPECT_EQ(error_of(r), "method_not_allowed");
    r = call("POST", bram_feed_, "", "{}");
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(message_of(r).find(bram_feed_.substr(13)), std::string::npos);
    EXPECT_EQ(call("GET", "/ical/municipality/GM0935", council_).status, 404);
    EXPECT_EQ(call("GET", "/ical/team/GM0935.ics", council_).status, 404);
    EXPECT_EQ(call("GET", "/ical/municipality/GM0935.ics?from=2026-01-01", council_).status, 400);
    EXPECT_EQ(call("GET", "/health").status, 200);  // and okod keeps serving
}

// Issue 16: a URL pasted into a calendar service must not be an API token. Valid tokens
// in the path or in ?token= open nothing, whatever their role; the API still works with
// them in the Authorization header.
TEST_F(IcalProcess, api_tokens_in_a_feed_url_open_nothing) {
    for (const auto& token : {stakeholder_, regisseur_, council_}) {
        for (const auto& r : {call("GET", "/ical/person/" + token + ".ics"),
                              call("GET", "/ical/person/maastricht-bram.ics?token=" + token),
                              call("GET", "/ical/municipality/GM0935.ics?token=" + token)}) {
            EXPECT_EQ(r.status, 401) << r.body;
            EXPECT_EQ(error_of(r), "unauthorized");
            EXPECT_NE(message_of(r).find("feed"), std::string::npos) << r.body;
            EXPECT_EQ(r.body.find(token), std::string::npos);  // never echoed
        }
        EXPECT_EQ(call("GET", "/api/v1/me", token).status, 200);
    }
    // The log has the secret cut off, in the path as in the query.
    EXPECT_EQ(okod_->log().find(stakeholder_), std::string::npos);
}

// The feed URL is made anew on request (by the person's own token, or who manages
// people); the old one stops at once, and an existing one is replaced only on purpose.
TEST_F(IcalProcess, a_rotated_feed_url_replaces_the_old_one_at_once) {
    const std::string path = "/api/v1/people/maastricht-bram/feed-url";
    auto r = call("POST", path, stakeholder_, "{}");
    EXPECT_EQ(r.status, 409) << r.body;  // Bram has one: not replaced by accident
    ASSERT_EQ(call("GET", bram_feed_).status, 200);
    r = call("POST", path, stakeholder_, R"({"rotate": true})");
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string fresh(r.json().at("path").as_string());
    EXPECT_TRUE(fresh.starts_with("/ical/person/okodcal_")) << fresh;
    EXPECT_EQ(std::string(r.json().at("url").as_string()),
              "http://127.0.0.1:" + std::to_string(okod_->port()) + fresh);
    EXPECT_EQ(call("GET", bram_feed_).status, 401);  // the old URL
    EXPECT_EQ(call("GET", fresh).status, 200);
    // Someone else's: only who manages people, and only their own municipalities' people.
    EXPECT_EQ(call("POST", "/api/v1/people/maastricht-sanne/feed-url", stakeholder_, "{}").status,
              403);
    EXPECT_EQ(call("POST", "/api/v1/people/maastricht-bram/feed-url", council_, "{}").status, 403);
    EXPECT_EQ(call("POST", "/api/v1/people/maastricht-bram/feed-url", utrecht_, "{}").status, 404);
    // okoctl on the server: refused while one exists, --rotate replaces it.
    auto cli = run_binary(
        "okoctl", {"people", "feed-url", "maastricht-bram", "--config", okod_->config().string()});
    EXPECT_EQ(cli.exit_code, 1) << cli.err;
    EXPECT_NE(cli.err.find("--rotate"), std::string::npos) << cli.err;
    bram_feed_ = okod_->feed_path("maastricht-bram", true);
    EXPECT_EQ(call("GET", fresh).status, 401);
    EXPECT_EQ(call("GET", bram_feed_).status, 200);
}

}  // namespace
}  // namespace okod::test
