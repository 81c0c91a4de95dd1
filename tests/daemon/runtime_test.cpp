#include "daemon/runtime.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/config/config.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

// A copy of the demo config tree in a temp dir, so tests can change definitions.
class RuntimeTest : public ::testing::Test {
protected:
    void SetUp() override { copy_demo_config(dir_.path()); }

    RuntimeResult open() {
        auto loaded = load_config(dir_ / "okod.toml");
        EXPECT_TRUE(loaded.config.has_value())
            << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
        return open_runtime(std::move(*loaded.config), dir_ / "state/okod.sqlite");
    }

    void edit_cycle(const std::string& from, const std::string& to) {
        const fs::path file = dir_ / "definitions/oko-cycle.toml";
        std::string text = read_file(file);
        text.replace(text.find(from), from.size(), to);
        write_file(file, text);
    }

    TempDir dir_;
};

TEST_F(RuntimeTest, the_demo_config_opens_and_syncs_into_the_store) {
    auto r = open();
    ASSERT_TRUE(r.runtime) << r.errors[0].to_string();
    EXPECT_EQ(r.runtime->store->all_municipalities().size(), 3u);
    EXPECT_EQ(
        r.runtime->store->holders_of_role("GM0935", "regisseur", Date{date::year{2022} / 6 / 1})
            .at(0)
            .name,
        "Sanne Vermeulen");
    const int shipped = r.runtime->definitions.latest("oko-cycle")->version;
    EXPECT_TRUE(r.runtime->store->definition("oko-cycle", shipped).has_value());
}

TEST_F(RuntimeTest, a_changed_definition_without_a_new_version_is_refused) {
    auto before = open();
    ASSERT_TRUE(before.runtime);
    const int shipped = before.runtime->definitions.latest("oko-cycle")->version;
    edit_cycle("Jeugdmonitor afnemen op school", "Jeugdmonitor afnemen in de klas");
    auto r = open();
    EXPECT_FALSE(r.runtime);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(
        r.errors[0].message.find(fmt::format(
            "'oko-cycle' version {0} differs from the version {0} okod already runs", shipped)),
        std::string::npos)
        << r.errors[0].to_string();
}

TEST_F(RuntimeTest, old_versions_stay_available_for_the_instances_pinned_to_them) {
    auto before = open();
    ASSERT_TRUE(before.runtime);
    const int shipped = before.runtime->definitions.latest("oko-cycle")->version;
    edit_cycle(fmt::format("\nversion = {}\n", shipped),
               fmt::format("\nversion = {}\n", shipped + 1));
    auto r = open();
    ASSERT_TRUE(r.runtime) << r.errors[0].to_string();
    EXPECT_NE(r.runtime->definitions.get("oko-cycle", shipped), nullptr);
    EXPECT_EQ(r.runtime->definitions.latest("oko-cycle")->version, shipped + 1);
}

TEST_F(RuntimeTest, a_municipality_asking_for_an_unknown_workflow_is_an_error) {
    const fs::path file = dir_ / "municipalities/GM0014-groningen.toml";
    std::string text = read_file(file);
    text.replace(text.find("\"council-report\""), 16, "\"council-reprot\"");
    write_file(file, text);
    auto r = open();
    EXPECT_FALSE(r.runtime);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_NE(r.errors[0].message.find("GM0014 runs unknown workflow 'council-reprot'"),
              std::string::npos)
        << r.errors[0].to_string();
    EXPECT_FALSE(fs::exists(dir_ / "state/okod.sqlite"));  // nothing written
}

TEST(Config, errors_name_the_file_line_and_column) {
    TempDir dir;
    write_file(dir / "okod.toml", "[store]\npath = \"x.sqlite\"\n[municipalities]\ndir = \"m\"\n");
    write_file(dir / "m/GM0001.toml", R"(code = "GM001"
name = "Test"
school_region = "oost"
trajectory_start = 2022-01-01
cycle_years = 3
)");
    auto r = load_config(dir / "okod.toml");
    EXPECT_FALSE(r.config);
    std::vector<std::string> messages;
    for (const auto& e : r.errors) messages.push_back(e.to_string());
    const std::string f = (dir / "m/GM0001.toml").string();
    EXPECT_EQ(messages, (std::vector<std::string>{
                            f + ":1:8: 'GM001' is not a CBS municipality code (GM + 4 digits)",
                            f + ":3:17: school_region must be noord, midden or zuid, not 'oost'",
                            f + ":5:15: 'cycle_years' must be between 1 and 2, not 3",
                        }));
}

// [http] public_url (issue 19): where the e-mails' links point. A URL the links could not
// work with is an error where it is written; a trailing slash is taken off.
TEST(Config, public_url_is_an_absolute_http_url_without_query) {
    TempDir dir;
    const auto settings = [&](const std::string& url) {
        write_file(dir / "okod.toml",
                   "[store]\npath = \"x.sqlite\"\n[municipalities]\ndir = "
                   "\"m\"\n[http]\npublic_url = \"" +
                       url + "\"\n");
        return load_settings(dir / "okod.toml");
    };
    for (const std::string good : {"https://oko.maastricht.nl", "https://oko.maastricht.nl/",
                                   "http://127.0.0.1:8470", "https://intra.example/oko/"}) {
        const auto r = settings(good);
        ASSERT_TRUE(r.config) << good << ": " << r.errors.at(0).to_string();
        EXPECT_FALSE(r.config->http.public_url.ends_with('/')) << good;
        EXPECT_TRUE(good.starts_with(r.config->http.public_url)) << good;
    }
    for (const std::string bad :
         {"oko.maastricht.nl", "ftp://oko.example", "https://", "https://oko.example/?x=1",
          "https://oko.example/#/", "https://user:pw@oko.example", "https://oko example"}) {
        const auto r = settings(bad);
        EXPECT_FALSE(r.config) << bad;
        ASSERT_EQ(r.errors.size(), 1u) << bad;
        EXPECT_NE(r.errors[0].to_string().find("okod.toml:6:"), std::string::npos)
            << r.errors[0].to_string();
        EXPECT_NE(r.errors[0].message.find("public_url must be an absolute http(s) URL"),
                  std::string::npos)
            << r.errors[0].message;
    }
    EXPECT_EQ(settings("https://oko.example").config->http.public_url, "https://oko.example");
}

TEST(Config, people_follow_the_input_rules_of_the_api_with_file_line_and_column) {
    TempDir dir;
    write_file(dir / "okod.toml",
               "[store]\npath = \"x.sqlite\"\n[municipalities]\ndir = \"m\"\n"
               "[mail]\ntransport = \"directory\"\nfrom = \"OKO <oko@regio.example>\"\n");
    write_file(dir / "m/GM0935.toml", R"(code = "GM0935"
name = "Maastricht"
school_region = "zuid"
trajectory_start = 2022-01-01
[[people]]
id = "eva"
name = "Eva\nde Vries"
email = "eva@x.example, b@evil.example"
)");
    auto r = load_config(dir / "okod.toml");
    EXPECT_FALSE(r.config);
    std::vector<std::string> messages;
    for (const auto& e : r.errors) messages.push_back(e.to_string());
    const std::string toml = (dir / "okod.toml").string();
    const std::string f = (dir / "m/GM0935.toml").string();
    // The okod.toml error stops the load before the municipality files are read.
    EXPECT_EQ(messages,
              (std::vector<std::string>{
                  toml + ":7:8: from: 'OKO <oko@regio.example>' is not an e-mail address (the "
                         "address alone, without a name or <>)",
              }));
    write_file(dir / "okod.toml", "[store]\npath = \"x.sqlite\"\n[municipalities]\ndir = \"m\"\n");
    r = load_config(dir / "okod.toml");
    messages.clear();
    for (const auto& e : r.errors) messages.push_back(e.to_string());
    EXPECT_EQ(messages,
              (std::vector<std::string>{
                  f + ":7:8: name: contains a control character (U+000A)",
                  f + ":8:9: email: 'eva@x.example, b@evil.example' is not an e-mail address "
                      "(one address, not a list)",
              }));
}

// A config in `dir` with one municipality file, GM0935.toml, of `municipality`; the
// errors load_config reports for it, as the user reads them.
std::vector<std::string> municipality_file_errors(const TempDir& dir,
                                                  const std::string& municipality) {
    write_file(dir / "okod.toml", "[store]\npath = \"x.sqlite\"\n[municipalities]\ndir = \"m\"\n");
    write_file(dir / "m/GM0935.toml", municipality);
    std::vector<std::string> messages;
    for (const auto& e : load_config(dir / "okod.toml").errors) messages.push_back(e.to_string());
    return messages;
}

TEST(Config, elections_conditions_and_fte_are_checked_where_they_are_written) {
    TempDir dir;
    const auto messages = municipality_file_errors(dir, R"(code = "GM0935"
name = "Maastricht"
school_region = "zuid"
trajectory_start = 2022-01-01
herindeling_elections = [2026-03-18]
events_season_start = "13-01"
[capacity]
total_fte = "veel"
[[budget_lines]]
id = "gids"
name = "GIDS"
[[people]]
id = "p"
name = "P"
roles = [{ role = "regisseur", from = 2022-01-01, fte = 2.5 }]
)");
    const std::string f = (dir / "m/GM0935.toml").string();
    EXPECT_EQ(messages,
              (std::vector<std::string>{
                  f + ":5:26: a herindeling election is held in November, not on 2026-03-18",
                  f + ":8:13: expected a number for 'total_fte', got string",
                  f + ":6:23: events_season_start must be MM-DD, not '13-01'",
                  f + ":9:1: missing required key 'until'",
                  f + ":15:57: 'fte' must be between 0 and 1.5, not 2.5",
              }));
}

TEST(Config, holiday_choices_are_read_and_checked_where_they_are_written) {
    TempDir dir;
    const auto messages = municipality_file_errors(dir, R"(code = "GM0935"
name = "Maastricht"
school_region = "zuid"
trajectory_start = 2022-01-01
[holidays]
goede_vrijdag = "nee"
bevrijdingsdag = "soms"
pasen = true
)");
    const std::string f = (dir / "m/GM0935.toml").string();
    EXPECT_EQ(messages,
              (std::vector<std::string>{
                  f + ":8:1: unknown key 'pasen' in [holidays]",
                  f + ":6:17: goede_vrijdag must be true or false",
                  f + ":7:18: bevrijdingsdag must be \"every_year\", \"lustrum\" or \"never\", "
                      "not 'soms'",
              }));
    write_file(dir / "m/GM0935.toml", R"(code = "GM0935"
name = "Maastricht"
school_region = "zuid"
trajectory_start = 2022-01-01
[holidays]
goede_vrijdag = false
bevrijdingsdag = "lustrum"
)");
    const auto r = load_config(dir / "okod.toml");
    ASSERT_TRUE(r.config);
    const HolidayRules h = r.config->municipalities.at(0).holidays;
    EXPECT_FALSE(h.good_friday);
    EXPECT_EQ(h.liberation_day, LiberationDay::lustrum);
}

TEST_F(RuntimeTest, a_setting_no_workflow_declares_is_an_error) {
    const fs::path file = dir_ / "municipalities/GM0935-maastricht.toml";
    std::string text = read_file(file);
    text.replace(text.find("starter_pack_days_before = 21"), 29, "starter_pak_days_before = 21");
    write_file(file, text);
    auto r = open();
    EXPECT_FALSE(r.runtime);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(
        r.errors[0].message,
        "GM0935: [settings] starter_pak_days_before is not a setting of any workflow it runs");
}

}  // namespace
}  // namespace okod::test
