// A municipality's settings changed through the real okod's API (issue 19): read with
// where they come from, checked by the file's own loader (a dry run and a mistake store
// nothing), saved with a line in the event log and taken up at once (a new budget line
// starts its decision workflow without a restart), an optimistic version, the roles
// that may not, the export that loads as a file, and the store over the file across a
// restart until `settings reset`.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <set>

#include "adapters/config/config.hpp"
#include "support/api_daemon.hpp"
#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr const char* kSettings = "/api/v1/municipalities/GM0935/settings";

std::string text(const json::value& v, std::string_view key) {
    const auto* o = v.is_object() ? v.as_object().if_contains(key) : nullptr;
    return o && o->is_string() ? std::string(o->as_string()) : std::string();
}

// okod with its store outside its own directory, so that a second okod opens the same
// store (a restart), with `edit` applied to its copy of the municipality files.
std::function<void(const std::filesystem::path&)> on_store(
    const std::filesystem::path& store,
    std::function<void(const std::filesystem::path&)> edit = {}) {
    return [store, edit](const std::filesystem::path& dir) {
        std::string toml = read_file(dir / "okod.toml");
        toml = std::regex_replace(toml, std::regex("path = \"state/okod.sqlite\""),
                                  fmt::format("path = \"{}\"", store.string()));
        write_file(dir / "okod.toml", toml);
        if (edit) edit(dir);
    };
}

class SettingsProcess : public ::testing::Test {
protected:
    void start(std::function<void(const std::filesystem::path&)> edit = {}) {
        okod_ = std::make_unique<ApiDaemon>("2026-03-02T09:00:00+01:00", "",
                                            on_store(store_.path() / "okod.sqlite", edit));
        ASSERT_TRUE(okod_->ready());
        tokens_ = demo_tokens(*okod_);
    }
    HttpResult call(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& token) const {
        return http_request(method, okod_->url() + path, body, token);
    }
    json::value settings() const {
        const auto r = call("GET", kSettings, "", tokens_.regisseur);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.json() : json::value(json::object{});
    }
    // The settings as they are now, with `change` applied to them, as a PUT body.
    static std::string body(const json::value& current,
                            const std::function<void(json::object&)>& change) {
        json::object s = current.at("settings").as_object();
        change(s);
        return json::serialize(
            json::object{{"version", current.at("version")}, {"settings", std::move(s)}});
    }
    json::array events() const {
        json::array all;
        std::int64_t after = 0;
        for (int page = 0; page < 100; ++page) {
            const auto r = call(
                "GET", fmt::format("/api/v1/events?municipality=GM0935&limit=1000&after={}", after),
                "", tokens_.admin);
            EXPECT_EQ(r.status, 200) << r.body;
            if (r.status != 200) break;
            const auto page_json = r.json();
            const auto& list = page_json.at("events").as_array();
            if (list.empty()) break;
            all.insert(all.end(), list.begin(), list.end());
            after = page_json.at("next_after").as_int64();
        }
        return all;
    }
    static void set_npo_until(json::object& s, const char* until) {
        for (auto& b : s["budget_lines"].as_array())
            if (text(b, "id") == "npo") b.as_object()["until"] = until;
    }

    TempDir store_;
    std::unique_ptr<ApiDaemon> okod_;
    DemoTokens tokens_;
};

TEST_F(SettingsProcess, shows_the_files_settings_to_the_regisseur_and_admin_only) {
    start();
    const auto s = settings();
    EXPECT_EQ(s.at("version").as_int64(), 0);
    EXPECT_EQ(text(s.at("source"), "kind"), "file");
    EXPECT_EQ(text(s.at("source"), "file"), "GM0935-maastricht.toml");
    const auto& set = s.at("settings");
    EXPECT_EQ(text(set, "trajectory_start"), "2022-01-01");
    EXPECT_EQ(set.at("capacity").at("total_fte").as_double(), 1.5);
    EXPECT_EQ(text(set.at("dates"), "scanner_date"), "2022-09-05");
    EXPECT_EQ(set.at("budget_lines").as_array().size(), 2u);
    EXPECT_EQ(set.at("lists").at("recommendations").as_array().size(), 4u);
    EXPECT_EQ(set.at("settings").at("starter_pack_days_before").as_int64(), 21);
    EXPECT_FALSE(set.as_object().contains("people")) << "people have their own pages";

    EXPECT_EQ(call("GET", kSettings, "", tokens_.admin).status, 200);
    for (const auto& token : {tokens_.council, tokens_.stakeholder}) {
        EXPECT_EQ(call("GET", kSettings, "", token).status, 403);
        EXPECT_EQ(call("PUT", kSettings, body(s, [](auto&) {}), token).status, 403);
        EXPECT_EQ(call("GET", std::string(kSettings) + ".toml", "", token).status, 403);
    }
    const auto groningen =
        okod_->token({"--role", "regisseur", "--municipality", "GM0014", "--label", "groningen"});
    EXPECT_EQ(call("GET", kSettings, "", groningen).status, 404);
    EXPECT_EQ(call("PUT", kSettings, body(s, [](auto&) {}), groningen).status, 404);
}

TEST_F(SettingsProcess, a_mistake_or_a_dry_run_stores_nothing_and_names_the_field) {
    start();
    const auto before = settings();
    const auto events_before = events().size();
    const auto bad = call("PUT", kSettings,
                          body(before,
                               [](json::object& s) {
                                   s["budget_lines"].as_array()[1].as_object()["until"] =
                                       "2024-02-31";
                                   s["trajectory_years"] = 99;
                               }),
                          tokens_.regisseur);
    ASSERT_EQ(bad.status, 422) << bad.body;
    std::set<std::string> fields;
    const auto refused = bad.json();
    for (const auto& p : refused.at("errors").as_array()) fields.insert(text(p, "field"));
    EXPECT_TRUE(fields.count("budget_lines[1].until")) << bad.body;
    EXPECT_TRUE(fields.count("trajectory_years")) << bad.body;

    const auto dry = call("PUT", std::string(kSettings) + "?dry_run=true",
                          body(before, [](json::object& s) { set_npo_until(s, "2024-07-31"); }),
                          tokens_.regisseur);
    ASSERT_EQ(dry.status, 200) << dry.body;
    const auto checked = dry.json();
    ASSERT_EQ(checked.at("changes").as_array().size(), 1u) << dry.body;
    EXPECT_EQ(checked.at("changes").as_array()[0].as_string(),
              "budget_lines.npo.until 2023-07-31 → 2024-07-31");

    EXPECT_EQ(json::serialize(settings()), json::serialize(before));
    EXPECT_EQ(events().size(), events_before);
}

TEST_F(SettingsProcess, saved_settings_are_logged_and_taken_up_without_a_restart) {
    start();
    const auto before = settings();
    const auto saved = call(
        "PUT", kSettings,
        body(before,
             [](json::object& s) {
                 set_npo_until(s, "2024-07-31");
                 s["budget_lines"].as_array().push_back(json::object{{"id", "spuk"},
                                                                     {"name", "SPUK-uitkering"},
                                                                     {"amount", 30000},
                                                                     {"until", "2026-10-31"}});
             }),
        tokens_.regisseur);
    ASSERT_EQ(saved.status, 200) << saved.body << okod_->log();
    EXPECT_EQ(saved.json().at("version").as_int64(), 1);
    EXPECT_EQ(text(saved.json().at("source"), "kind"), "store");
    EXPECT_EQ(text(saved.json().at("source"), "changed_by"), "api:Sanne");  // a token, no person

    bool logged = false;
    for (const auto& e : events())
        if (text(e, "kind") == "municipality_settings_changed" &&
            text(e, "note").find("budget_lines.npo.until 2023-07-31 → 2024-07-31") !=
                std::string::npos &&
            text(e, "note").find("+budget_lines.spuk.until 2026-10-31") != std::string::npos)
            logged = true;
    EXPECT_TRUE(logged);

    // The new line ends on 31 October: its decision starts 270 days before, so at once.
    const bool started = wait_until(
        [&] {
            const auto r = call("GET", "/api/v1/instances?municipality=GM0935", "", tokens_.admin);
            if (r.status != 200) return false;
            const auto list = r.json();
            for (const auto& i : list.at("instances").as_array())
                if (text(i, "workflow") == "budget-decision" &&
                    text(i, "key").rfind("spuk/", 0) == 0)
                    return true;
            return false;
        },
        10s);
    EXPECT_TRUE(started) << okod_->log();

    // Someone who still has version 0 is told so, and changes nothing.
    const auto stale =
        call("PUT", kSettings, body(before, [](json::object& s) { s["trajectory_years"] = 5; }),
             tokens_.admin);
    EXPECT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(settings().at("settings").at("trajectory_years").as_int64(), 4);
}

TEST_F(SettingsProcess, the_export_loads_as_a_municipality_file_to_the_same_municipality) {
    start();
    const auto before = settings();
    ASSERT_EQ(call("PUT", kSettings,
                   body(before,
                        [](json::object& s) {
                            s["lists"].as_object()["recommendations"].as_array().push_back(
                                json::value("Preventie in het mbo"));
                        }),
                   tokens_.regisseur)
                  .status,
              200);
    const auto exported = call("GET", std::string(kSettings) + ".toml", "", tokens_.regisseur);
    ASSERT_EQ(exported.status, 200);
    TempDir other;
    copy_demo_config(other.path(), {"GM0014-groningen.toml"});
    write_file(other.path() / "municipalities" / "GM0935-maastricht.toml", exported.body);
    const auto loaded = load_config(other.path() / "okod.toml");
    ASSERT_TRUE(loaded.config) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
    const auto& ms = loaded.config->municipalities;
    const auto m = std::find_if(ms.begin(), ms.end(), [](auto& x) { return x.code == "GM0935"; });
    ASSERT_NE(m, ms.end());
    EXPECT_EQ(m->lists.at("recommendations").back(), "Preventie in het mbo");
    EXPECT_EQ(m->budget_lines.size(), 2u);
    EXPECT_EQ(m->settings.at("starter_pack_days_before"), 21);
    const auto people =
        std::count_if(loaded.config->memberships.begin(), loaded.config->memberships.end(),
                      [](auto& x) { return x.municipality == "GM0935"; });
    EXPECT_EQ(people, 9) << "the people of the file come along";
}

TEST_F(SettingsProcess, the_store_wins_over_the_file_across_a_restart_until_reset) {
    start();
    ASSERT_EQ(
        call("PUT", kSettings, body(settings(), [](json::object& s) { s["trajectory_years"] = 5; }),
             tokens_.regisseur)
            .status,
        200);
    okod_.reset();
    // The sysadmin changes the file meanwhile.
    start([](const std::filesystem::path& dir) {
        const auto file = dir / "municipalities" / "GM0935-maastricht.toml";
        write_file(file, std::regex_replace(read_file(file), std::regex("trajectory_years = 4"),
                                            "trajectory_years = 6"));
    });
    const auto after_restart = settings();
    EXPECT_EQ(after_restart.at("version").as_int64(), 1);
    EXPECT_EQ(after_restart.at("settings").at("trajectory_years").as_int64(), 5);
    EXPECT_NE(okod_->log().find("settings of GM0935: version 1 from the store"), std::string::npos)
        << okod_->log();

    const auto token_file = store_.path() / "admin.token";
    write_file(token_file, tokens_.admin + "\n");
    const auto reset =
        run_binary("okoctl", {"municipalities", "settings", "reset", "GM0935", "--url",
                              okod_->url(), "--token-file", token_file.string()});
    EXPECT_EQ(reset.exit_code, 0) << reset.err;
    const auto after_reset = settings();
    EXPECT_EQ(text(after_reset.at("source"), "kind"), "file");
    EXPECT_EQ(after_reset.at("settings").at("trajectory_years").as_int64(), 6);
    const auto m = call("GET", "/api/v1/municipalities/GM0935", "", tokens_.admin).json();
    EXPECT_EQ(text(m, "trajectory_end").substr(0, 4), "2027") << json::serialize(m);
}

TEST_F(SettingsProcess, okoctl_exports_the_file_and_sets_settings_from_one) {
    start();
    const auto token_file = store_.path() / "regisseur.token";
    write_file(token_file, tokens_.regisseur + "\n");
    const std::vector<std::string> api{"--url", okod_->url(), "--token-file", token_file.string()};
    const auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), api.begin(), api.end());
        return run_binary("okoctl", args);
    };
    const auto file = store_.path() / "GM0935-maastricht.toml";
    const auto exported = with({"municipalities", "export", "GM0935", "-o", file.string()});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_EQ(read_file(file),
              read_file(okod_->dir() / "municipalities" / "GM0935-maastricht.toml"))
        << "with nothing stored, the export is the file itself";

    write_file(file, std::regex_replace(read_file(file), std::regex("trajectory_years = 4"),
                                        "trajectory_years = 5"));
    const auto dry =
        with({"municipalities", "settings", "set", "GM0935", "--file", file.string(), "--dry-run"});
    EXPECT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("trajectory_years 4 → 5"), std::string::npos) << dry.out;
    EXPECT_EQ(settings().at("version").as_int64(), 0);

    const auto set = with({"municipalities", "settings", "set", "GM0935", "--file", file.string()});
    EXPECT_EQ(set.exit_code, 0) << set.err;
    EXPECT_EQ(settings().at("settings").at("trajectory_years").as_int64(), 5);

    write_file(file, std::regex_replace(read_file(file), std::regex("cycle_years = 1"),
                                        "cycle_years = 3"));
    const auto bad = with({"municipalities", "settings", "set", "GM0935", "--file", file.string()});
    EXPECT_EQ(bad.exit_code, 1) << bad.out;
    EXPECT_NE(bad.err.find("cycle_years:"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace okod::test
