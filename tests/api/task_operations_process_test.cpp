// The regisseur's task jobs through the real okod (issue 19): the views and the search
// of the task list, a task's history with who did what and why, undoing a completion
// within its step (and 409 once the step moved on), a deadline in the past refused,
// and a late-joining municipality's history skipped at once, after a dry run.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>
#include <set>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string text(const json::value& v, std::string_view key) {
    const auto* o = v.as_object().if_contains(key);
    return o && o->is_string() ? std::string(o->as_string()) : std::string();
}

class TaskOperationsProcess : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // Okod's clock from Monday 2 March 2026, 09:00: the demo has open and overdue work.
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
        const auto tokens = demo_tokens(*okod_);
        admin_ = tokens.admin;
        regisseur_ = tokens.regisseur;
        council_ = tokens.council;
        stakeholder_ = tokens.stakeholder;
    }
    static void TearDownTestSuite() { delete okod_; }

    static HttpResult call(const std::string& method, const std::string& path,
                           const std::string& token, const std::string& body = "") {
        return http_request(method, okod_->url() + path, body, token);
    }
    static json::value get(const std::string& path, const std::string& token = regisseur_) {
        const auto r = call("GET", path, token);
        EXPECT_EQ(r.status, 200) << path << ": " << r.body;
        return r.status == 200 ? r.json() : json::value(json::object{});
    }
    static json::array tasks(const std::string& query, const std::string& token = regisseur_) {
        const auto page = get("/api/v1/tasks?municipality=GM0935&limit=1000&" + query, token);
        const auto* list = page.as_object().if_contains("tasks");
        return list ? list->as_array() : json::array{};
    }
    static std::string message_of(const HttpResult& r) { return text(r.json(), "message"); }
    static json::array history(std::int64_t id) {
        const auto h = get(fmt::format("/api/v1/tasks/{}/history", id));
        EXPECT_EQ(h.at("task").as_int64(), id);
        return h.at("history").as_array();
    }
    static std::vector<std::string> kinds(const json::array& h) {
        std::vector<std::string> out;
        for (const auto& e : h) out.push_back(text(e, "kind"));
        return out;
    }

    static ApiDaemon* okod_;
    static std::string admin_, regisseur_, council_, stakeholder_;
};
ApiDaemon* TaskOperationsProcess::okod_ = nullptr;
std::string TaskOperationsProcess::admin_, TaskOperationsProcess::regisseur_,
    TaskOperationsProcess::council_, TaskOperationsProcess::stakeholder_;

TEST_F(TaskOperationsProcess, the_views_hold_what_their_names_promise) {
    const std::string now = text(get("/api/v1/me"), "now");
    ASSERT_TRUE(now.starts_with("2026-03-0")) << now;  // okod's clock, Monday 2 March 2026
    // ISO strings with the same offset compare as the moments they name (all +01:00 here).
    const std::string tomorrow = "2026-03-03T00:00:00+01:00";
    const std::string next_monday = "2026-03-09T00:00:00+01:00";
    const auto open = tasks("view=open");
    const auto today = tasks("view=today");
    const auto week = tasks("view=week");
    const auto overdue = tasks("view=overdue");
    const auto done = tasks("view=done");
    ASSERT_FALSE(overdue.empty());
    ASSERT_GE(week.size(), today.size());
    for (const auto& t : open) {
        EXPECT_TRUE(text(t, "status") == "open" || text(t, "status") == "overdue") << t;
    }
    for (const auto& t : overdue) {
        EXPECT_LT(text(t, "due"), now) << t;
        EXPECT_NE(text(t, "status"), "done") << t;
    }
    for (const auto& t : today) {
        EXPECT_LT(text(t, "due"), tomorrow) << t;
        EXPECT_NE(text(t, "status"), "skipped") << t;
    }
    for (const auto& t : week) {
        EXPECT_LT(text(t, "due"), next_monday) << t;
        EXPECT_NE(text(t, "status"), "done") << t;
    }
    for (const auto& t : done) {
        EXPECT_TRUE(text(t, "status") == "done" || text(t, "status") == "skipped") << t;
    }
    // Every overdue task is in today's view, every one of today's in the week's.
    const auto ids = [](const json::array& list) {
        std::set<std::int64_t> out;
        for (const auto& t : list) out.insert(t.at("id").as_int64());
        return out;
    };
    const auto today_ids = ids(today), week_ids = ids(week);
    for (const auto id : ids(overdue)) EXPECT_TRUE(today_ids.contains(id)) << id;
    for (const auto id : today_ids) EXPECT_TRUE(week_ids.contains(id)) << id;
    // A status narrows a view; one outside it is a mistake, said precisely.
    for (const auto& t : tasks("view=week&status=overdue")) EXPECT_EQ(text(t, "status"), "overdue");
    const auto wrong =
        call("GET", "/api/v1/tasks?municipality=GM0935&view=done&status=open", regisseur_);
    EXPECT_EQ(wrong.status, 400);
    EXPECT_EQ(message_of(wrong), "status open is not in view done: leave one of them out");
    const auto unknown = call("GET", "/api/v1/tasks?municipality=GM0935&view=later", regisseur_);
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(message_of(unknown), "view must be today, week, overdue, open or done, not 'later'");
}

TEST_F(TaskOperationsProcess, the_search_finds_words_of_titles_in_any_case_and_role_names) {
    const auto open = tasks("view=open");
    ASSERT_FALSE(open.empty());
    // The longest word of the first task's Dutch title, searched in capitals.
    std::string word;
    std::string title = text(open[0].at("title"), "nl");
    for (std::size_t at = 0; at < title.size();) {
        std::size_t end = at;
        while (end < title.size() && std::isalpha(static_cast<unsigned char>(title[end]))) ++end;
        if (end - at > word.size()) word = title.substr(at, end - at);
        at = end + 1;
    }
    ASSERT_GE(word.size(), 4u) << title;
    std::string shouted = word;
    for (auto& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto found = tasks("view=open&q=" + shouted);
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(found[0].at("id"), open[0].at("id")) << "first by deadline";
    for (const auto& t : found) {
        const std::string where =
            lower(text(t.at("title"), "nl") + " " + text(t.at("title"), "en") + " " +
                  text(t, "item") + " " + text(t, "role_name") + " " + text(t, "role"));
        EXPECT_NE(where.find(lower(word)), std::string::npos) << word << " in " << t;
    }
    EXPECT_LT(found.size(), open.size());
    // A role's name finds its tasks, whatever their titles say.
    std::set<std::int64_t> by_role;
    for (const auto& t : tasks("view=open&q=REGISSEUR")) by_role.insert(t.at("id").as_int64());
    const auto regisseurs = tasks("view=open&role=regisseur");
    ASSERT_FALSE(regisseurs.empty());
    for (const auto& t : regisseurs) EXPECT_TRUE(by_role.contains(t.at("id").as_int64())) << t;
    EXPECT_TRUE(tasks("q=zzzgeenzulketaakzzz").empty());
}

TEST_F(TaskOperationsProcess, history_shows_who_completed_undid_and_moved_a_task_and_why) {
    // A task that shares its step with another open one: undoing it is allowed.
    std::map<std::string, std::vector<std::int64_t>> by_step;
    for (const auto& t : tasks("view=open"))
        by_step[fmt::format("{}/{}", t.at("instance_id").as_int64(), text(t, "state"))].push_back(
            t.at("id").as_int64());
    // (Two open tasks of one state may still be of different entries of it, in a loop:
    // then the completion moves it on after all, and undo says so. Try until one stays.)
    std::int64_t id = 0;
    HttpResult undone;
    for (const auto& [step, ids] : by_step) {
        if (ids.size() < 2) continue;
        const std::string path = fmt::format("/api/v1/tasks/{}", ids.front());
        const auto moved = call("POST", path + "/reschedule", regisseur_,
                                R"({"due": "2026-04-15", "reason": "wethouder op vakantie"})");
        ASSERT_EQ(moved.status, 200) << moved.body;
        const auto done = call("POST", path + "/complete", regisseur_, R"({"note": "besproken"})");
        ASSERT_EQ(done.status, 200) << done.body;
        undone =
            call("POST", path + "/undo", regisseur_, R"({"reason": "verkeerde taak afgevinkt"})");
        if (undone.status == 409) continue;
        id = ids.front();
        break;
    }
    ASSERT_NE(id, 0) << "no step of the demo has two open tasks";
    ASSERT_EQ(undone.status, 200) << undone.body;
    const std::string path = fmt::format("/api/v1/tasks/{}", id);
    const auto past = call("POST", path + "/reschedule", regisseur_,
                           R"({"due": "2026-03-01", "reason": "vergeten"})");
    EXPECT_EQ(past.status, 400);
    EXPECT_EQ(message_of(past),
              "the new deadline 2026-03-01 is in the past: it must be today (2026-03-02) or later");
    EXPECT_EQ(text(undone.json(), "status"), "open");  // due in April again
    EXPECT_TRUE(undone.json().at("closed_at").is_null());

    const auto h = history(id);
    const auto k = kinds(h);
    ASSERT_GE(h.size(), 4u) << json::serialize(h);
    EXPECT_EQ(k.front(), "task_created");
    const auto at = [&](const std::string& kind) -> const json::value& {
        const auto it = std::find(k.begin(), k.end(), kind);
        EXPECT_NE(it, k.end()) << kind << " missing in " << json::serialize(h);
        return h.at(it == k.end() ? 0 : static_cast<std::size_t>(it - k.begin()));
    };
    const auto& resched = at("task_rescheduled");
    EXPECT_EQ(text(resched, "by"), "api:Sanne");
    EXPECT_EQ(text(resched, "reason"), "wethouder op vakantie");
    EXPECT_EQ(text(resched, "to"), "2026-04-15T17:00:00+02:00");
    EXPECT_FALSE(text(resched, "from").empty());
    const auto& completed = at("task_done");
    EXPECT_EQ(text(completed, "by"), "api:Sanne");
    EXPECT_EQ(text(completed, "note"), "besproken");
    const auto& reopened = at("task_reopened");
    EXPECT_EQ(text(reopened, "by"), "api:Sanne");
    EXPECT_EQ(text(reopened, "reason"), "verkeerde taak afgevinkt");
    // Oldest first.
    for (std::size_t n = 1; n < h.size(); ++n)
        EXPECT_LT(h[n - 1].at("seq").as_int64(), h[n].at("seq").as_int64());

    // Undoing an open task is a conflict; the council may not undo at all.
    const auto again = call("POST", path + "/undo", regisseur_, "");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(call("POST", path + "/undo", council_, "").status, 403);
}

TEST_F(TaskOperationsProcess, undo_is_refused_with_409_once_the_completion_moved_the_step_on) {
    // A step with one open task: completing it moves its instance on (if it waits for
    // its tasks); try such steps until one did.
    std::map<std::string, std::vector<json::value>> by_step;
    for (const auto& t : tasks("view=open"))
        by_step[fmt::format("{}/{}", t.at("instance_id").as_int64(), text(t, "state"))].push_back(
            t);
    bool tried = false;
    for (const auto& [step, list] : by_step) {
        if (list.size() != 1) continue;
        const auto& t = list.front();
        const auto id = t.at("id").as_int64();
        const auto instance = fmt::format("/api/v1/instances/{}", t.at("instance_id").as_int64());
        ASSERT_EQ(call("POST", fmt::format("/api/v1/tasks/{}/complete", id), regisseur_, "").status,
                  200);
        const auto after = get(instance, admin_);
        if (text(after, "state") == text(t, "state") && after.at("finished_at").is_null())
            continue;  // this step waits for something else
        const auto r = call("POST", fmt::format("/api/v1/tasks/{}/undo", id), regisseur_, "");
        EXPECT_EQ(r.status, 409) << r.body;
        EXPECT_NE(message_of(r).find("has moved on"), std::string::npos) << r.body;
        EXPECT_EQ(text(get(fmt::format("/api/v1/tasks/{}", id)), "status"), "done");
        tried = true;
        break;
    }
    EXPECT_TRUE(tried) << "no step of the demo moved on when its last task was done";
}

TEST_F(TaskOperationsProcess, a_bulk_skip_shows_what_it_would_skip_then_skips_it_with_the_reason) {
    const std::string path = "/api/v1/municipalities/GM0935/tasks/skip";
    const std::string reason = "al gedaan voordat okod in gebruik was";
    const auto before = tasks("view=open&due_before=2026-03-09");
    ASSERT_FALSE(before.empty());
    const auto dry = call("POST", path, regisseur_,
                          fmt::format(R"({{"due_before": "2026-03-09", "reason": "{}", )"
                                      R"("dry_run": true}})",
                                      reason));
    ASSERT_EQ(dry.status, 200) << dry.body;
    const auto would = dry.json();
    EXPECT_EQ(would.at("count").as_int64(), static_cast<std::int64_t>(before.size()));
    EXPECT_TRUE(would.at("dry_run").as_bool());
    EXPECT_EQ(would.at("tasks").as_array(), before);  // the same, and nothing changed
    EXPECT_EQ(tasks("view=open&due_before=2026-03-09"), before);

    // Who may not, and what is not theirs.
    const std::string body =
        fmt::format(R"({{"due_before": "2026-03-09", "reason": "{}"}})", reason);
    EXPECT_EQ(call("POST", path, council_, body).status, 403);
    EXPECT_EQ(call("POST", path, stakeholder_, body).status, 403);
    const auto other = call("POST", "/api/v1/municipalities/GM0014/tasks/skip", regisseur_, body);
    EXPECT_EQ(other.status, 404);
    EXPECT_EQ(message_of(other), "no municipality GM0014");
    const auto bad = call("POST", path, regisseur_,
                          R"({"due_before": "9 maart", "reason": "x", "dry_run": true})");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(call("POST", path, regisseur_, R"({"due_before": "2026-03-09"})").status, 400);

    const auto done = call("POST", path, regisseur_, body);
    ASSERT_EQ(done.status, 200) << done.body;
    const auto skipped = done.json();
    EXPECT_EQ(skipped.at("count").as_int64(), static_cast<std::int64_t>(before.size()));
    EXPECT_FALSE(skipped.at("dry_run").as_bool());
    for (const auto& t : skipped.at("tasks").as_array()) EXPECT_EQ(text(t, "status"), "skipped");
    EXPECT_TRUE(tasks("view=open&due_before=2026-03-09").empty());
    const auto h = history(before[0].at("id").as_int64());
    ASSERT_FALSE(h.empty());
    const auto& last = h.back();
    EXPECT_EQ(text(last, "kind"), "task_skipped");
    EXPECT_EQ(text(last, "reason"), reason);
    EXPECT_EQ(text(last, "by"), "api:Sanne");
}

}  // namespace
}  // namespace okod::test
