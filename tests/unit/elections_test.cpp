// Municipal council elections: the Kieswet rule for any year, and a merger's
// (herindeling) November election that replaces the March election within a year.
#include "calendar/elections.hpp"

#include <gtest/gtest.h>

#include "support/engine_world.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

using Days = std::vector<Date>;

TEST(Elections,
     every_election_2014_to_2046_is_a_wednesday_between_15_and_21_march_four_years_apart) {
    const Days days = council_elections(2014, 2046);
    ASSERT_EQ(days.size(), 9u);  // 2014, 2018, ..., 2046
    for (std::size_t i = 0; i < days.size(); ++i) {
        const Date e = days[i];
        SCOPED_TRACE(format_date(e));
        EXPECT_EQ(static_cast<int>(e.year()), 2014 + 4 * static_cast<int>(i));
        EXPECT_EQ(date::weekday{date::sys_days{e}}, date::Wednesday);
        EXPECT_EQ(e.month(), date::March);
        EXPECT_GE(static_cast<unsigned>(e.day()), 15u);
        EXPECT_LE(static_cast<unsigned>(e.day()), 21u);
        // Voting is on the 44th day after nomination Monday, which lies between
        // 30 January and 5 February.
        const Date nomination = add_days(e, -44);
        EXPECT_EQ(date::weekday{date::sys_days{nomination}}, date::Monday);
        EXPECT_GE(to_days(nomination), to_days(Date{e.year() / date::January / 30}));
        EXPECT_LE(to_days(nomination), to_days(Date{e.year() / date::February / 5}));
    }
}

TEST(Elections, the_known_election_days_since_2014) {
    EXPECT_EQ(council_elections(2014, 2030), (Days{d(2014, 3, 19), d(2018, 3, 21), d(2022, 3, 16),
                                                   d(2026, 3, 18), d(2030, 3, 20)}));
    EXPECT_EQ(council_elections(2023, 2025), Days{});
    EXPECT_EQ(council_elections(2026, 2026), Days{d(2026, 3, 18)});
}

TEST(Elections, a_november_2025_herindeling_adds_its_day_and_skips_march_2026_but_not_2030) {
    const Days herindeling{d(2025, 11, 19)};
    EXPECT_EQ(council_elections(2022, 2030, herindeling),
              (Days{d(2022, 3, 16), d(2025, 11, 19), d(2030, 3, 20)}));
    // The skip holds when the herindeling itself lies before the range asked for.
    EXPECT_EQ(council_elections(2026, 2030, herindeling), Days{d(2030, 3, 20)});
}

TEST(Elections, a_november_2023_herindeling_still_votes_in_march_2026) {
    EXPECT_EQ(council_elections(2022, 2026, {d(2023, 11, 22)}),
              (Days{d(2022, 3, 16), d(2023, 11, 22), d(2026, 3, 18)}));
}

TEST(Elections, the_next_election_counts_the_herindeling_and_its_skip) {
    const Days herindeling{d(2025, 11, 19)};
    EXPECT_EQ(next_election(d(2025, 6, 1), {}), d(2026, 3, 18));
    EXPECT_EQ(next_election(d(2025, 6, 1), herindeling), d(2025, 11, 19));
    EXPECT_EQ(next_election(d(2025, 11, 19), herindeling), d(2025, 11, 19));  // on the day
    EXPECT_EQ(next_election(d(2025, 11, 20), herindeling), d(2030, 3, 20));
    EXPECT_EQ(next_election(d(2024, 1, 1), {d(2023, 11, 22)}), d(2026, 3, 18));
    // The plain Kieswet lookup is unchanged.
    EXPECT_EQ(next_council_election(d(2025, 11, 20)), d(2026, 3, 18));
    EXPECT_EQ(next_council_election(d(2022, 3, 16)), d(2022, 3, 16));
    EXPECT_EQ(next_council_election(d(2022, 3, 17)), d(2026, 3, 18));
}

// The engine resolves `election` in due rules with the municipality's herindeling.
class ElectionsInTheEngine : public EngineWorld {};

TEST_F(ElectionsInTheEngine, a_task_due_before_the_election_counts_back_from_the_herindeling_rule) {
    give_role("anna", "regisseur", d(2022, 1, 1));
    give_role("bert", "ggd-contact", d(2022, 1, 1));
    define(single_task("{ before = \"election\", days = 30 }", "[]"));
    add_municipality({"single"});
    // Merged in November 2021: no March 2022 election, the next one is March 2026.
    municipality_.herindeling_elections = {d(2021, 11, 17)};
    store_->upsert_municipality(municipality_);
    run_until(d(2022, 1, 2));
    EXPECT_EQ(format_iso_local(*task("job").due), "2026-02-16T17:00:00+01:00");
}

}  // namespace
}  // namespace okod::test
