// The rhythm guard "<name>_year": a source published every N years from a known year
// (HBSC: rounds reported in 2018 and 2022, every four years) holds in exactly those
// calendar years, counted from the year in which the instance year begins.
#include <gtest/gtest.h>

#include "definition/definition.hpp"
#include "definition/guards.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"

namespace okod {
namespace {

constexpr Date january_first(int year) { return Date{date::year{year} / date::January / 1}; }

Definition with_hbsc_rhythm() {
    Definition def;
    def.id = "data-sources";
    def.settings["hbsc_year"] = 2022;
    def.settings["hbsc_every_years"] = 4;
    return def;
}

Instance calendar_year(int year) {
    Instance i;
    i.year_one = january_first(year);
    i.year_index = 1;
    return i;
}

TEST(RhythmGuard, holds_in_the_declared_year_and_every_n_years_before_and_after_it) {
    const Definition def = with_hbsc_rhythm();
    Municipality m;
    m.trajectory_start = january_first(2022);
    std::vector<int> years;
    for (int y = 2016; y <= 2031; ++y)
        if (guard_holds("hbsc_year", def, calendar_year(y), m)) years.push_back(y);
    EXPECT_EQ(years, (std::vector<int>{2018, 2022, 2026, 2030}));
    EXPECT_TRUE(guard_holds("not hbsc_year", def, calendar_year(2023), m));
}

TEST(RhythmGuard, a_municipality_may_set_its_own_year_and_interval) {
    const Definition def = with_hbsc_rhythm();
    Municipality m;
    m.trajectory_start = january_first(2022);
    m.settings["hbsc_year"] = 2023;  // e.g. a GGD whose round reports a year later
    m.settings["hbsc_every_years"] = 2;
    EXPECT_FALSE(guard_holds("hbsc_year", def, calendar_year(2024), m));
    EXPECT_TRUE(guard_holds("hbsc_year", def, calendar_year(2025), m));
    EXPECT_TRUE(guard_holds("hbsc_year", def, calendar_year(2027), m));
}

TEST(RhythmGuard, is_unknown_without_both_settings) {
    Definition def;
    def.settings["hbsc_year"] = 2022;
    EXPECT_FALSE(is_known_guard(*parse_guard("hbsc_year"), def));
    def.settings["hbsc_every_years"] = 4;
    EXPECT_TRUE(is_known_guard(*parse_guard("hbsc_year"), def));
}

}  // namespace
}  // namespace okod
