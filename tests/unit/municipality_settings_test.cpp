// A municipality's settings as something to edit (adapters/config/municipality_settings):
// JSON changes applied to the settings text, what changed in words, the field a loader
// error is about, and stored settings taking the place of a file's in the loader.
#include "adapters/config/municipality_settings.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "adapters/config/config.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

namespace json = boost::json;

std::string maastricht_settings() {
    std::vector<LoadError> errors;
    auto text =
        settings_of_file(source_path("config/municipalities/GM0935-maastricht.toml"), errors);
    EXPECT_TRUE(text) << (errors.empty() ? "" : errors[0].to_string());
    return text.value_or("");
}

TEST(MunicipalitySettings, the_settings_of_a_file_leave_its_people_and_workflows_out) {
    const auto s = settings_to_json(maastricht_settings());
    EXPECT_TRUE(s.contains("budget_lines"));
    EXPECT_EQ(s.at("dates").at("policy_start").as_string(), "2023-01-01");
    EXPECT_FALSE(s.contains("people"));
    EXPECT_FALSE(s.contains("workflows"));
    EXPECT_FALSE(s.contains("code"));
}

TEST(MunicipalitySettings, a_change_is_described_by_budget_line_id_and_list_item) {
    const auto before = maastricht_settings();
    json::object change = settings_to_json(before);
    change["budget_lines"].as_array()[1].as_object()["until"] = "2024-07-31";
    change["lists"].as_object()["recommendations"].as_array().erase(
        change["lists"].as_object()["recommendations"].as_array().begin());
    change["report_due"] = nullptr;
    std::vector<SettingsProblem> problems;
    const auto after = edit_settings(before, change, problems);
    EXPECT_TRUE(problems.empty());
    const auto lines = settings_changes(before, after);
    EXPECT_EQ(lines, (std::vector<std::string>{
                         "budget_lines.npo.until 2023-07-31 → 2024-07-31",
                         "-lists.recommendations \"Alcoholverstrekking aan minderjarigen in "
                         "sportkantines\"",
                         "-report_due 10-15"}));
}

TEST(MunicipalitySettings, what_is_no_setting_is_refused_by_name) {
    std::vector<SettingsProblem> problems;
    edit_settings(maastricht_settings(), json::object{{"people", json::array{}}}, problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "people");
}

TEST(MunicipalitySettings, stored_settings_replace_the_files_and_errors_name_their_field) {
    TempDir dir;
    copy_demo_config(dir.path(), {"GM0935-maastricht.toml"});
    std::vector<SettingsProblem> problems;
    json::object change{
        {"trajectory_years", 5},
        {"budget_lines",
         json::array{json::object{{"id", "spuk"}, {"name", "SPUK"}, {"until", "2024-13-01"}}}}};
    const auto proposed = edit_settings(maastricht_settings(), change, problems);
    auto settings = load_settings(dir.path() / "okod.toml");
    ASSERT_TRUE(settings.config);
    settings.config->stored_settings = {{"GM0935", proposed, 1, "sanne", {}}};
    std::vector<LoadError> errors;
    EXPECT_FALSE(load_municipalities(*settings.config, errors));
    ASSERT_EQ(errors.size(), 1u);
    // The loader read the file with the stored settings in place: the text the export gives.
    const auto file = dir.path() / "municipalities" / "GM0935-maastricht.toml";
    EXPECT_EQ(errors[0].file, effective_settings_source(file));
    std::vector<LoadError> ignored;
    const auto effective =
        effective_municipality_toml(file, settings.config->stored_settings[0], ignored);
    ASSERT_TRUE(effective);
    EXPECT_EQ(settings_field_at(*effective, errors[0].line, errors[0].column),
              "budget_lines[0].until");

    change["budget_lines"].as_array()[0].as_object()["until"] = "2024-12-01";
    const auto fixed = edit_settings(maastricht_settings(), change, problems);
    auto again = load_settings(dir.path() / "okod.toml");
    again.config->stored_settings = {{"GM0935", fixed, 1, "sanne", {}}};
    errors.clear();
    ASSERT_TRUE(load_municipalities(*again.config, errors)) << errors[0].to_string();
    const auto& m = again.config->municipalities.at(0);
    EXPECT_EQ(m.trajectory_years, 5);
    ASSERT_EQ(m.budget_lines.size(), 1u);
    EXPECT_EQ(m.budget_lines[0].id, "spuk");
    EXPECT_EQ(again.config->people.size(), 9u) << "the people stay the file's";
}

}  // namespace
}  // namespace okod::test
