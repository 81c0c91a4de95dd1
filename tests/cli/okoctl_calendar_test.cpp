// `okoctl calendar` as an operator runs it: the real binary on a temp config. Election
// days with and without a municipality's herindeling, and a school-holiday import that
// okod's runtime then plans with (or, for a broken file, an import that changes nothing).
#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

// A config with the shipped calendar file and two municipalities in region zuid:
// GM0935 merged in November 2025, GM0014 did not.
class OkoctlCalendar : public ::testing::Test {
protected:
    void SetUp() override {
        write_demo_okod_toml(dir_.path());
        fs::create_directories(dir_ / "definitions");
        fs::copy(source_path("workflows/definitions/roles.toml"), dir_ / "definitions/roles.toml");
        fs::create_directories(dir_ / "calendars");
        fs::copy(source_path("config/calendars/school-holidays.json"),
                 dir_ / "calendars/school-holidays.json");
        write_file(dir_ / "municipalities/GM0935.toml", R"(code = "GM0935"
name = "Maastricht"
school_region = "zuid"
trajectory_start = 2022-01-01
herindeling_elections = [2025-11-19]
workflows = []
)");
        write_file(dir_ / "municipalities/GM0014.toml", R"(code = "GM0014"
name = "Groningen"
school_region = "noord"
trajectory_start = 2022-01-01
workflows = []
)");
    }

    fs::path config() const { return dir_ / "okod.toml"; }
    fs::path store() const { return dir_ / "state/okod.sqlite"; }

    // What okod runs on for this config: opens (and creates) the store like `okod run`.
    std::unique_ptr<Runtime> runtime() {
        auto loaded = load_config(config());
        EXPECT_TRUE(loaded.config) << loaded.errors.front().to_string();
        auto r = open_runtime(std::move(*loaded.config), store());
        EXPECT_TRUE(r.runtime) << r.errors.front().to_string();
        return std::move(r.runtime);
    }

    RunResult import(const fs::path& file) {
        return run_binary("okoctl", {"calendar", "import-school-holidays", file.string(),
                                     "--config", config().string()});
    }

    TempDir dir_;
};

// A 2026-2027 that differs from the shipped file: zuid's herfstvakantie two weeks early.
const char* kImport2026 = R"([
  {
    "id": "schoolvakanties-2026-2027",
    "content": [
      {
        "schoolyear": "2026-2027",
        "vacations": [
          { "type": " Herfstvakantie ", "compulsorydates": " false ",
            "regions": [
              { "region": "noord", "startdate": "2026-10-10T00:00:00.000Z", "enddate": "2026-10-18T00:00:00.000Z" },
              { "region": "midden", "startdate": "2026-10-17T00:00:00.000Z", "enddate": "2026-10-25T00:00:00.000Z" },
              { "region": "zuid", "startdate": "2026-10-03T00:00:00.000Z", "enddate": "2026-10-11T00:00:00.000Z" } ] },
          { "type": "Kerstvakantie", "compulsorydates": "true",
            "regions": [ { "region": "heel Nederland", "startdate": "2026-12-19T00:00:00.000Z", "enddate": "2027-01-03T00:00:00.000Z" } ] }
        ]
      }
    ]
  }
]
)";

TEST_F(OkoctlCalendar, elections_print_one_iso_date_per_line_without_any_config) {
    const auto r = run_binary("okoctl", {"calendar", "elections", "--from", "2022", "--to", "2030",
                                         "--config", (dir_ / "no-such.toml").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "2022-03-16\n2026-03-18\n2030-03-20\n");
    EXPECT_EQ(r.err, "");
}

TEST_F(OkoctlCalendar,
       elections_of_a_municipality_include_its_herindeling_and_skip_the_march_after) {
    const auto merged =
        run_binary("okoctl", {"calendar", "elections", "--from", "2022", "--to", "2030",
                              "--municipality", "GM0935", "--config", config().string()});
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(merged.out, "2022-03-16\n2025-11-19\n2030-03-20\n");
    const auto plain =
        run_binary("okoctl", {"calendar", "elections", "--from", "2022", "--to", "2030",
                              "--municipality", "GM0014", "--config", config().string()});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_EQ(plain.out, "2022-03-16\n2026-03-18\n2030-03-20\n");
}

TEST_F(OkoctlCalendar, elections_as_json_say_which_kind_each_day_is) {
    const auto r =
        run_binary("okoctl", {"calendar", "elections", "--from", "2025", "--to", "2030",
                              "--municipality", "GM0935", "--json", "--config", config().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(
        r.out,
        R"([{"date":"2025-11-19","kind":"herindeling"},{"date":"2030-03-20","kind":"regular"}])"
        "\n");
    const auto none =
        run_binary("okoctl", {"calendar", "elections", "--from", "2023", "--to", "2025", "--json"});
    ASSERT_EQ(none.exit_code, 0) << none.err;
    EXPECT_EQ(none.out, "[]\n");
}

TEST_F(OkoctlCalendar, bad_election_arguments_exit_2_with_a_precise_message) {
    auto r = run_binary("okoctl", {"calendar", "elections", "--from", "2030", "--to", "2022"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "okoctl calendar elections: --from 2030 is after --to 2022\n");
    EXPECT_EQ(r.out, "");

    r = run_binary("okoctl", {"calendar", "elections", "--from", "1899", "--to", "2022"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--from: Value 1899 not in range 1900 to 2200"), std::string::npos)
        << r.err;

    r = run_binary("okoctl", {"calendar", "elections", "--from", "2022", "--to", "2201"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--to: Value 2201 not in range 1900 to 2200"), std::string::npos) << r.err;

    r = run_binary("okoctl", {"calendar", "elections", "--from", "twenty", "--to", "2022"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--from"), std::string::npos) << r.err;

    r = run_binary("okoctl", {"calendar", "elections", "--from", "2022"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--to is required"), std::string::npos) << r.err;

    r = run_binary("okoctl", {"calendar", "elections", "--from", "2022", "--to", "2030",
                              "--municipality", "Maastricht", "--config", config().string()});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("'Maastricht' is not a CBS code"), std::string::npos) << r.err;

    r = run_binary("okoctl", {"calendar"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST_F(OkoctlCalendar, an_unknown_municipality_exits_1_and_names_the_known_ones) {
    const auto r =
        run_binary("okoctl", {"calendar", "elections", "--from", "2022", "--to", "2030",
                              "--municipality", "GM0999", "--config", config().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("has no municipality GM0999 (known: GM0014, GM0935)"), std::string::npos)
        << r.err;
}

TEST_F(OkoctlCalendar, imported_school_holidays_replace_the_files_year_for_the_runtime) {
    {
        auto before = runtime();  // okod has run once: the store exists
        ASSERT_TRUE(before);
        const auto& cal = before->calendar;
        EXPECT_TRUE(cal.is_school_day("zuid", d(2026, 10, 5)));
        EXPECT_FALSE(cal.is_school_day("zuid", d(2026, 10, 19)));
    }
    write_file(dir_ / "vakanties.json", kImport2026);
    const auto r = import(dir_ / "vakanties.json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "imported 1 school year (2026-2027): 4 holidays; okod uses them after "
              "`systemctl reload okod`\n");

    auto rt = runtime();
    ASSERT_TRUE(rt);
    const auto& cal = rt->calendar;
    EXPECT_FALSE(cal.is_school_day("zuid", d(2026, 10, 5)));  // the import's herfstvakantie
    EXPECT_TRUE(cal.is_school_day("zuid", d(2026, 10, 19)));  // the file's 2026-2027 is replaced
    EXPECT_FALSE(cal.is_school_day("noord", d(2026, 10, 12)));
    EXPECT_FALSE(cal.is_school_day("zuid", d(2026, 12, 21)));  // Kerstvakantie, all regions
    EXPECT_FALSE(cal.is_school_day("zuid", d(2025, 10, 13)));  // 2025-2026 still from the file
    // The import has no voorjaarsvakantie 2027: the whole school year is the import's.
    EXPECT_TRUE(cal.is_school_day("zuid", d(2027, 2, 15)));
}

TEST_F(OkoctlCalendar, a_reload_picks_up_an_import_made_while_okod_runs) {
    auto rt = runtime();
    ASSERT_TRUE(rt);
    EXPECT_TRUE(rt->calendar.is_school_day("zuid", d(2026, 10, 5)));
    write_file(dir_ / "vakanties.json", kImport2026);
    const auto r = import(dir_ / "vakanties.json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(rt->calendar.is_school_day("zuid", d(2026, 10, 5)));  // not before the reload

    auto loaded = load_config(config());
    ASSERT_TRUE(loaded.config);
    const auto errors = reload_runtime(*rt, std::move(*loaded.config));
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
    EXPECT_FALSE(rt->calendar.is_school_day("zuid", d(2026, 10, 5)));
}

TEST_F(OkoctlCalendar, a_second_import_of_a_year_says_it_replaces_the_first) {
    runtime();
    write_file(dir_ / "vakanties.json", kImport2026);
    ASSERT_EQ(import(dir_ / "vakanties.json").exit_code, 0);
    const auto r = import(dir_ / "vakanties.json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "imported 1 school year (2026-2027): 4 holidays, replacing the earlier import of "
              "2026-2027; okod uses them after `systemctl reload okod`\n");
    EXPECT_EQ(SqliteStore::open(store())->imported_school_holidays().size(), 4u);
}

TEST_F(OkoctlCalendar, a_broken_file_is_reported_line_by_line_and_imports_nothing) {
    runtime();
    write_file(dir_ / "good.json", kImport2026);
    ASSERT_EQ(import(dir_ / "good.json").exit_code, 0);
    const auto before = SqliteStore::open(store())->imported_school_holidays();
    ASSERT_EQ(before.size(), 4u);

    // Valid 2026-2027 and 2027-2028 holidays next to two broken ones.
    write_file(dir_ / "bad.json", R"([{"content": [{"vacations": [
  {"type": "Herfstvakantie", "compulsorydates": "false", "regions": [
    {"region": "zuid", "startdate": "2026-10-17T00:00:00.000Z", "enddate": "2026-10-25T00:00:00.000Z"}]},
  {"type": "Kerstvakantie", "compulsorydates": "maybe", "regions": [
    {"region": "oost", "startdate": "2027-12-18T00:00:00.000Z", "enddate": "2028-01-02T00:00:00.000Z"}]}
]}]}]
)");
    const auto r = import(dir_ / "bad.json");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    const std::string file = (dir_ / "bad.json").string();
    EXPECT_EQ(r.err,
              file +
                  ":4:48: [0].content[0].vacations[1].compulsorydates: expected true or false, "
                  "found 'maybe'\n" +
                  file +
                  ":5:16: [0].content[0].vacations[1].regions[0].region: unknown region 'oost' "
                  "(noord, midden, zuid or heel Nederland)\n"
                  "okoctl calendar import-school-holidays: 2 errors in " +
                  file + "; nothing imported\n");

    write_file(dir_ / "syntax.json", "[{\"content\": [\n  {\"vacations\": [,]}]}]\n");
    const auto s = import(dir_ / "syntax.json");
    EXPECT_EQ(s.exit_code, 1);
    EXPECT_NE(s.err.find((dir_ / "syntax.json").string() + ":2:18: invalid JSON"),
              std::string::npos)
        << s.err;

    write_file(dir_ / "empty.json", "");
    const auto e = import(dir_ / "empty.json");
    EXPECT_EQ(e.exit_code, 1);
    EXPECT_NE(e.err.find("no school holidays in the file"), std::string::npos) << e.err;

    const auto m = import(dir_ / "missing.json");
    EXPECT_EQ(m.exit_code, 1);
    EXPECT_NE(m.err.find("missing.json: cannot read the file"), std::string::npos) << m.err;

    const auto after = SqliteStore::open(store())->imported_school_holidays();
    ASSERT_EQ(after.size(), before.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        EXPECT_EQ(after[i].name, before[i].name);
        EXPECT_EQ(after[i].region, before[i].region);
        EXPECT_EQ(after[i].first, before[i].first);
        EXPECT_EQ(after[i].last, before[i].last);
    }
}

TEST_F(OkoctlCalendar, an_import_before_okod_ever_ran_creates_no_store) {
    write_file(dir_ / "vakanties.json", kImport2026);
    const auto r = import(dir_ / "vakanties.json");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no store at"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(store()));
    const auto s = run_binary(
        "okoctl", {"calendar", "import-school-holidays", (dir_ / "vakanties.json").string(),
                   "--store", (dir_ / "other.sqlite").string()});
    EXPECT_EQ(s.exit_code, 1);
    EXPECT_FALSE(fs::exists(dir_ / "other.sqlite"));
}

TEST_F(OkoctlCalendar, store_overrides_the_configs_store) {
    const fs::path other = dir_ / "other.sqlite";
    SqliteStore::open(other);
    write_file(dir_ / "vakanties.json", kImport2026);
    const auto r = run_binary(
        "okoctl", {"calendar", "import-school-holidays", (dir_ / "vakanties.json").string(),
                   "--store", other.string(), "--config", (dir_ / "no-such.toml").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(SqliteStore::open(other)->imported_school_holidays().size(), 4u);
    EXPECT_FALSE(fs::exists(store()));
}

}  // namespace
}  // namespace okod::test
