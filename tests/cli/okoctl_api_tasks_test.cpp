// `okoctl tasks` as a regisseur runs it on her laptop: the real okoctl against the real
// okod's HTTP API, with tokens made by `okoctl tokens create`. Tables and JSON show
// what the token may see, writes print the task afterwards, and every failure is a
// message and an exit code a script can act on (daemon/client/exit_codes.hpp).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <csignal>
#include <map>
#include <sstream>

#include "support/api_daemon.hpp"
#include "support/child_process.hpp"
#include "support/output_lines.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
namespace fs = std::filesystem;

class OkoctlApiTasks : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        // Real time from Monday 2 March 2026: the demo municipalities have open tasks.
        okod_ = new ApiDaemon();
        ASSERT_TRUE(okod_->ready());
        regisseur_ = token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
        council_ = token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
        stakeholder_ = token({"--role", "stakeholder", "--municipality", "GM0935", "--person",
                              "maastricht-bram", "--label", "Bram"});
    }
    static void TearDownTestSuite() { delete okod_; }
    static std::string token(const std::vector<std::string>& args) { return okod_->token(args); }
    static fs::path config() { return okod_->config(); }
    static std::string url() { return okod_->url(); }

    // The environment of a user at a terminal: nothing from the one the tests run in,
    // a home without a token file unless a test writes one.
    static std::vector<std::string> env(const std::string& okod_url, const std::string& token) {
        return {okod_url.empty() ? "OKOD_URL" : "OKOD_URL=" + okod_url,
                token.empty() ? "OKOD_TOKEN" : "OKOD_TOKEN=" + token,
                "OKOD_TOKEN_FILE",
                "OKOD_CONFIG",
                "HOME=" + (okod_->dir() / "home").string(),
                "XDG_CONFIG_HOME=" + (okod_->dir() / "xdg").string()};
    }
    static RunResult okoctl(const std::vector<std::string>& args, const std::string& token) {
        return run_binary("okoctl", args, env(url(), token));
    }
    static json::value task_json(std::int64_t id) {
        const auto r = okoctl({"tasks", "show", std::to_string(id), "--json"}, regisseur_);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    }
    // The first task of this role with this status, as the regisseur sees it.
    static std::int64_t task_id(const std::string& role, const std::string& status = "open") {
        const auto r =
            okoctl({"tasks", "list", "--role", role, "--status", status, "--json"}, regisseur_);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        const auto tasks = json_lines(r.out);
        EXPECT_FALSE(tasks.empty()) << "no " << status << " task for " << role;
        return tasks.empty() ? 0 : tasks.front().at("id").as_int64();
    }

    static ApiDaemon* okod_;
    static std::string regisseur_, council_, stakeholder_;
};
ApiDaemon* OkoctlApiTasks::okod_ = nullptr;
std::string OkoctlApiTasks::regisseur_, OkoctlApiTasks::council_, OkoctlApiTasks::stakeholder_;

TEST_F(OkoctlApiTasks, the_regisseur_lists_tasks_as_an_aligned_table_or_as_json_lines) {
    const auto table = okoctl({"tasks", "list"}, regisseur_);
    ASSERT_EQ(table.exit_code, 0) << table.err;
    const auto rows = lines_of(table.out);
    ASSERT_GT(rows.size(), 2u) << table.out;
    EXPECT_TRUE(rows[0].starts_with("ID  ")) << rows[0];
    for (const auto* column : {"DUE", "STATUS", "ROLE", "GM", "TITLE"})
        EXPECT_NE(rows[0].find(column), std::string::npos) << rows[0];
    // The election playbook's briefing of the parties, due Wednesday at 17:00 local.
    const auto briefing = std::find_if(rows.begin(), rows.end(), [](const std::string& row) {
        return row.find("Politieke partijen informeren over OKO") != std::string::npos;
    });
    ASSERT_NE(briefing, rows.end()) << table.out;
    EXPECT_NE(briefing->find("2026-03-04 17:00"), std::string::npos) << *briefing;
    EXPECT_NE(briefing->find("GM0935"), std::string::npos) << *briefing;
    // Columns line up: every title starts where the header's TITLE does.
    const auto title_at = rows[0].find("TITLE");
    EXPECT_EQ(briefing->find("Politieke"), title_at) << table.out;

    const auto lines = okoctl({"tasks", "list", "--json"}, regisseur_);
    ASSERT_EQ(lines.exit_code, 0) << lines.err;
    const auto tasks = json_lines(lines.out);
    EXPECT_EQ(tasks.size(), rows.size() - 1);
    for (const auto& t : tasks) {
        EXPECT_EQ(t.at("municipality").as_string(), "GM0935");
        EXPECT_TRUE(t.at("title").at("nl").is_string()) << t;
    }

    const auto filtered = okoctl({"tasks", "list", "--status", "open", "--due-before", "2026-03-05",
                                  "--role", "regisseur", "--limit", "1", "--json"},
                                 regisseur_);
    ASSERT_EQ(filtered.exit_code, 0) << filtered.err;
    const auto first = json_lines(filtered.out);
    ASSERT_EQ(first.size(), 1u) << filtered.out;
    EXPECT_EQ(first[0].at("status").as_string(), "open");
    EXPECT_EQ(first[0].at("role").as_string(), "regisseur");
}

TEST_F(OkoctlApiTasks, a_stakeholder_sees_only_the_tasks_of_the_roles_they_hold) {
    const auto r = okoctl({"tasks", "list", "--json"}, stakeholder_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto tasks = json_lines(r.out);
    ASSERT_FALSE(tasks.empty());
    for (const auto& t : tasks) {
        const std::string role(t.at("role").as_string());
        EXPECT_TRUE(role == "ggd-contact" || role == "kernteam") << t;
    }
    const auto others =
        okoctl({"tasks", "show", std::to_string(task_id("regisseur"))}, stakeholder_);
    EXPECT_EQ(others.exit_code, 4) << others.err;
}

TEST_F(OkoctlApiTasks, completing_prints_the_task_done_and_completing_again_changes_nothing) {
    const auto id = task_id("regisseur");
    const auto done = okoctl(
        {"tasks", "complete", std::to_string(id), "--note", "besproken in kernteam"}, regisseur_);
    ASSERT_EQ(done.exit_code, 0) << done.err;
    EXPECT_TRUE(done.out.starts_with(fmt::format("task {}: ", id))) << done.out;
    EXPECT_NE(done.out.find("status        done"), std::string::npos) << done.out;
    EXPECT_NE(done.out.find("note          besproken in kernteam"), std::string::npos) << done.out;
    EXPECT_NE(done.out.find("by api:Sanne"), std::string::npos) << done.out;
    const auto closed_at = task_json(id).at("closed_at");

    // okod's complete is idempotent: the same answer, nothing closed twice.
    const auto again = okoctl({"tasks", "complete", std::to_string(id)}, regisseur_);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("status        done"), std::string::npos) << again.out;
    const auto after = task_json(id);
    EXPECT_EQ(after.at("closed_at"), closed_at);
    EXPECT_EQ(after.at("note").as_string(), "besproken in kernteam");

    // A closed task cannot be skipped: a conflict.
    const auto skip =
        okoctl({"tasks", "skip", std::to_string(id), "--reason", "te laat"}, regisseur_);
    EXPECT_EQ(skip.exit_code, 5) << skip.err;
    EXPECT_NE(skip.err.find("okoctl: 409: "), std::string::npos) << skip.err;
}

TEST_F(OkoctlApiTasks, skipping_records_the_reason) {
    const auto id = task_id("regisseur");
    const auto r = okoctl({"tasks", "skip", std::to_string(id), "--reason", "niet van toepassing"},
                          regisseur_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("status        skipped"), std::string::npos) << r.out;
    EXPECT_EQ(task_json(id).at("status").as_string(), "skipped");
}

TEST_F(OkoctlApiTasks, rescheduling_with_a_stale_if_due_exits_5_and_changes_nothing) {
    const auto id = task_id("regisseur");
    const std::string due(task_json(id).at("due").as_string());
    const auto stale =
        okoctl({"tasks", "reschedule", std::to_string(id), "--due", "2026-12-01T17:00:00+01:00",
                "--reason", "raad vergadert later", "--if-due", "2020-01-01T17:00:00+01:00"},
               regisseur_);
    EXPECT_EQ(stale.exit_code, 5) << stale.err;
    EXPECT_NE(stale.err.find("okoctl: 409: "), std::string::npos) << stale.err;
    EXPECT_EQ(task_json(id).at("due").as_string(), due);

    // The deadline the user saw, in any ISO spelling (here UTC), is the current one.
    const auto seen = parse_instant(due);
    ASSERT_TRUE(seen);
    const auto ok =
        okoctl({"tasks", "reschedule", std::to_string(id), "--due", "2026-12-01T17:00:00+01:00",
                "--reason", "raad vergadert later", "--if-due", date::format("%FT%TZ", *seen)},
               regisseur_);
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_NE(ok.out.find("due           2026-12-01 17:00"), std::string::npos) << ok.out;
    EXPECT_EQ(task_json(id).at("due").as_string(), "2026-12-01T17:00:00+01:00");
}

TEST_F(OkoctlApiTasks, bad_arguments_exit_2_before_any_request) {
    // okod "at" a port where nothing listens: had a request gone out, the exit would be 6.
    const auto nowhere = fmt::format("http://127.0.0.1:{}", free_loopback_port());
    const std::vector<std::vector<std::string>> bad{
        {"tasks", "skip", "12"},                               // no --reason
        {"tasks", "skip", "12", "--reason", "  "},             // a blank one
        {"tasks", "show", "twelve"},                           // not an id
        {"tasks", "show", "0"},                                // not a positive one
        {"tasks", "list", "--municipality", "0935"},           // not a CBS code
        {"tasks", "list", "--status", "later"},                // not a status
        {"tasks", "list", "--due-before", "next week"},        // not a time
        {"tasks", "reschedule", "12", "--due", "2026-04-14"},  // no --reason
        {"tasks", "reschedule", "12", "--due", "14-04-2026", "--reason", "x"},
        {"tasks", "list", "--url", "127.0.0.1:8470"},  // not an http URL
        {"tasks", "list", "--view", "later"},          // not a view
        {"tasks", "skip", "--reason", "x"},            // neither a task nor a municipality
        {"tasks", "skip", "12", "--municipality", "GM0935", "--due-before", "2026-03-09",
         "--reason", "x"},                                               // both
        {"tasks", "skip", "--municipality", "GM0935", "--reason", "x"},  // no --due-before
        {"tasks", "skip", "--municipality", "GM0935", "--due-before", "9 maart", "--reason", "x"},
    };
    for (const auto& args : bad) {
        const auto r = run_binary("okoctl", args, env(nowhere, regisseur_));
        EXPECT_EQ(r.exit_code, 2) << fmt::format("{}", fmt::join(args, " ")) << ": " << r.err;
    }
    const auto r = run_binary("okoctl", {"tasks", "skip", "12"}, env(nowhere, regisseur_));
    EXPECT_NE(r.err.find("--reason is required"), std::string::npos) << r.err;
}

TEST_F(OkoctlApiTasks, todays_view_with_a_search_and_a_tasks_history_after_an_undo) {
    const auto today = okoctl({"tasks", "list", "--view", "today", "--json"}, regisseur_);
    ASSERT_EQ(today.exit_code, 0) << today.err;
    for (const auto& t : json_lines(today.out)) {
        EXPECT_NE(t.at("status").as_string(), "done") << t;
        EXPECT_LT(std::string(t.at("due").as_string()), "2026-03-03") << t;
    }
    const auto searched =
        okoctl({"tasks", "list", "--view", "open", "--search", "REGISSEUR", "--json"}, regisseur_);
    ASSERT_EQ(searched.exit_code, 0) << searched.err;
    EXPECT_FALSE(json_lines(searched.out).empty());
    const auto none = okoctl({"tasks", "list", "--search", "zzzgeenzulketaakzzz"}, regisseur_);
    EXPECT_EQ(none.out, "no tasks match\n");

    // A completion undone where its step has another open task.
    std::map<std::string, std::vector<std::int64_t>> by_step;
    const auto open = okoctl({"tasks", "list", "--view", "open", "--json"}, regisseur_);
    for (const auto& t : json_lines(open.out))
        by_step[fmt::format("{}/{}", t.at("instance_id").as_int64(),
                            std::string(t.at("state").as_string()))]
            .push_back(t.at("id").as_int64());
    // (A loop may have left a task of an earlier entry of the state open: try the next.)
    std::string key;
    RunResult undo;
    for (const auto& [step, ids] : by_step) {
        if (ids.size() < 2) continue;
        key = std::to_string(ids.front());
        ASSERT_EQ(okoctl({"tasks", "complete", key, "--note", "klaar"}, regisseur_).exit_code, 0);
        undo = okoctl({"tasks", "undo", key, "--reason", "toch niet klaar"}, regisseur_);
        if (undo.exit_code == 0) break;
    }
    ASSERT_EQ(undo.exit_code, 0) << undo.err;
    EXPECT_EQ(undo.out.find("status        done"), std::string::npos) << undo.out;
    EXPECT_EQ(task_json(std::stoll(key)).at("closed_at"), json::value(nullptr));
    const auto again = okoctl({"tasks", "undo", key}, regisseur_);
    EXPECT_EQ(again.exit_code, 5) << again.err;  // not done: a conflict

    const auto history = okoctl({"tasks", "history", key}, regisseur_);
    ASSERT_EQ(history.exit_code, 0) << history.err;
    const auto rows = lines_of(history.out);
    ASSERT_GE(rows.size(), 4u) << history.out;
    EXPECT_TRUE(rows[0].starts_with("AT")) << history.out;
    EXPECT_NE(rows[1].find("task_created"), std::string::npos) << history.out;
    EXPECT_NE(history.out.find("task_done"), std::string::npos) << history.out;
    const auto& last = rows.back();
    EXPECT_NE(last.find("task_reopened"), std::string::npos) << history.out;
    EXPECT_NE(last.find("api:Sanne"), std::string::npos) << history.out;
    EXPECT_NE(last.find("toch niet klaar"), std::string::npos) << history.out;
}

TEST_F(OkoctlApiTasks, a_late_joining_municipalitys_history_is_skipped_after_a_dry_run) {
    const std::vector<std::string> skip{
        "tasks",        "skip",       "--municipality", "GM0935",
        "--due-before", "2026-03-09", "--reason",       "al gedaan voordat okod in gebruik was"};
    auto dry_args = skip;
    dry_args.push_back("--dry-run");
    const auto dry = okoctl(dry_args, regisseur_);
    ASSERT_EQ(dry.exit_code, 0) << dry.err;
    const auto lines = lines_of(dry.out);
    ASSERT_GE(lines.size(), 3u) << dry.out;
    EXPECT_TRUE(lines[0].starts_with("would skip ")) << dry.out;
    EXPECT_TRUE(lines[1].starts_with("ID")) << dry.out;
    const auto first = lines[2].substr(0, lines[2].find(' '));
    EXPECT_NE(task_json(std::stoll(first)).at("status").as_string(), "skipped");

    EXPECT_EQ(okoctl(skip, council_).exit_code, 3);
    const auto done = okoctl(skip, regisseur_);
    ASSERT_EQ(done.exit_code, 0) << done.err;
    EXPECT_EQ(lines_of(done.out).at(0),
              "skipped" + lines[0].substr(std::string("would skip").size()))
        << done.out;
    EXPECT_EQ(task_json(std::stoll(first)).at("status").as_string(), "skipped");
}

TEST_F(OkoctlApiTasks, the_council_may_read_but_not_complete_exit_3) {
    const auto id = task_id("regisseur");
    const auto shown = okoctl({"tasks", "show", std::to_string(id)}, council_);
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    const auto r = okoctl({"tasks", "complete", std::to_string(id)}, council_);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find(fmt::format("okoctl: 403: a council token may not complete task {}", id)),
              std::string::npos)
        << r.err;
    EXPECT_EQ(task_json(id).at("status").as_string(), "open");
}

TEST_F(OkoctlApiTasks, an_unknown_task_exits_4) {
    const auto r = okoctl({"tasks", "show", "999999"}, regisseur_);
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_EQ(r.err, "okoctl: 404: no task 999999\n");
    EXPECT_EQ(r.out, "");
}

TEST_F(OkoctlApiTasks, okod_not_running_exits_6_naming_the_url) {
    const auto nowhere = fmt::format("http://127.0.0.1:{}", free_loopback_port());
    const auto r = run_binary("okoctl", {"tasks", "list"}, env(nowhere, regisseur_));
    EXPECT_EQ(r.exit_code, 6);
    EXPECT_NE(r.err.find("okoctl: cannot reach okod at " + nowhere), std::string::npos) << r.err;
}

TEST_F(OkoctlApiTasks, without_a_token_exit_3_says_where_it_looked_and_how_to_make_one) {
    const auto r = okoctl({"tasks", "list"}, "");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("OKOD_TOKEN is not set"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((okod_->dir() / "xdg/okod/token").string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("okoctl tokens create"), std::string::npos) << r.err;
}

TEST_F(OkoctlApiTasks, a_bad_token_exits_3) {
    const auto r = okoctl({"tasks", "list"}, "okod_not-a-token");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("okoctl: 401: unknown or revoked token"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("OKOD_TOKEN"), std::string::npos) << r.err;
}

TEST_F(OkoctlApiTasks, the_token_comes_from_a_file_and_one_others_may_read_is_warned_about) {
    TempDir home;
    const auto file = home / "token";
    write_file(file, "  " + regisseur_ + "\n");  // whitespace around it is dropped
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
    auto r = run_binary("okoctl", {"tasks", "list", "--token-file", file.string()}, env(url(), ""));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");

    fs::permissions(file, fs::perms::group_read | fs::perms::others_read, fs::perm_options::add);
    r = run_binary("okoctl", {"tasks", "list"}, [&] {
        auto e = env(url(), "");
        e.push_back("OKOD_TOKEN_FILE=" + file.string());
        return e;
    }());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("warning: the token file " + file.string() + " is readable by others"),
              std::string::npos)
        << r.err;

    // The default place: $XDG_CONFIG_HOME/okod/token.
    const auto fallback = okod_->dir() / "xdg/okod/token";
    write_file(fallback, stakeholder_);
    fs::permissions(fallback, fs::perms::owner_read | fs::perms::owner_write);
    r = okoctl({"tasks", "list", "--json"}, "");
    fs::remove(fallback);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& t : json_lines(r.out)) EXPECT_NE(t.at("role").as_string(), "regisseur") << t;

    r = run_binary("okoctl", {"tasks", "list", "--token-file", (home / "missing").string()},
                   env(url(), ""));
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("cannot read the token file"), std::string::npos) << r.err;

    // A file with a comment or a second line is refused, not sent as a header.
    write_file(file, regisseur_ + "\n# Sanne's laptop\n");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write,
                    fs::perm_options::replace);
    r = run_binary("okoctl", {"tasks", "list", "--token-file", file.string()}, env(url(), ""));
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("has spaces or more than one line"), std::string::npos) << r.err;

    // --token-file wins over $OKOD_TOKEN: the council's token in the environment does
    // not make the regisseur's file read-only.
    write_file(file, regisseur_);
    r = run_binary("okoctl", {"tasks", "list", "--token-file", file.string()},
                   env(url(), council_));
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(OkoctlApiTasks, without_a_url_the_address_comes_from_the_config) {
    auto r =
        run_binary("okoctl", {"tasks", "list", "--config", config().string()}, env("", regisseur_));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("GM0935"), std::string::npos) << r.out;

    r = run_binary("okoctl", {"tasks", "list", "--config", (okod_->dir() / "none.toml").string()},
                   env("", regisseur_));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("okod's API address is unknown: pass --url or set OKOD_URL"),
              std::string::npos)
        << r.err;
}

}  // namespace
}  // namespace okod::test
