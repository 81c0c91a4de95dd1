// Follows the demo Maastricht config through the real `okod simulate` process and checks
// the brief's timeline of the implementation trajectory and the OKO cycle.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>
#include <sstream>

#include "adapters/calendar/school_holidays_json.hpp"
#include "calendar/calendar.hpp"
#include "rules/due_rule.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

struct Line {
    std::string time, workflow, kind, task, state, due, role, person;
    Date day() const { return *parse_date(time.substr(0, 10)); }
};

std::vector<Line> parse_lines(const std::string& out) {
    std::vector<Line> lines;
    std::istringstream in(out);
    std::string text;
    while (std::getline(in, text)) {
        auto v = boost::json::parse(text).as_object();
        auto get = [&](const char* k) -> std::string {
            auto it = v.find(k);
            return it == v.end() ? "" : std::string(it->value().as_string());
        };
        EXPECT_EQ(get("municipality"), "GM0935");
        lines.push_back({get("time"), get("workflow"), get("kind"), get("task"), get("state"),
                         get("due"), get("role"), get("person")});
    }
    return lines;
}

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}
bool within(Date x, Date first, Date last) {
    return date::sys_days{first} <= date::sys_days{x} && date::sys_days{x} <= date::sys_days{last};
}

class MaastrichtSimulation : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        TempDir tmp;
        auto r = run_binary(
            "okod", {"simulate", "--config", source_path("config/okod.toml").string(), "--from",
                     "2022-01-01", "--to", "2026-12-31", "--municipality", "GM0935",
                     "--complete-on-time", "--json", "--store", (tmp / "sim.sqlite").string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        output_ = new std::string(r.out);
        lines_ = new std::vector<Line>(parse_lines(r.out));
    }
    static void TearDownTestSuite() {
        delete lines_;
        delete output_;
    }

    // The line of `kind` for `task` in `workflow`, in the given year.
    const Line* find(const std::string& workflow, const std::string& kind, const std::string& task,
                     int year = 0) {
        for (const auto& l : *lines_)
            if (l.workflow == workflow && l.kind == kind && l.task == task &&
                (year == 0 || static_cast<int>(l.day().year()) == year))
                return &l;
        return nullptr;
    }

    static std::string* output_;
    static std::vector<Line>* lines_;
};
std::string* MaastrichtSimulation::output_ = nullptr;
std::vector<Line>* MaastrichtSimulation::lines_ = nullptr;

TEST_F(MaastrichtSimulation, the_core_team_task_is_due_in_the_first_quarter_of_2022) {
    const Line* created = find("implementation-trajectory", "task_created", "core-team");
    ASSERT_NE(created, nullptr);
    EXPECT_EQ(created->time, "2022-01-01T09:00:00+01:00");
    const Date due = *parse_date(created->due.substr(0, 10));
    EXPECT_TRUE(within(due, d(2022, 1, 1), d(2022, 3, 31))) << created->due;
    EXPECT_NE(find("implementation-trajectory", "task_created", "stakeholders"), nullptr);
}

// Maastricht has no survey window of its own, so it takes the GGD youth monitor's field
// period: 1 October - 30 November of a survey year (README "The OKO cycle runs by date").
constexpr int kFirstSurveyYear = 2022;
Date window_end(int year) { return d(year, 11, 30); }

TEST_F(MaastrichtSimulation, the_survey_is_taken_in_the_field_window_on_a_school_day) {
    const Line* survey = find("oko-cycle", "task_done", "survey", kFirstSurveyYear);
    ASSERT_NE(survey, nullptr);
    const Date day = survey->day();
    EXPECT_TRUE(within(day, d(kFirstSurveyYear, 10, 1), window_end(kFirstSurveyYear)))
        << survey->time;
    std::vector<LoadError> errors;
    Calendar cal(SchoolHolidays(
        load_school_holidays_file(source_path("config/calendars/school-holidays.json"), errors)));
    EXPECT_TRUE(cal.is_school_day("zuid", day)) << survey->time;
}

// The hard rule of the model: results are discussed with youth, parents and professionals
// at most two months after fieldwork ended.
TEST_F(MaastrichtSimulation, feedback_is_due_at_most_two_months_after_fieldwork_ended) {
    const Date closed = window_end(kFirstSurveyYear);
    const Date limit = add_period(closed, 2, PeriodUnit::months);
    int feedback_tasks = 0;
    for (const auto& l : *lines_) {
        if (l.workflow != "oko-cycle" || l.kind != "task_created" || l.state != "terugkoppeling")
            continue;
        if (l.day().year() != date::year{kFirstSurveyYear}) continue;
        ++feedback_tasks;
        ASSERT_FALSE(l.due.empty()) << l.task;
        const Date due = *parse_date(l.due.substr(0, 10));
        EXPECT_TRUE(within(due, closed, limit)) << l.task << " due " << l.due;
    }
    EXPECT_EQ(feedback_tasks, 4);  // first analyses + youth, parents, professionals
}

// The survey's reporting deadlines: the full report with advice for SMART goals three
// months after fieldwork ended (a business day, so up to a long weekend earlier), in
// survey years only.
TEST_F(MaastrichtSimulation,
       the_full_survey_report_is_due_three_months_after_fieldwork_in_survey_years) {
    std::map<int, Date> report_due;  // by the year of the survey it reports on
    for (const auto& l : *lines_)
        if (l.workflow == "oko-cycle" && l.kind == "task_created" && l.task == "survey-report") {
            const Date due = *parse_date(l.due.substr(0, 10));
            report_due.emplace(static_cast<int>(due.year()) - 1, due);
            EXPECT_EQ(l.role, "ggd-contact");
        }
    // Every two years from 2022; the 2026 survey's report falls after the simulation.
    ASSERT_EQ(report_due.size(), 2u);
    for (const int year : {2022, 2024}) {
        ASSERT_TRUE(report_due.contains(year)) << year;
        const Date nominal = add_period(window_end(year), 3, PeriodUnit::months);
        EXPECT_TRUE(within(report_due[year], add_days(nominal, -4), nominal)) << year;
    }
}

// Policy is written from that report: local policy decided eight weeks after it
// (policy_decide_weeks), not in the survey year's Christmas week.
TEST_F(MaastrichtSimulation, local_policy_is_decided_after_the_report_that_informs_it) {
    const Line* report = find("oko-cycle", "task_done", "survey-report", kFirstSurveyYear + 1);
    ASSERT_NE(report, nullptr);
    const Line* decided = find("oko-cycle", "task_done", "policy-decide", kFirstSurveyYear + 1);
    ASSERT_NE(decided, nullptr);
    const Date nominal = add_days(report->day(), 8 * 7);
    EXPECT_TRUE(within(decided->day(), add_days(nominal, -4), nominal)) << decided->time;
}

TEST_F(MaastrichtSimulation, the_council_is_informed_every_year) {
    std::set<int> years;
    for (const auto& l : *lines_) {
        const bool trajectory_report =
            l.workflow == "implementation-trajectory" && l.task.starts_with("council-informed");
        const bool later_report = l.workflow == "council-report" && l.task.starts_with("send");
        if (l.kind == "task_done" && (trajectory_report || later_report))
            years.insert(static_cast<int>(l.day().year()));
    }
    EXPECT_EQ(years, (std::set<int>{2022, 2023, 2024, 2025, 2026}));
}

TEST_F(MaastrichtSimulation, surveys_come_every_two_years) {
    std::set<int> years;
    for (const auto& l : *lines_)
        if (l.workflow == "oko-cycle" && l.kind == "task_done" && l.task == "survey")
            years.insert(static_cast<int>(l.day().year()));
    EXPECT_EQ(years, (std::set<int>{2022, 2024, 2026}));
}

TEST_F(MaastrichtSimulation, every_line_carries_time_with_offset_workflow_and_kind) {
    for (const auto& l : *lines_) {
        EXPECT_TRUE(parse_instant(l.time).has_value()) << l.time;
        EXPECT_TRUE(l.time.ends_with("+01:00") || l.time.ends_with("+02:00")) << l.time;
        EXPECT_FALSE(l.kind.empty());
    }
}

TEST_F(MaastrichtSimulation, the_same_input_prints_the_same_bytes) {
    TempDir tmp;
    auto again = run_binary(
        "okod", {"simulate", "--config", source_path("config/okod.toml").string(), "--from",
                 "2022-01-01", "--to", "2026-12-31", "--municipality", "GM0935",
                 "--complete-on-time", "--json", "--store", (tmp / "other.sqlite").string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, *output_);
}

TEST(Simulation, tasks_nobody_completes_become_overdue_and_escalate) {
    TempDir tmp;
    auto r = run_binary("okod", {"simulate", "--config", source_path("config/okod.toml").string(),
                                 "--from", "2022-01-01", "--to", "2022-04-30", "--municipality",
                                 "GM0935", "--json", "--store", (tmp / "s.sqlite").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto lines = parse_lines(r.out);
    auto has = [&](const std::string& kind, const std::string& task) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const Line& l) { return l.kind == kind && l.task == task; });
    };
    EXPECT_TRUE(has("task_overdue", "core-team"));
    EXPECT_TRUE(has("escalation", "core-team"));
    // The escalation ladder (README; issue 20): lateness goes to the regisseur's manager.
    for (const auto& l : lines)
        if (l.kind == "escalation" && l.task == "core-team") {
            EXPECT_EQ(l.role, "leidinggevende");
            EXPECT_EQ(l.person, "maastricht-teamleider");
            EXPECT_EQ(l.time, "2022-04-07T09:00:00+02:00");
        }
}

TEST(Simulation, human_output_speaks_dutch_by_default_and_english_on_request) {
    TempDir tmp;
    const std::vector<std::string> base{
        "simulate",   "--config",       source_path("config/okod.toml").string(),
        "--from",     "2022-03-01",     "--to",
        "2022-03-31", "--municipality", "GM0935"};
    auto args = base;
    args.insert(args.end(), {"--store", (tmp / "nl.sqlite").string()});
    auto nl = run_binary("okod", args);
    ASSERT_EQ(nl.exit_code, 0) << nl.err;
    EXPECT_NE(
        nl.out.find("herinnering (14 dagen vooraf) 'Lokaal kernteam vormen' aan Sanne Vermeulen"),
        std::string::npos)
        << nl.out;
    args = base;
    args.insert(args.end(), {"--store", (tmp / "en.sqlite").string(), "--lang", "en"});
    auto en = run_binary("okod", args);
    ASSERT_EQ(en.exit_code, 0) << en.err;
    EXPECT_NE(en.out.find("reminder (14 days ahead)"), std::string::npos) << en.out;
}

TEST(Simulation, bad_arguments_get_a_precise_message_and_exit_2) {
    const std::string config = source_path("config/okod.toml").string();
    auto bad_date = run_binary(
        "okod", {"simulate", "--config", config, "--from", "2022-13-01", "--to", "2022-12-31"});
    EXPECT_EQ(bad_date.exit_code, 2);
    EXPECT_EQ(bad_date.err, "okod simulate: --from '2022-13-01' is not a date (YYYY-MM-DD)\n");
    auto reversed = run_binary(
        "okod", {"simulate", "--config", config, "--from", "2023-01-01", "--to", "2022-12-31"});
    EXPECT_EQ(reversed.exit_code, 2);
    EXPECT_EQ(reversed.err, "okod simulate: --to 2022-12-31 is before --from 2023-01-01\n");
    auto unknown = run_binary("okod", {"simulate", "--config", config, "--from", "2022-01-01",
                                       "--to", "2022-12-31", "--municipality", "GM9999"});
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.err.find("--municipality GM9999 is not configured"), std::string::npos)
        << unknown.err;
    auto no_config = run_binary("okod", {"simulate", "--config", "/nonexistent/okod.toml", "--from",
                                         "2022-01-01", "--to", "2022-12-31"});
    EXPECT_EQ(no_config.exit_code, 1);
    EXPECT_NE(no_config.err.find("/nonexistent/okod.toml"), std::string::npos) << no_config.err;
}

}  // namespace
}  // namespace okod::test
