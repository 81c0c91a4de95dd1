// okoctl's view of the programme through okod's HTTP API: municipalities, workflow
// instances (and signalling one), the audit log page by page, and `okoctl people` and
// `okoctl outbox` sent to the API when a URL is given, against the real okod.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <csignal>
#include <sstream>

#include "support/api_daemon.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/output_lines.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
namespace fs = std::filesystem;

// A workflow that waits for the college's decision: `okoctl instances signal` moves it.
const char* kDecision = R"(id = "college-decision"
version = 1
initial = "wacht"
name = { nl = "Collegebesluit", en = "College decision" }

[start]
at = "trajectory_start"

[[states]]
id = "wacht"
name = { nl = "Wacht op het college", en = "Waiting for the college" }

[[states]]
id = "besloten"
name = { nl = "Besloten", en = "Decided" }
final = true

[[transitions]]
from = "wacht"
to = "besloten"
on = "college_decided"
)";

bool has_line_with(const std::string& text, const std::vector<std::string>& parts) {
    const auto lines = lines_of(text);
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return std::all_of(parts.begin(), parts.end(),
                           [&](const std::string& p) { return line.find(p) != std::string::npos; });
    });
}

class OkoctlApiProgramme : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        okod_ = new ApiDaemon("2026-03-02T09:00:00+01:00", "", [](const fs::path& dir) {
            write_file(dir / "definitions/college-decision.toml", kDecision);
            const auto maastricht = dir / "municipalities/GM0935-maastricht.toml";
            std::string text = read_file(maastricht);
            text.replace(text.find("workflows = ["), 13,
                         "workflows = [\n    \"college-decision\",");
            write_file(maastricht, text);
        });
        ASSERT_TRUE(okod_->ready());
        admin_ = token({"--role", "admin", "--label", "beheer"});
        regisseur_ = token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
        council_ = token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    }
    static void TearDownTestSuite() { delete okod_; }
    static std::string token(const std::vector<std::string>& args) { return okod_->token(args); }
    static fs::path config() { return okod_->config(); }

    // A user at a terminal with OKOD_URL and OKOD_TOKEN set (or not: `with_url`).
    static RunResult okoctl(const std::vector<std::string>& args, const std::string& token,
                            bool with_url = true) {
        return run_binary("okoctl", args,
                          {with_url ? "OKOD_URL=" + okod_->url() : "OKOD_URL",
                           "OKOD_TOKEN=" + token, "OKOD_TOKEN_FILE", "OKOD_CONFIG",
                           "XDG_CONFIG_HOME=" + (okod_->dir() / "xdg").string()});
    }
    static json::value instance_of(const std::string& workflow, const std::string& token) {
        const auto r = okoctl({"instances", "list", "--json"}, token);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        for (const auto& i : json_lines(r.out))
            if (i.at("workflow").as_string() == workflow) return i;
        ADD_FAILURE() << "no instance of " << workflow << ": " << r.out;
        return json::object{{"id", 0}, {"state", ""}, {"params", json::object{{"leaver", ""}}}};
    }

    static ApiDaemon* okod_;
    static std::string admin_, regisseur_, council_;
};
ApiDaemon* OkoctlApiProgramme::okod_ = nullptr;
std::string OkoctlApiProgramme::admin_, OkoctlApiProgramme::regisseur_,
    OkoctlApiProgramme::council_;

TEST_F(OkoctlApiProgramme, municipalities_shows_those_the_token_may_see_with_holders_and_cycle) {
    const auto all = okoctl({"municipalities", "list"}, admin_);
    ASSERT_EQ(all.exit_code, 0) << all.err;
    EXPECT_EQ(lines_of(all.out).size(), 4u) << all.out;  // header and three
    for (const auto* name : {"Groningen", "Utrecht", "Maastricht"})
        EXPECT_NE(all.out.find(name), std::string::npos) << all.out;
    const auto own = okoctl({"municipalities", "list", "--json"}, council_);
    ASSERT_EQ(own.exit_code, 0) << own.err;
    const auto codes = json_lines(own.out);
    ASSERT_EQ(codes.size(), 1u) << own.out;
    EXPECT_EQ(codes[0].at("code").as_string(), "GM0935");

    const auto show = okoctl({"municipalities", "show", "GM0935"}, council_);
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_TRUE(show.out.starts_with("GM0935 Maastricht\n")) << show.out;
    EXPECT_TRUE(has_line_with(show.out, {"next election", "2026-03-18"})) << show.out;
    EXPECT_TRUE(has_line_with(show.out, {"capacity", "fte (norm"})) << show.out;
    EXPECT_TRUE(has_line_with(show.out, {"regisseur", "maastricht-sanne", "0,6"})) << show.out;
    EXPECT_TRUE(has_line_with(show.out, {"election-playbook", "voor-de-verkiezingen"})) << show.out;

    EXPECT_EQ(okoctl({"municipalities", "show", "GM0014"}, regisseur_).exit_code, 4);
    EXPECT_EQ(okoctl({"municipalities", "show", "Maastricht"}, regisseur_).exit_code, 2);
}

TEST_F(OkoctlApiProgramme, an_instance_shows_its_history_and_moves_on_when_signalled) {
    const auto decision = instance_of("college-decision", regisseur_);
    const auto id = std::to_string(decision.at("id").as_int64());
    EXPECT_EQ(decision.at("state").as_string(), "wacht");
    const auto list = okoctl({"instances", "list"}, regisseur_);
    EXPECT_TRUE(has_line_with(list.out, {id, "college-decision", "wacht", "running"})) << list.out;

    const auto show = okoctl({"instances", "show", id}, council_);
    ASSERT_EQ(show.exit_code, 0) << show.err;
    EXPECT_TRUE(has_line_with(show.out, {"state", "wacht"})) << show.out;
    EXPECT_TRUE(has_line_with(show.out, {"instance_started", "in wacht"})) << show.out;

    // The council reads but may not steer; an unknown event is okod's refusal.
    EXPECT_EQ(okoctl({"instances", "signal", id, "college_decided"}, council_).exit_code, 3);
    const auto wrong = okoctl({"instances", "signal", id, "college_installed"}, regisseur_);
    EXPECT_EQ(wrong.exit_code, 1);
    EXPECT_NE(wrong.err.find("okoctl: 422: "), std::string::npos) << wrong.err;
    EXPECT_NE(wrong.err.find("does not react to event 'college_installed'"), std::string::npos)
        << wrong.err;
    EXPECT_EQ(okoctl({"instances", "signal", id, "college decided!"}, regisseur_).exit_code, 2);

    const auto signalled = okoctl({"instances", "signal", id, "college_decided"}, regisseur_);
    ASSERT_EQ(signalled.exit_code, 0) << signalled.err;
    EXPECT_NE(signalled.out.find("delivered college_decided to instance " + id), std::string::npos);
    EXPECT_TRUE(has_line_with(signalled.out, {"state", "besloten"})) << signalled.out;

    const auto after = okoctl({"instances", "show", id, "--json"}, regisseur_);
    ASSERT_EQ(after.exit_code, 0) << after.err;
    const auto instance = json::parse(after.out);
    EXPECT_EQ(instance.at("state").as_string(), "besloten");
    EXPECT_FALSE(instance.at("finished_at").is_null());
    const auto& history = instance.at("history").as_array();
    EXPECT_TRUE(std::any_of(history.begin(), history.end(), [](const json::value& e) {
        return e.at("kind").as_string() == "event_received" &&
               e.at("note").as_string() == "college_decided";
    })) << after.out;

    EXPECT_EQ(okoctl({"instances", "show", "999999"}, regisseur_).exit_code, 4);
}

TEST_F(OkoctlApiProgramme, the_event_log_pages_on_with_after) {
    const auto first = okoctl({"events", "--limit", "2"}, regisseur_);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    const auto lines = lines_of(first.out);
    ASSERT_EQ(lines.size(), 4u) << first.out;  // header, two events, next_after
    EXPECT_TRUE(lines[0].starts_with("SEQ")) << first.out;
    ASSERT_TRUE(lines[3].starts_with("next_after: ")) << first.out;
    const auto next = std::stoll(lines[3].substr(12));

    const auto second =
        okoctl({"events", "--limit", "2", "--after", std::to_string(next), "--json"}, regisseur_);
    ASSERT_EQ(second.exit_code, 0) << second.err;
    const auto page = json_lines(second.out);
    ASSERT_EQ(page.size(), 3u) << second.out;  // two events, then {"next_after": N}
    EXPECT_GT(page[0].at("seq").as_int64(), next);
    EXPECT_EQ(page[0].at("municipality").as_string(), "GM0935");
    EXPECT_EQ(page[2].at("next_after").as_int64(), page[1].at("seq").as_int64());

    EXPECT_EQ(okoctl({"events"}, council_).exit_code, 3);  // the council may not read the log
    EXPECT_EQ(okoctl({"events", "--after", "-1"}, regisseur_).exit_code, 2);
}

// One view, one renderer: the table through okod's API is the table okod's store gives
// on its server, line for line, but for the heading (the API does not send the
// municipality's name). The JSON lines: people_list_json_has_the_same_lines_...
TEST_F(OkoctlApiProgramme, people_list_through_the_api_prints_the_table_the_store_gives) {
    const std::vector<std::string> args{"people", "list", "--municipality",
                                        "GM0935", "--on", "2026-03-02"};
    const auto api = okoctl(args, regisseur_);
    ASSERT_EQ(api.exit_code, 0) << api.err;
    auto with_config = args;
    with_config.insert(with_config.end(), {"--config", config().string()});
    const auto local = okoctl(with_config, "", false);
    ASSERT_EQ(local.exit_code, 0) << local.err;
    auto api_lines = lines_of(api.out), local_lines = lines_of(local.out);
    ASSERT_GT(api_lines.size(), 3u) << api.out;
    EXPECT_EQ(api_lines[0], "GM0935 on 2026-03-02");
    EXPECT_EQ(local_lines[0], "GM0935 Maastricht on 2026-03-02");
    api_lines.erase(api_lines.begin());
    local_lines.erase(local_lines.begin());
    EXPECT_EQ(api_lines, local_lines) << "through the API:\n"
                                      << api.out << "\non the store:\n"
                                      << local.out;
}

TEST_F(OkoctlApiProgramme, people_through_the_api_add_assign_and_leave_then_list_shows_it) {
    const auto added = okoctl({"people", "add", "maastricht-noor", "--name", "Noor Peeters",
                               "--email", "noor@maastricht.example", "--language", "nl"},
                              regisseur_);
    ASSERT_EQ(added.exit_code, 0) << added.err;
    EXPECT_EQ(added.out.substr(0, added.out.find('\n')),
              "saved person maastricht-noor (Noor Peeters <noor@maastricht.example>)");

    const auto assigned =
        okoctl({"people", "assign", "maastricht-noor", "--municipality", "GM0935", "--role",
                "school-contact", "--from", "2026-03-02", "--fte", "0,2"},
               regisseur_);
    ASSERT_EQ(assigned.exit_code, 0) << assigned.err;
    EXPECT_NE(assigned.out.find("assigned school-contact in GM0935 to maastricht-noor, from "
                                "2026-03-02, 0,2 fte"),
              std::string::npos)
        << assigned.out;
    auto list = okoctl({"people", "list", "--municipality", "GM0935"}, regisseur_);
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_TRUE(has_line_with(list.out, {"maastricht-noor", "Noor Peeters",
                                         "noor@maastricht.example", "2026-03-02", "0,2"}))
        << list.out;
    EXPECT_TRUE(has_line_with(list.out, {"capacity:", "fte (norm"})) << list.out;

    const auto left = okoctl({"people", "leave", "maastricht-noor", "--municipality", "GM0935",
                              "--last-day", "2026-03-31"},
                             regisseur_);
    ASSERT_EQ(left.exit_code, 0) << left.err;
    EXPECT_NE(left.out.find("maastricht-noor leaves every role they hold in GM0935: last day "
                            "2026-03-31"),
              std::string::npos)
        << left.out;
    list = okoctl({"people", "list", "--municipality", "GM0935", "--on", "2026-04-01", "--json"},
                  regisseur_);
    ASSERT_EQ(list.exit_code, 0) << list.err;
    const auto holders = json_lines(list.out);
    ASSERT_FALSE(holders.empty());
    for (const auto& a : holders) {
        if (a.at("kind") == "assignment") {
            EXPECT_NE(a.at("person").as_string(), "maastricht-noor") << a;
        }
    }
    // The only holder of a role leaving starts a warm hand-over (Noor shared hers).
    const auto ciso = okoctl({"people", "leave", "maastricht-ruud", "--municipality", "GM0935",
                              "--role", "ciso", "--last-day", "2026-04-30"},
                             regisseur_);
    ASSERT_EQ(ciso.exit_code, 0) << ciso.err;
    const auto handover = instance_of("warm-handover", regisseur_);
    EXPECT_EQ(handover.at("params").at("leaver").as_string(), "maastricht-ruud") << handover;

    // A refusal by okod is its message and exit 1; the local-only options are refused.
    const auto unknown_role = okoctl({"people", "assign", "maastricht-noor", "--municipality",
                                      "GM0935", "--role", "ggd", "--from", "2026-04-01"},
                                     regisseur_);
    EXPECT_EQ(unknown_role.exit_code, 1);
    EXPECT_NE(unknown_role.err.find("okoctl: 422: unknown role 'ggd'"), std::string::npos)
        << unknown_role.err;
    const auto store =
        okoctl({"people", "list", "--municipality", "GM0935", "--store", "x.sqlite"}, regisseur_);
    EXPECT_EQ(store.exit_code, 2);
    EXPECT_NE(store.err.find("leave out --store"), std::string::npos) << store.err;
    const auto at = okoctl({"people", "leave", "maastricht-eva", "--municipality", "GM0935",
                            "--last-day", "2026-05-01", "--at", "2026-03-02T09:00:00+01:00"},
                           regisseur_);
    EXPECT_EQ(at.exit_code, 2);
    EXPECT_NE(at.err.find("leave out --at"), std::string::npos) << at.err;
    // Saving a person without --email would clear a recorded address.
    const auto partial =
        okoctl({"people", "add", "maastricht-noor", "--name", "Noor P."}, regisseur_);
    EXPECT_EQ(partial.exit_code, 2);
    EXPECT_NE(partial.err.find("--email"), std::string::npos) << partial.err;
    EXPECT_EQ(
        okoctl({"people", "list", "--municipality", "GM0935", "--history"}, regisseur_).exit_code,
        2);
    // The council may read the municipality but not the people list through the API.
    EXPECT_EQ(okoctl({"people", "list", "--municipality", "GM0935"}, council_).exit_code, 3);
}

TEST_F(OkoctlApiProgramme, people_list_without_a_url_still_reads_the_store) {
    const auto r = okoctl(
        {"people", "list", "--municipality", "GM0935", "--config", config().string()}, "", false);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has_line_with(r.out, {"Regisseur (projectleider)", "maastricht-sanne"})) << r.out;
}

// A script that reads `people list --json` on the server works unchanged against the API.
TEST_F(OkoctlApiProgramme, people_list_json_has_the_same_lines_through_the_api_as_on_the_store) {
    const auto local = okoctl(
        {"people", "list", "--municipality", "GM0344", "--json", "--config", config().string()}, "",
        false);
    ASSERT_EQ(local.exit_code, 0) << local.err;
    const auto remote = okoctl({"people", "list", "--municipality", "GM0344", "--json"}, admin_);
    ASSERT_EQ(remote.exit_code, 0) << remote.err;
    EXPECT_EQ(json_lines(remote.out), json_lines(local.out)) << "API:\n"
                                                             << remote.out << "store:\n"
                                                             << local.out;
    const auto table = okoctl({"people", "list", "--municipality", "GM0344"}, admin_);
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("capacity: "), std::string::npos) << table.out;
}

TEST_F(OkoctlApiProgramme, the_outbox_through_the_api_has_the_local_table_and_json) {
    const auto table = okoctl({"outbox"}, regisseur_);
    ASSERT_EQ(table.exit_code, 0) << table.err;
    const auto lines = lines_of(table.out);
    ASSERT_GE(lines.size(), 2u) << table.out;
    for (const auto* column :
         {"id", "status", "attempts", "when", "kind", "gm", "to", "last error"})
        EXPECT_NE(lines[0].find(column), std::string::npos) << lines[0];
    EXPECT_NE(lines.back().find(fmt::format("among the {} shown", lines.size() - 2)),
              std::string::npos)
        << table.out;

    const auto local = run_binary("okoctl",
                                  {"outbox", "--config", config().string(), "--json",
                                   "--municipality", "GM0935", "--status", "all"},
                                  {"OKOD_URL"});
    const auto remote =
        okoctl({"outbox", "--json", "--municipality", "GM0935", "--status", "all"}, admin_);
    ASSERT_EQ(remote.exit_code, 0) << remote.err;
    ASSERT_EQ(local.exit_code, 0) << local.err;
    const auto items = json_lines(remote.out);
    ASSERT_FALSE(items.empty()) << "the demo's first reminders are in the outbox";
    for (const auto& o : items) EXPECT_EQ(o.at("municipality").as_string(), "GM0935") << o;
    // The same JSON shape both ways (statuses may move on between the two reads).
    const auto local_items = json_lines(local.out);
    ASSERT_FALSE(local_items.empty());
    for (const auto& key : {"id", "key", "status", "attempts", "recipient", "created_at"})
        EXPECT_TRUE(local_items[0].as_object().contains(key) && items[0].as_object().contains(key))
            << key;

    // An admin token sees every municipality: which one must be said.
    const auto which = okoctl({"outbox"}, admin_);
    EXPECT_EQ(which.exit_code, 1);
    EXPECT_NE(which.err.find("okoctl: 400: query parameter 'municipality' is required"),
              std::string::npos)
        << which.err;
    EXPECT_EQ(okoctl({"outbox", "--store", "x.sqlite"}, regisseur_).exit_code, 2);
}

// Issue 16 from a laptop: the regisseur makes a person's calendar feed URL (it serves a
// calendar with no token; a second one only with --rotate), and only an admin links a
// person into another municipality.
TEST_F(OkoctlApiProgramme, people_feed_url_and_link_through_the_api) {
    auto r = okoctl({"people", "feed-url", "maastricht-lotte"}, regisseur_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string url = lines_of(r.out).at(0);
    EXPECT_TRUE(url.starts_with(okod_->url() + "/ical/person/okodcal_")) << url;
    const auto feed = http_request("GET", url);
    EXPECT_EQ(feed.status, 200) << feed.body;
    EXPECT_TRUE(feed.body.starts_with("BEGIN:VCALENDAR")) << feed.body.substr(0, 100);
    r = okoctl({"people", "feed-url", "maastricht-lotte"}, regisseur_);
    EXPECT_EQ(r.exit_code, 5) << r.err;  // 409: there is one, and it cannot be shown again
    EXPECT_NE(r.err.find("rotate"), std::string::npos) << r.err;
    EXPECT_EQ(http_request("GET", url).status, 200);  // still the same URL
    r = okoctl({"people", "feed-url", "maastricht-lotte", "--rotate"}, regisseur_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(http_request("GET", url).status, 401);  // the old one stopped

    r = okoctl({"people", "link", "maastricht-lotte", "--municipality", "GM0014"}, regisseur_);
    EXPECT_EQ(r.exit_code, 3) << r.err;  // 403: an admin's act
    r = okoctl({"people", "link", "maastricht-lotte", "--municipality", "GM0014"}, admin_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "maastricht-lotte now belongs to GM0014, GM0935\n");
    r = okoctl({"people", "unlink", "maastricht-lotte", "--municipality", "GM0014"}, admin_);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "maastricht-lotte now belongs to GM0935\n");
}

}  // namespace
}  // namespace okod::test
