// The survey window's named moments (survey_window_end, monitoring_results) are read by
// several definitions (the cycle, the partner meeting), so their defaults live in code;
// the OKO cycle's [settings] shows the same numbers to whoever reads or edits the file.
// Changing one without the other would let the cycle's own tasks and the moments other
// workflows count from disagree, silently.
#include <gtest/gtest.h>

#include "adapters/definitions/toml_definition_loader.hpp"
#include "definition/survey_window.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

TEST(SurveyWindowDefaults, the_oko_cycle_file_shows_the_defaults_the_moments_use) {
    const DefinitionSet set = load_definition_dir(source_path("workflows/definitions"));
    ASSERT_TRUE(set.ok());
    const Definition* cycle = nullptr;
    for (const auto& d : set.definitions)
        if (d.id == "oko-cycle") cycle = &d;
    ASSERT_NE(cycle, nullptr);
    EXPECT_EQ(cycle->settings.at("survey_window_start_month"), SurveyWindowDefaults::start_month);
    EXPECT_EQ(cycle->settings.at("survey_window_end_month"), SurveyWindowDefaults::end_month);
    EXPECT_EQ(cycle->settings.at("survey_report_months"),
              SurveyWindowDefaults::survey_report_months);
}

}  // namespace
}  // namespace okod::test
