// Signing in by e-mail (issue 19), against the real okod process and a real SMTP
// server (postfix's smtp-sink): the link arrives, its page changes nothing, its POST
// opens a session once; expired and used links say so; the session cookie reads the
// API as the person's roles of the day allow, ends when idle, at logout and with a
// hand-over; and a write made with the cookie needs the session's CSRF token and okod's
// own Origin. Expiry is moved by editing the store, as a passing hour would leave it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>

#include "adapters/sqlite/sqlite_db.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_support.hpp"
#include "time/clock.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;

class SignInProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!SmtpSink::available()) return;
        work_ = new TempDir();
        sink_ = new SmtpSink(work_->path());
        okod_ = new ApiDaemon("2026-03-02T09:00:00+01:00", "", {}, sink_->port());
    }
    static void TearDownTestSuite() {
        delete okod_;
        delete sink_;
        delete work_;
        okod_ = nullptr;
    }
    void SetUp() override {
        if (!SmtpSink::available()) GTEST_SKIP() << SmtpSink::kMissing;
        ASSERT_TRUE(okod_->ready());
    }

    static std::string url(const std::string& path) { return okod_->url() + path; }
    static void sql(const std::string& statement) {
        SqliteDb db((okod_->dir() / "state/okod.sqlite").string());
        db.set_busy_timeout(5000);
        db.exec(statement);
    }
    static std::int64_t count(const std::string& query) {
        SqliteDb db((okod_->dir() / "state/okod.sqlite").string());
        db.set_busy_timeout(5000);
        auto s = db.prepare(query);
        return s.step() ? s.column_int64(0) : -1;
    }
    static std::string wall_seconds_ago(int seconds) {
        return std::to_string(SystemClock().now().time_since_epoch().count() - seconds);
    }

    static HttpResult ask_link(const std::string& email) {
        return http_request_with_headers("POST", url("/auth/link"),
                                         {"Content-Type: application/json"},
                                         fmt::format(R"({{"email": "{}"}})", email));
    }
    // The sign-in links in the mails `address` received so far.
    static std::vector<std::string> links_to(const std::string& address) {
        std::vector<std::string> links;
        for (const auto& m : sink_->messages()) {
            if (m.rcpt_to.empty() || m.rcpt_to.front() != address) continue;
            std::smatch found;
            if (std::regex_search(m.text, found, std::regex("/auth/link/okodlink_[A-Za-z0-9_-]+")))
                links.push_back(found.str());
        }
        return links;
    }
    // Asks for a link for `email` and returns its path from the mail that arrives,
    // "/auth/link/okodlink_...". The rate limit is reset first, as a minute going by would.
    static std::string link_for(const std::string& email) {
        sql("DELETE FROM sign_in_requests");
        // Every link mailed before has arrived, so the one that comes next is the new one.
        const auto sent = count(
            "SELECT count(*) FROM outbox WHERE kind = 'sign_in' AND status = 'sent' AND "
            "recipient = '" +
            email + "'");
        EXPECT_TRUE(wait_until(
            [&] { return static_cast<std::int64_t>(links_to(email).size()) >= sent; }, 10s));
        for (const auto& link : links_to(email)) seen_.insert(link);
        EXPECT_EQ(ask_link(email).status, 202);
        std::string fresh;
        EXPECT_TRUE(wait_until(
            [&] {
                for (const auto& link : links_to(email))
                    if (!seen_.count(link)) fresh = link;
                return !fresh.empty();
            },
            10s))
            << "no new link in the mails to " << email << "\n"
            << okod_->log();
        seen_.insert(fresh);
        return fresh;
    }
    static std::string cookie_of(const HttpResult& r) {
        std::smatch found;
        if (!std::regex_search(r.headers, found,
                               std::regex("okod_session=(okodsess_[A-Za-z0-9_-]+)")))
            return {};
        return found[1].str();
    }
    // Signs `email` in through the link in the mail; the okod_session cookie's value.
    static std::string sign_in(const std::string& email) {
        const auto r = http_request("POST", url(link_for(email)));
        EXPECT_EQ(r.status, 303) << r.body;
        return cookie_of(r);
    }
    static HttpResult get(const std::string& path, const std::string& cookie) {
        return http_request_with_headers("GET", url(path), {"Cookie: okod_session=" + cookie});
    }
    static HttpResult post(const std::string& path, const std::string& cookie,
                           std::vector<std::string> headers, const std::string& body = "{}") {
        headers.push_back("Cookie: okod_session=" + cookie);
        headers.push_back("Content-Type: application/json");
        return http_request_with_headers("POST", url(path), headers, body);
    }
    static std::string csrf_of(const std::string& cookie) {
        return std::string(get("/api/v1/me", cookie).json().at("csrf_token").as_string());
    }
    static std::string message_of(const HttpResult& r) {
        return std::string(r.json().at("message").as_string());
    }
    // An open task of Maastricht, as its regisseur sees it.
    static std::int64_t open_task(const std::string& cookie) {
        const auto r = get("/api/v1/tasks?municipality=GM0935&status=open", cookie);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json().at("tasks").as_array().at(0).at("id").as_int64();
    }

    static TempDir* work_;
    static SmtpSink* sink_;
    static ApiDaemon* okod_;
    inline static std::set<std::string> seen_;  // the links of mails read so far
};
TempDir* SignInProcess::work_ = nullptr;
SmtpSink* SignInProcess::sink_ = nullptr;
ApiDaemon* SignInProcess::okod_ = nullptr;

TEST_F(SignInProcess, the_mailed_link_opens_a_session_once_and_its_page_changes_nothing) {
    const std::string link = link_for("sanne.vermeulen@maastricht.example");
    ASSERT_FALSE(link.empty());
    // Mail scanners follow links: the page only shows a button, however often it is read.
    for (int i = 0; i < 2; ++i) {
        const auto page = http_request("GET", url(link));
        EXPECT_EQ(page.status, 200) << page.body;
        EXPECT_NE(page.body.find("Inloggen als Sanne Vermeulen"), std::string::npos) << page.body;
        EXPECT_EQ(page.headers.find("okod_session"), std::string::npos);
    }
    const auto used = http_request("POST", url(link));
    ASSERT_EQ(used.status, 303) << used.body;
    EXPECT_NE(used.headers.find("Location: /"), std::string::npos) << used.headers;
    EXPECT_NE(used.headers.find("HttpOnly; Secure; SameSite=Lax"), std::string::npos);
    const std::string cookie = cookie_of(used);
    ASSERT_FALSE(cookie.empty()) << used.headers;

    const auto me = get("/api/v1/me", cookie);
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json().at("role").as_string(), "regisseur");
    EXPECT_EQ(me.json().at("person_name").as_string(), "Sanne Vermeulen");
    EXPECT_EQ(me.json().at("municipalities").as_array(), json::array({"GM0935"}));
    EXPECT_EQ(me.json().at("csrf_token").as_string().size(), 64u);
    EXPECT_TRUE(me.json().at("session_expires_at").is_string());
    // The store keeps a hash, never the cookie's secret.
    EXPECT_EQ(count(fmt::format("SELECT count(*) FROM sessions WHERE hash = '{}'", cookie)), 0);

    // Used once: the second click gets a page that says so and offers a new link.
    const auto again = http_request("POST", url(link));
    EXPECT_EQ(again.status, 410) << again.body;
    EXPECT_NE(again.body.find("Deze link werkt niet meer"), std::string::npos) << again.body;
    EXPECT_NE(again.body.find("Stuur mij een inloglink"), std::string::npos);
    EXPECT_TRUE(cookie_of(again).empty());
    EXPECT_EQ(http_request("GET", url(link)).status, 410);
}

TEST_F(SignInProcess, an_unknown_address_gets_the_same_answer_and_no_mail) {
    const auto queued = [] { return count("SELECT count(*) FROM outbox WHERE kind = 'sign_in'"); };
    const auto before = queued();
    const auto unknown = ask_link("nobody@nowhere.example");
    const auto known = ask_link("lotte.janssen@maastricht.example");
    EXPECT_EQ(unknown.status, 202);
    EXPECT_EQ(unknown.body, known.body);
    // The form's answer is a page, the same for both too.
    const auto form = http_request_with_headers("POST", url("/auth/link"),
                                                {"Content-Type: application/x-www-form-urlencoded"},
                                                "email=nobody%40nowhere.example");
    EXPECT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Als dit adres bekend is, ontvangt u een link"), std::string::npos)
        << form.body;
    EXPECT_EQ(queued(), before + 1);  // Lotte's only
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE recipient LIKE 'nobody%'"), 0);
}

TEST_F(SignInProcess, one_link_a_minute_per_address_so_the_form_cannot_flood_anyone) {
    sql("DELETE FROM sign_in_requests");
    const auto mails = [] {
        return count(
            "SELECT count(*) FROM outbox WHERE kind = 'sign_in' AND person_id = 'maastricht-eva'");
    };
    const auto before = mails();
    for (int i = 0; i < 5; ++i) EXPECT_EQ(ask_link("Eva.Smeets@maastricht.example").status, 202);
    EXPECT_EQ(mails(), before + 1);
}

TEST_F(SignInProcess, an_expired_link_says_so_and_opens_nothing) {
    const std::string link = link_for("ruud.brouwers@maastricht.example");
    ASSERT_FALSE(link.empty());
    sql("UPDATE sign_in_links SET expires_at = " + wall_seconds_ago(1) +
        " WHERE person_id = 'maastricht-ruud'");
    const auto page = http_request("GET", url(link));
    EXPECT_EQ(page.status, 410);
    EXPECT_NE(page.body.find("verlopen"), std::string::npos) << page.body;
    const auto used = http_request("POST", url(link));
    EXPECT_EQ(used.status, 410);
    EXPECT_TRUE(cookie_of(used).empty());
}

TEST_F(SignInProcess, a_session_ends_when_idle_too_long_and_at_logout) {
    const auto idle = sign_in("y.elamrani@mondriaan.example");
    ASSERT_EQ(get("/api/v1/me", idle).status, 200);
    sql("UPDATE sessions SET idle_expires_at = " + wall_seconds_ago(1) +
        " WHERE person_id = 'maastricht-youssef'");
    const auto ended = get("/api/v1/me", idle);
    EXPECT_EQ(ended.status, 401) << ended.body;
    EXPECT_NE(message_of(ended).find("your session ended at"), std::string::npos) << ended.body;

    const auto cookie = sign_in("eva.smeets@maastricht.example");
    ASSERT_EQ(get("/api/v1/me", cookie).status, 200);
    EXPECT_EQ(post("/auth/logout", cookie, {}).status, 403);  // a write: CSRF-checked
    const auto out = post("/auth/logout", cookie, {"X-CSRF-Token: " + csrf_of(cookie)});
    ASSERT_EQ(out.status, 200) << out.body;
    EXPECT_NE(out.headers.find("okod_session=; Max-Age=0"), std::string::npos) << out.headers;
    EXPECT_EQ(get("/api/v1/me", cookie).status, 401);
    EXPECT_EQ(count("SELECT count(*) FROM sessions WHERE person_id = 'maastricht-eva'"), 0);
}

TEST_F(SignInProcess, a_write_with_the_cookie_needs_the_csrf_token_and_okods_own_origin) {
    const auto cookie = sign_in("sanne.vermeulen@maastricht.example");
    const std::string csrf = csrf_of(cookie);
    const auto task = open_task(cookie);
    const std::string complete = fmt::format("/api/v1/tasks/{}/complete", task);
    const std::string own = "Origin: " + okod_->url();
    for (const auto& [headers, why] : std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{own}, "X-CSRF-Token"},
             {{own, "X-CSRF-Token: 0000"}, "not this session's"},
             {{"Origin: http://evil.example", "X-CSRF-Token: " + csrf}, "another site"}}) {
        const auto r = post(complete, cookie, headers);
        EXPECT_EQ(r.status, 403) << why << ": " << r.body;
        EXPECT_NE(message_of(r).find(why), std::string::npos) << r.body;
    }
    EXPECT_EQ(get(fmt::format("/api/v1/tasks/{}", task), cookie).json().at("status").as_string(),
              "open");
    // With both, the same write goes through; a bearer token needs neither.
    const auto done = post(complete, cookie, {own, "X-CSRF-Token: " + csrf});
    EXPECT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(get(fmt::format("/api/v1/tasks/{}", task), cookie).json().at("status").as_string(),
              "done");
}

TEST_F(SignInProcess, another_municipalitys_session_finds_nothing_of_maastricht) {
    const auto maastricht = sign_in("sanne.vermeulen@maastricht.example");
    const auto task = open_task(maastricht);
    const auto groningen = sign_in("jan.devries@groningen.example");
    ASSERT_EQ(get("/api/v1/me", groningen).json().at("municipalities").as_array(),
              json::array({"GM0014"}));
    EXPECT_EQ(get(fmt::format("/api/v1/tasks/{}", task), groningen).status, 404);
    EXPECT_EQ(get("/api/v1/municipalities/GM0935", groningen).status, 404);
    EXPECT_EQ(get("/api/v1/people/maastricht-sanne", groningen).status, 404);
}

TEST_F(SignInProcess, a_hand_over_ends_the_sessions_access_that_day) {
    const auto cookie = sign_in("m.willems@maastricht.example");
    ASSERT_EQ(get("/api/v1/me", cookie).status, 200);
    // Her last day was yesterday on okod's clock (2 March 2026).
    const auto left = run_binary(
        "okoctl", {"people", "leave", "maastricht-stuurgroep", "--municipality", "GM0935",
                   "--last-day", "2026-03-01", "--config", okod_->config().string()});
    ASSERT_EQ(left.exit_code, 0) << left.err << left.out;
    const auto r = get("/api/v1/me", cookie);
    EXPECT_EQ(r.status, 401) << r.body;
    EXPECT_NE(message_of(r).find("holds no role in any municipality today"), std::string::npos)
        << r.body;
    // And no new link for her either.
    sql("DELETE FROM sign_in_requests");
    const auto before = count(
        "SELECT count(*) FROM outbox WHERE person_id = 'maastricht-stuurgroep' AND kind = "
        "'sign_in'");
    EXPECT_EQ(ask_link("m.willems@maastricht.example").status, 202);
    EXPECT_EQ(count("SELECT count(*) FROM outbox WHERE person_id = 'maastricht-stuurgroep' AND "
                    "kind = 'sign_in'"),
              before);
}

TEST_F(SignInProcess, without_a_cookie_or_token_the_api_says_how_to_sign_in) {
    const auto r = http_request("GET", url("/api/v1/me"));
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(message_of(r).find("not signed in"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace okod::test
