// The shipped subsidy-accountability workflow, where a municipality configures it: after
// the subsidised period, the content report (with okod's yearly report of that period
// attached to its reminders) and the financial account four weeks before the provider's
// deadline, the submission on the deadline as a reporting deadline, then the official
// hand-over. Without the dates, listing the workflow is a configuration error.
#include <gtest/gtest.h>

#include "adapters/config/config.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class SubsidyAccountability : public DemoWorld {
protected:
    void configure(const std::string& dates) {
        edit_maastricht("    \"budget-decision\",",
                        "    \"budget-decision\",\n    \"subsidy-accountability\",");
        edit_maastricht("policy_start = 2023-01-01", "policy_start = 2023-01-01\n" + dates);
    }
};

TEST_F(SubsidyAccountability, report_and_account_before_the_providers_deadline_then_the_hand_over) {
    configure("subsidy_period_end = 2025-12-31\nsubsidy_accountability_due = 2026-04-01");
    start(at(2025, 12, 1));
    run_until(at(2026, 1, 2));
    ASSERT_EQ(instances("subsidy-accountability").size(), 1u);
    const Task report = task("subsidy-accountability", "content-report");
    EXPECT_EQ(report.role, "regisseur");
    EXPECT_EQ(format_local_minutes(*report.due),
              "2026-03-04 17:00");  // four weeks before, a Wednesday
    EXPECT_EQ(format_local_minutes(*task("subsidy-accountability", "financial-account").due),
              "2026-03-04 17:00");
    EXPECT_EQ(task("subsidy-accountability", "financial-account").role, "beleidsmedewerker");
    const Task submit = task("subsidy-accountability", "submit");
    EXPECT_EQ(format_local_minutes(*submit.due), "2026-04-01 17:00");

    const Definition* d = runtime_->definitions.latest("subsidy-accountability");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->state("verantwoording")->tasks.at(0).attach, TaskAttachment::annual_report);
    EXPECT_TRUE(d->state("verantwoording")->tasks.at(2).report);

    // Done on time: the hand-over follows, six weeks after the submission.
    run_until(at(2026, 4, 2), true);
    const Task handover = task("subsidy-accountability", "handover");
    EXPECT_EQ(format_local_minutes(*handover.due), "2026-05-13 17:00");
    run_until(at(2026, 5, 14), true);
    EXPECT_TRUE(instances("subsidy-accountability").at(0).finished_at.has_value());
}

TEST_F(SubsidyAccountability, without_the_providers_deadline_the_config_says_what_is_missing) {
    configure("subsidy_period_end = 2025-12-31");
    const auto loaded = load_config(dir_ / "okod.toml");
    ASSERT_TRUE(
        loaded
            .config);  // the dates are checked against the definitions when okod opens its runtime
    const auto opened = open_runtime(std::move(*loaded.config), ":memory:");
    ASSERT_FALSE(opened.runtime);
    ASSERT_FALSE(opened.errors.empty());
    EXPECT_NE(opened.errors.front().to_string().find("subsidy_accountability_due"),
              std::string::npos)
        << opened.errors.front().to_string();
}

}  // namespace
}  // namespace okod::test
