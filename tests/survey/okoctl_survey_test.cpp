// `okoctl import survey` and `okoctl survey list` as an operator runs them: the real
// binary on a temp config whose store okod has created. A good file lands whole and says
// what it replaced; a file with any problem, or a municipality okod does not run,
// changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"
#include "model/event_kind.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

class OkoctlSurvey : public ::testing::Test {
protected:
    void SetUp() override {
        copy_demo_config(dir_.path(), {"GM0935-maastricht.toml", "GM0014-groningen.toml"});
        // okod has run once: the store exists and knows the config's municipalities.
        auto loaded = load_config(config());
        ASSERT_TRUE(loaded.config) << loaded.errors.front().to_string();
        auto r = open_runtime(std::move(*loaded.config), store());
        ASSERT_TRUE(r.runtime) << r.errors.front().to_string();
    }

    fs::path config() const { return dir_ / "okod.toml"; }
    fs::path store() const { return dir_ / "state/okod.sqlite"; }

    RunResult import(const std::string& name, const std::string& text,
                     std::vector<std::string> more = {}) {
        write_file(dir_ / name, text);
        std::vector<std::string> args{"import", "survey", (dir_ / name).string(), "--config",
                                      config().string()};
        args.insert(args.end(), more.begin(), more.end());
        return run_binary("okoctl", args);
    }
    RunResult list(const std::string& municipality, bool json = false) {
        std::vector<std::string> args{"survey",     "list",     "--municipality",
                                      municipality, "--config", config().string()};
        if (json) args.push_back("--json");
        return run_binary("okoctl", args);
    }
    std::vector<Measurement> stored(const std::string& municipality) {
        return SqliteStore::open(store())->measurements_of_municipality(municipality);
    }

    TempDir dir_;
};

const char* kSurvey =
    "gemeente;indicator;populatie;jaar;waarde;eenheid\n"
    "GM0935;alcohol_last_month;13;2023;21,4 %;procent\n"
    "GM0935;alcohol_last_month;14;2023;30,1 %;procent\n"
    "GM0935;cannabis_last_month;13-16;2023;4,2 %;procent\n"
    "GM0014;alcohol_last_month;13;2023;18 %;procent\n"
    "GM0014;alcohol_last_month;13;2021;19,5 %;procent\n";

TEST_F(OkoctlSurvey, a_good_file_is_stored_and_summarised_per_municipality_and_indicator) {
    const auto r = import("survey.csv", kSurvey);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "imported 5 values from " + (dir_ / "survey.csv").string() +
                         " (2 municipalities, 2 indicators)\n"
                         "municipality  indicator            values  years\n"
                         "GM0014        alcohol_last_month   2       2021, 2023\n"
                         "GM0935        alcohol_last_month   2       2023\n"
                         "GM0935        cannabis_last_month  1       2023\n");
    EXPECT_EQ(r.err, "");

    const auto values = stored("GM0935");
    ASSERT_EQ(values.size(), 3u);
    EXPECT_EQ(values[0].indicator, "alcohol_last_month");
    EXPECT_EQ(values[0].population, "13");
    EXPECT_EQ(values[0].year, 2023);
    EXPECT_DOUBLE_EQ(values[0].value, 21.4);
    EXPECT_EQ(values[0].source, (dir_ / "survey.csv").string());
    EXPECT_NE(values[0].imported_at, Instant{});
    EXPECT_EQ(values[2].indicator, "cannabis_last_month");
    EXPECT_DOUBLE_EQ(values[2].value, 4.2);
    EXPECT_EQ(stored("GM0014").size(), 2u);

    // Each municipality's event log says what came in, from which file, and by whom.
    auto events = SqliteStore::open(store())->events_of_municipality("GM0014", 0, 1000);
    std::erase_if(events, [](const Event& e) { return e.kind != EventKind::survey_imported; });
    ASSERT_EQ(events.size(), 1u);
    const std::string file = (dir_ / "survey.csv").string();
    EXPECT_EQ(events[0].title, file);
    EXPECT_EQ(events[0].note.substr(0, events[0].note.find(" (door ")),
              file + ": 2 waarden: alcohol_last_month 2021 en 2023");
}

TEST_F(OkoctlSurvey, a_second_import_replaces_values_and_says_old_and_new) {
    ASSERT_EQ(import("survey.csv", kSurvey).exit_code, 0);
    const auto r = import("correction.csv",
                          "gemeente,indicator,populatie,jaar,waarde\n"
                          "GM0935,alcohol_last_month,13,2023,22.1\n"
                          "GM0935,alcohol_last_month,14,2023,30.1\n"
                          "GM0935,alcohol_last_month,15,2023,41\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "imported 3 values from " + (dir_ / "correction.csv").string() +
                         " (1 municipality, 1 indicator)\n"
                         "municipality  indicator           values  years\n"
                         "GM0935        alcohol_last_month  3       2023\n"
                         "replaced 1 earlier value (old → new):\n"
                         "GM0935 alcohol_last_month 13 2023: 21,4 → 22,1\n"
                         "1 value was already stored with the same value\n");
    const auto values = stored("GM0935");
    ASSERT_EQ(values.size(), 4u);  // 13, 14, 15 and cannabis 13-16
    EXPECT_DOUBLE_EQ(values[0].value, 22.1);
    EXPECT_EQ(values[0].source, (dir_ / "correction.csv").string());
    EXPECT_DOUBLE_EQ(values[2].value, 41);
}

TEST_F(OkoctlSurvey, one_bad_line_among_good_ones_imports_nothing) {
    ASSERT_EQ(import("survey.csv", kSurvey).exit_code, 0);
    const auto before = stored("GM0935");
    const auto r = import("bad.csv",
                          "gemeente;indicator;populatie;jaar;waarde\n"
                          "GM0935;alcohol_last_month;13;2023;99\n"
                          "GM0935;alcohol_last_month;14;2023;98\n"
                          "GM0935;binge_last_month;13;2023;12,3,4\n"
                          "GM0935;binge_last_month;14;2023;15\n");
    EXPECT_EQ(r.exit_code, 1);
    const std::string file = (dir_ / "bad.csv").string();
    EXPECT_EQ(r.err, file +
                         ":4: kolom 5 (waarde): '12,3,4' is geen getal\n"
                         "okoctl import survey: 1 fout in " +
                         file + "; niets ingelezen\n");
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(stored("GM0935"), before);
}

TEST_F(OkoctlSurvey, a_municipality_okod_does_not_run_is_refused_with_its_line) {
    const auto r = import("other.csv",
                          "indicator;gemeente;populatie;jaar;waarde\n"
                          "alcohol_last_month;GM0935;13;2023;21,4\n"
                          "alcohol_last_month;GM0344;13;2023;20\n",
                          {"--lang", "en"});
    EXPECT_EQ(r.exit_code, 1);
    const std::string file = (dir_ / "other.csv").string();
    EXPECT_EQ(r.err, file +
                         ":3: column 2 (gemeente): okod knows no municipality GM0344 (it knows "
                         "GM0014, GM0935; a new one needs its file in the config and a reload "
                         "of okod first)\n"
                         "okoctl import survey: 1 error in " +
                         file + "; nothing imported\n");
    EXPECT_TRUE(stored("GM0935").empty());
}

TEST_F(OkoctlSurvey, a_file_that_cannot_be_read_or_no_store_imports_nothing) {
    auto r = run_binary("okoctl", {"import", "survey", (dir_ / "nope.csv").string(), "--config",
                                   config().string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("nope.csv: het bestand is niet te lezen"), std::string::npos) << r.err;

    write_file(dir_ / "survey.csv", kSurvey);
    r = run_binary("okoctl", {"import", "survey", (dir_ / "survey.csv").string(), "--store",
                              (dir_ / "none.sqlite").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no store at"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "none.sqlite"));
}

TEST_F(OkoctlSurvey, list_shows_a_municipalitys_values_as_a_table) {
    ASSERT_EQ(import("survey.csv", kSurvey).exit_code, 0);
    const auto r = list("GM0935");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "indicator            population  year  value\n"
              "alcohol_last_month   13          2023  21,4\n"
              "alcohol_last_month   14          2023  30,1\n"
              "cannabis_last_month  13-16       2023  4,2\n");

    const auto groningen = list("GM0014");
    ASSERT_EQ(groningen.exit_code, 0);
    EXPECT_EQ(groningen.out,
              "indicator           population  year  value\n"
              "alcohol_last_month  13          2021  19,5\n"
              "alcohol_last_month  13          2023  18\n");
}

TEST_F(OkoctlSurvey, list_as_json_gives_one_object_per_value) {
    ASSERT_EQ(import("survey.csv", kSurvey).exit_code, 0);
    const auto r = list("GM0014", true);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string source = (dir_ / "survey.csv").string();
    const auto first = r.out.find('\n');
    ASSERT_NE(first, std::string::npos);
    const std::string line1 = r.out.substr(0, first);
    EXPECT_EQ(line1.rfind(
                  R"({"municipality":"GM0014","indicator":"alcohol_last_month","population":"13",)"
                  R"("year":2021,"value":19.5,"source":")" +
                      source + R"(","imported_at":")",
                  0),
              0u)
        << line1;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
}

TEST_F(OkoctlSurvey, list_of_an_unknown_or_malformed_municipality_is_refused) {
    auto r = list("GM0344");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err,
              "okoctl survey list: okod knows no municipality GM0344 (it knows GM0014, GM0935)\n");
    r = list("Maastricht");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("'Maastricht' is not a CBS code"), std::string::npos) << r.err;
    r = list("GM0935");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "no survey values for GM0935 yet (okoctl import survey FILE)\n");
}

TEST_F(OkoctlSurvey, the_shipped_example_imports_for_maastricht) {
    const auto r =
        run_binary("okoctl", {"import", "survey",
                              source_path("config/examples/survey-maastricht-2023.csv").string(),
                              "--config", config().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("imported 20 values"), std::string::npos) << r.out;
    EXPECT_EQ(stored("GM0935").size(), 20u);
}

}  // namespace
}  // namespace okod::test
