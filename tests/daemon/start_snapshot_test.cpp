// okod's start takes the municipalities from the store when the configuration files are
// the ones it last planned from (issue 18: parsing 342 municipality files and planning
// each cost more than everything else in a start), and reads the files whenever any of
// them changed, even within the same clock tick and at the same size.
#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/config/config.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

class StartSnapshotTest : public ::testing::Test {
protected:
    void SetUp() override { copy_demo_config(dir_.path()); }

    // What `okod run` does up to READY=1: okod.toml, the store, and the plan.
    std::unique_ptr<Runtime> start() {
        auto settings = load_settings(dir_ / "okod.toml");
        EXPECT_TRUE(settings.config.has_value());
        auto opened =
            open_runtime_at_start(std::move(*settings.config), dir_ / "state/okod.sqlite");
        EXPECT_TRUE(opened.runtime) << (opened.errors.empty() ? "" : opened.errors[0].to_string());
        if (!opened.runtime) return nullptr;
        planned_at_start_ = opened.runtime->planned;
        VirtualClock clock(at_local(Date{date::year{2026} / 3 / 2}, TimeOfDay{9 * 60}));
        Engine engine(*opened.runtime->store, opened.runtime->definitions, opened.runtime->calendar,
                      clock, opened.runtime->config.engine);
        plan_runtime(*opened.runtime, engine);
        return std::move(opened.runtime);
    }

    void edit(const fs::path& file, const std::string& from, const std::string& to) {
        std::string text = read_file(file);
        text.replace(text.find(from), from.size(), to);
        write_file(file, text);
    }

    fs::path groningen() const { return dir_ / "municipalities/GM0014-groningen.toml"; }

    TempDir dir_;
    bool planned_at_start_ = false;
};

TEST_F(StartSnapshotTest, a_start_with_the_same_files_takes_the_municipalities_from_the_store) {
    const auto first = start();
    ASSERT_TRUE(first);
    EXPECT_FALSE(planned_at_start_);  // a new store: the files are read and planned
    const auto municipalities = first->config.municipalities;
    first->store.reset();

    const auto second = start();
    ASSERT_TRUE(second);
    EXPECT_TRUE(planned_at_start_);
    EXPECT_EQ(second->config.municipalities, municipalities);
    EXPECT_TRUE(second->config.people.empty());  // the files were not read
    EXPECT_FALSE(second->config.plans.empty() && !first->config.plans.empty());
}

TEST_F(StartSnapshotTest, a_changed_municipality_file_is_read_and_planned_again) {
    ASSERT_TRUE(start());
    // Same size, same second: only the bytes tell.
    edit(groningen(), "name = \"Groningen\"", "name = \"Groninga\"");
    const auto second = start();
    ASSERT_TRUE(second);
    EXPECT_FALSE(planned_at_start_);
    EXPECT_EQ(second->store->municipality("GM0014")->name, "Groninga");
    EXPECT_FALSE(second->config.people.empty());

    const auto third = start();  // planned from the edited file: unchanged since
    ASSERT_TRUE(third);
    EXPECT_TRUE(planned_at_start_);
    EXPECT_EQ(third->store->municipality("GM0014")->name, "Groninga");
}

TEST_F(StartSnapshotTest, a_municipality_taken_out_of_the_files_is_not_served_from_the_store) {
    ASSERT_TRUE(start());
    fs::remove(groningen());
    const auto second = start();
    ASSERT_TRUE(second);
    EXPECT_FALSE(planned_at_start_);
    ASSERT_EQ(second->config.municipalities.size(), 2u);
    const auto third = start();
    ASSERT_TRUE(third);
    EXPECT_TRUE(planned_at_start_);
    EXPECT_EQ(third->config.municipalities.size(), 2u);  // still in the store, not served
}

TEST_F(StartSnapshotTest, a_changed_definition_or_engine_setting_is_read_again) {
    ASSERT_TRUE(start());
    edit(dir_ / "definitions/oko-cycle.toml",
         "\nversion = ", "\nversion = 1");  // N becomes 1N: a higher version
    ASSERT_TRUE(start());
    EXPECT_FALSE(planned_at_start_);
    EXPECT_TRUE(start());
    EXPECT_TRUE(planned_at_start_);
    // A setting the plan does not depend on (a port, the mail server) is not a change...
    write_file(dir_ / "okod.toml", read_file(dir_ / "okod.toml") + "\n# a comment\n");
    ASSERT_TRUE(start());
    EXPECT_TRUE(planned_at_start_);
    // ... the time reminders go out at is.
    write_file(dir_ / "okod.toml",
               read_file(dir_ / "okod.toml") + "[engine]\nreminder_time = \"08:30\"\n");
    ASSERT_TRUE(start());
    EXPECT_FALSE(planned_at_start_);
}

}  // namespace
}  // namespace okod::test
