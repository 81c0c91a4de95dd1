// The rhythms the source documents name besides the OKO cycle, followed through the real
// `okod simulate` for the demo: the alcohol prevention & enforcement plan with each health
// policy paper, the data sources in their publication years, four webinars and four
// newsletters a year, and the yearly partner meeting after policy is decided. Each
// expectation is computed here from the rule (the source, the law, the school-holiday
// data), not read back from okod's output.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "adapters/calendar/school_holidays_json.hpp"
#include "calendar/calendar.hpp"
#include "support/output_lines.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

struct Created {
    std::string workflow, task, time, due;
    Date created() const { return *parse_date(time.substr(0, 10)); }
    Date due_day() const { return *parse_date(due.substr(0, 10)); }
    int due_year() const { return static_cast<int>(due_day().year()); }
};

// The task_created lines of a simulation, in order.
std::vector<Created> simulate(const std::string& municipality, const std::string& from,
                              const std::string& to) {
    TempDir tmp;
    auto r = run_binary(
        "okod", {"simulate", "--config", source_path("config/okod.toml").string(), "--from", from,
                 "--to", to, "--municipality", municipality, "--complete-on-time", "--json",
                 "--store", (tmp / "sim.sqlite").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<Created> out;
    for (const auto& line : json_lines(r.out)) {
        const auto& v = line.as_object();
        if (v.at("kind").as_string() != "task_created") continue;
        const auto text = [&](const char* key) { return std::string(v.at(key).as_string()); };
        out.push_back({text("workflow"), text("task"), text("time"), text("due")});
    }
    return out;
}

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

// The day itself, or the Friday before when it falls in a weekend (none of the days used
// below -- 1 March, 1 December, 30 September -- is ever a Dutch public holiday).
Date weekday_on_or_before(Date day) {
    const date::weekday w{date::sys_days{day}};
    if (w == date::Saturday) return add_days(day, -1);
    if (w == date::Sunday) return add_days(day, -2);
    return day;
}

const Calendar& calendar() {
    static const Calendar cal = [] {
        std::vector<LoadError> errors;
        return Calendar(SchoolHolidays(load_school_holidays_file(
            source_path("config/calendars/school-holidays.json"), errors)));
    }();
    return cal;
}

class MaastrichtRhythms : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        created_ = new std::vector<Created>(simulate("GM0935", "2022-01-01", "2031-12-31"));
    }
    static void TearDownTestSuite() { delete created_; }

    static std::vector<Created> of(const std::string& workflow, const std::string& task) {
        std::vector<Created> out;
        for (const auto& c : *created_)
            if (c.workflow == workflow && c.task == task) out.push_back(c);
        return out;
    }
    static std::set<int> due_years(const std::string& workflow, const std::string& task) {
        std::set<int> years;
        for (const auto& c : of(workflow, task)) years.insert(c.due_year());
        return years;
    }

    static std::vector<Created>* created_;
};
std::vector<Created>* MaastrichtRhythms::created_ = nullptr;

// Alcoholwet art. 43a: the council adopts the alcohol prevention & enforcement plan every
// four years, at the same time as the health policy paper (Wpg art. 13). Maastricht's
// paper is adopted in 2023 ([dates] health_policy_year), so 2023, 2027 and 2031, by the
// end of the third quarter, the same deadline as the drug-prevention plan adopted with
// that paper.
TEST_F(MaastrichtRhythms,
       the_alcohol_plan_is_adopted_with_the_health_policy_paper_every_four_years) {
    std::vector<Date> adopted;
    for (const auto& c : of("alcohol-prevention-plan", "council-adopt"))
        adopted.push_back(c.due_day());
    EXPECT_EQ(adopted, (std::vector<Date>{weekday_on_or_before(d(2023, 9, 30)),
                                          weekday_on_or_before(d(2027, 9, 30)),
                                          weekday_on_or_before(d(2031, 9, 30))}));
    EXPECT_EQ(adopted.front(), d(2023, 9, 29));  // 30 September 2023 is a Saturday
    // The drug-prevention plan goes to the council with the same paper (policy_start 2023).
    const auto drug_plan = of("drug-prevention-policy", "plan-adopt");
    ASSERT_FALSE(drug_plan.empty());
    EXPECT_EQ(drug_plan.front().due_day(), adopted.front());
}

// The plan's steps come in order: GGD figures, draft, consultation, college, council.
TEST_F(MaastrichtRhythms, the_alcohol_plan_s_steps_come_in_order_within_the_paper_s_year) {
    const std::vector<std::string> steps{"ggd-figures", "draft", "consult", "college",
                                         "council-adopt"};
    Date previous = d(2023, 1, 1);
    for (const auto& step : steps) {
        const auto tasks = of("alcohol-prevention-plan", step);
        ASSERT_FALSE(tasks.empty()) << step;
        EXPECT_GT(date::sys_days{tasks.front().due_day()}, date::sys_days{previous}) << step;
        EXPECT_EQ(tasks.front().due_year(), 2023) << step;
        previous = tasks.front().due_day();
    }
}

// The sources' rhythms (seed 002, Bijlage 2): HBSC every four years (reports 2018, 2022),
// the students' monitor every two years (2021, 2023), the GGD adults monitor every four
// years (reported 2021, 2025), young adults every four (2023); yearly: the CBS youth
// monitor, DIMS, the registrations. Data sources count calendar years from 2022.
TEST_F(MaastrichtRhythms, each_data_source_is_collected_in_its_publication_years_only) {
    EXPECT_EQ(due_years("data-sources", "hbsc"), (std::set<int>{2022, 2026, 2030}));
    EXPECT_EQ(due_years("data-sources", "students-monitor"),
              (std::set<int>{2023, 2025, 2027, 2029, 2031}));
    EXPECT_EQ(due_years("data-sources", "ggd-adults"), (std::set<int>{2025, 2029}));
    EXPECT_EQ(due_years("data-sources", "ggd-young-adults"), (std::set<int>{2023, 2027, 2031}));
    std::set<int> every_year;
    for (int y = 2022; y <= 2031; ++y) every_year.insert(y);
    EXPECT_EQ(due_years("data-sources", "cbs-youth-monitor"), every_year);
    EXPECT_EQ(due_years("data-sources", "dims"), every_year);
    EXPECT_EQ(due_years("data-sources", "police-registrations"), every_year);
    // The youth monitor is the OKO cycle's survey, not a data-source task of its own.
    std::set<std::string> sources;
    for (const auto& c : *created_)
        if (c.workflow == "data-sources") sources.insert(c.task);
    EXPECT_EQ(sources, (std::set<std::string>{"police-registrations", "ambulance-registrations",
                                              "addiction-care-registrations", "dims", "ggd-adults",
                                              "ggd-young-adults", "hbsc", "students-monitor",
                                              "cbs-youth-monitor"}));
}

// The CBS youth monitor's yearly report appears in November: collected by 1 December.
// The registrations over a year are complete in February: requested by 1 March.
TEST_F(MaastrichtRhythms, yearly_sources_are_due_the_month_after_they_appear) {
    for (const auto& c : of("data-sources", "cbs-youth-monitor"))
        EXPECT_EQ(c.due_day(), weekday_on_or_before(d(c.due_year(), 12, 1))) << c.due;
    for (const auto& c : of("data-sources", "police-registrations"))
        EXPECT_EQ(c.due_day(), weekday_on_or_before(d(c.due_year(), 3, 1))) << c.due;
    for (const auto& c : of("data-sources", "hbsc"))  // reported in September
        EXPECT_EQ(c.due_day(), weekday_on_or_before(d(c.due_year(), 10, 1))) << c.due;
}

// Seed 000: "4 webinars per jaar", and newsletters. One webinar in each quarter, on a
// school day in the south (Maastricht): none in the summer or any other school holiday.
TEST_F(MaastrichtRhythms, four_webinars_a_year_in_distinct_quarters_on_school_days) {
    std::map<int, std::set<int>> quarters;  // year -> quarters with a webinar
    for (const auto& c : *created_) {
        if (c.workflow != "communication-year" || !c.task.starts_with("webinar-")) continue;
        const Date due = c.due_day();
        const int quarter = (static_cast<int>(static_cast<unsigned>(due.month())) - 1) / 3 + 1;
        quarters[c.due_year()].insert(quarter);
        if (c.due_year() <= 2029) {  // the school-holiday data run to summer 2030
            EXPECT_TRUE(calendar().is_school_day("zuid", due)) << c.task << " " << c.due;
        }
    }
    for (int y = 2022; y <= 2031; ++y) EXPECT_EQ(quarters[y], (std::set<int>{1, 2, 3, 4})) << y;
    std::map<int, int> newsletters;
    for (const auto& c : *created_)
        if (c.workflow == "communication-year" && c.task.starts_with("newsletter-"))
            ++newsletters[c.due_year()];
    for (int y = 2022; y <= 2031; ++y) EXPECT_EQ(newsletters[y], 4) << y;
}

// Seed 002: the partners meet once a year to agree that year's execution plan, after
// policy is decided. The OKO cycle decides policy 8 weeks after the year's results: in
// a survey year (2022, 2024: fieldwork to 30 November) the full report 3 months later,
// otherwise the end of the third quarter. The meeting is 12 weeks after the results, on
// the next school day when that falls in a holiday (the Christmas holiday, zuid).
TEST_F(MaastrichtRhythms, the_partners_meet_once_a_year_after_policy_is_decided) {
    auto school_day_from = [](Date day) {
        while (!calendar().is_school_day("zuid", day)) day = add_days(day, 1);
        return day;
    };
    const std::vector<Date> results{d(2023, 2, 28), d(2023, 9, 30), d(2025, 2, 28), d(2025, 9, 30)};
    std::vector<Date> expected;
    for (Date r : results) expected.push_back(school_day_from(add_days(r, 12 * 7)));
    EXPECT_EQ(expected,
              (std::vector<Date>{d(2023, 5, 23), d(2024, 1, 8), d(2025, 5, 23), d(2026, 1, 5)}));
    std::vector<Date> meetings;
    for (const auto& c : of("partner-meeting", "meeting")) meetings.push_back(c.due_day());
    ASSERT_GE(meetings.size(), 4u);
    meetings.resize(4);
    EXPECT_EQ(meetings, expected);
    // Never before the college decided the policy it executes.
    const auto decided = of("oko-cycle", "policy-decide");
    ASSERT_GE(decided.size(), 4u);
    for (std::size_t k = 0; k < 4; ++k)
        EXPECT_GT(date::sys_days{meetings[k]}, date::sys_days{decided[k].due_day()}) << k;
}

// No task of the new rhythms is born overdue.
TEST_F(MaastrichtRhythms, no_rhythm_task_is_born_overdue) {
    const std::set<std::string> rhythms{"alcohol-prevention-plan", "data-sources",
                                        "communication-year", "partner-meeting"};
    int seen = 0;
    for (const auto& c : *created_)
        if (rhythms.count(c.workflow)) {
            ++seen;
            EXPECT_GE(date::sys_days{c.due_day()}, date::sys_days{c.created()})
                << c.workflow << "/" << c.task << " created " << c.time << " due " << c.due;
        }
    EXPECT_GT(seen, 100);
}

// Groningen starts in April: its communication year runs April - March, one webinar in
// each of those quarters on a school day in the north.
TEST(GroningenRhythms, a_trajectory_from_april_holds_a_webinar_in_each_of_its_quarters) {
    const auto created = simulate("GM0014", "2022-04-01", "2024-03-31");
    std::map<int, std::set<int>> quarters;  // instance year (its April) -> quarters
    for (const auto& c : created) {
        if (c.workflow != "communication-year" || !c.task.starts_with("webinar-")) continue;
        const Date due = c.due_day();
        const int months_in = (static_cast<int>(due.year()) - 2022) * 12 +
                              static_cast<int>(static_cast<unsigned>(due.month())) - 4;
        quarters[2022 + months_in / 12].insert(months_in % 12 / 3 + 1);
        EXPECT_TRUE(calendar().is_school_day("noord", due)) << c.task << " " << c.due;
    }
    EXPECT_EQ(quarters, (std::map<int, std::set<int>>{{2022, {1, 2, 3, 4}}, {2023, {1, 2, 3, 4}}}));
}

}  // namespace
}  // namespace okod::test
