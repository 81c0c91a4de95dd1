// The timing of the shipped definitions read against their sources (issue 20), on
// the demo Maastricht: the yearly events-season kick-off, the drug-prevention policy's
// hand-over from one period to the next, the implementation trajectory's first year
// for any start month and the Scanner execution plan's core team and content meetings.
// Every expected date is worked out by hand from the rule in the comment above it.
#include <map>
#include <ostream>
#include <string>

#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class ShippedTiming : public DemoWorld {
protected:
    std::string due_of(const Task& t) { return t.due ? format_iso_local(*t.due) : "none"; }

    // The tasks of `workflow` made from the definition's task `spec_id`.
    std::vector<Task> made_from(const std::string& workflow, const std::string& spec_id) {
        std::vector<Task> out;
        for (auto& t : tasks(workflow))
            if (t.spec_id == spec_id) out.push_back(std::move(t));
        return out;
    }

    // The trajectory's first year, started on `start_day` with report_due 15 May and
    // run until `until` with every task done on time: the due days of the core team,
    // the prevention coalition and the first council report (whichever year's task).
    struct FirstYear {
        std::string core_team, coalition, first_report;
        bool report_in_year_one = false;
    };
    FirstYear first_year(const std::string& start_day, Instant from, Instant until) {
        edit_maastricht("trajectory_start = 2022-01-01", "trajectory_start = " + start_day);
        edit_maastricht("report_due = \"10-15\"", "report_due = \"05-15\"");
        start(from);
        run_until(until, /*complete_on_time=*/true);
        Task report;
        for (const auto& t : tasks("implementation-trajectory"))
            if ((t.spec_id == "council-informed-first" || t.spec_id == "council-informed") &&
                t.due && (!report.due || *t.due < *report.due))
                report = t;
        return {due_of(task("implementation-trajectory", "core-team")),
                due_of(task("implementation-trajectory", "prevention-coalition")), due_of(report),
                !made_from("implementation-trajectory", "council-informed-first").empty()};
    }
};

// Seed 000: "de start van het evenementenseizoen aangrijpen om een kick-off moment te
// organiseren met (nieuwe) bestuurders en betrokkenen", every season. Maastricht's
// season starts on 1 April: Friday 1 April 2022; in 2023 the 1st is a Saturday, so
// the business day before, Friday 31 March.
TEST_F(ShippedTiming, the_events_season_opens_with_a_kickoff_every_year) {
    start(at(2022, 1, 1));
    run_until(at(2023, 12, 31), /*complete_on_time=*/true);
    const auto kickoffs = made_from("events-season", "season-kickoff");
    ASSERT_EQ(kickoffs.size(), 2u);
    EXPECT_EQ(due_of(kickoffs[0]), "2022-04-01T17:00:00+02:00");
    EXPECT_EQ(due_of(kickoffs[1]), "2023-03-31T17:00:00+02:00");
    EXPECT_EQ(kickoffs[0].role, "regisseur");
}

// A trajectory that starts on the season's first day cannot hold its kick-off that
// same day: it has season_kickoff_weeks (4) to prepare it while the season is on,
// 1 April + 28 days = Friday 29 April 2022.
TEST_F(ShippedTiming, a_trajectory_from_april_prepares_its_kickoff_for_four_weeks) {
    edit_maastricht("trajectory_start = 2022-01-01", "trajectory_start = 2022-04-01");
    start(at(2022, 4, 1));
    run_until(at(2022, 4, 2));
    EXPECT_EQ(due_of(task("events-season", "season-kickoff")), "2022-04-29T17:00:00+02:00");
}

// Trimbos model plan: the plan covers four years and the final evaluation after four
// years decides on a new plan. So in the last year (2026 for the period from 1 January
// 2023) the evaluation comes first (end of Q2: Tuesday 30 June), the decision on a new
// plan follows from it (end of Q3: Wednesday 30 September) and the council adopts the
// new plan before the old one ends (1 January 2026 + 50 weeks: Thursday 17 December).
// The next period, from 1 January 2027, starts with its plan in place: no new draft.
TEST_F(ShippedTiming, a_new_drug_prevention_plan_is_adopted_before_the_old_one_ends) {
    start(at(2022, 12, 1));
    run_until(at(2027, 12, 31), /*complete_on_time=*/true);

    const Task evaluation = task("drug-prevention-policy", "final-evaluation.2026");
    const Task decision = task("drug-prevention-policy", "new-plan-decision.2026");
    const Task adoption = task("drug-prevention-policy", "new-plan-adopt.2026");
    EXPECT_EQ(due_of(evaluation), "2026-06-30T17:00:00+02:00");
    EXPECT_EQ(due_of(decision), "2026-09-30T17:00:00+02:00");
    EXPECT_EQ(due_of(adoption), "2026-12-17T17:00:00+01:00");
    EXPECT_LT(*evaluation.due, *decision.due);
    EXPECT_LT(local_date(*adoption.due), day(2027, 1, 1));
    // The last year opens with the final evaluation instead of an interim one.
    for (const auto& t : made_from("drug-prevention-policy", "interim-evaluation"))
        EXPECT_NE(t.key, "interim-evaluation.2026");

    const auto periods = instances("drug-prevention-policy");
    ASSERT_EQ(periods.size(), 2u);
    const InstanceId second = periods[0].key == "2027" ? periods[0].id : periods[1].id;
    for (const char* spec : {"plan-draft", "plan-adopt"})
        for (const auto& t : made_from("drug-prevention-policy", spec))
            EXPECT_NE(t.instance_id, second) << spec << " again in the period from 2027";
    // The second period goes straight to its execution: its first process data in 2027.
    bool executing = false;
    for (const auto& t : made_from("drug-prevention-policy", "process-data"))
        executing = executing ||
                    (t.instance_id == second && t.due && local_date(*t.due) == day(2027, 12, 31));
    EXPECT_TRUE(executing);
}

// The trajectory (seed 003): the core team in Q1, the prevention coalition in year 1,
// quarters counted from the start. College and council are informed yearly on the
// municipality's report day (here 15 May), but not weeks after the start: the first
// report comes at least first_report_months (3) after it.
struct TrajectoryStart {
    const char* name;
    const char* start_day;
    Instant from, until;  // the run
    const char* core_team;
    const char* coalition;
    const char* first_report;
    bool report_in_year_one;
};

// Names the case in test output (gtest would print its bytes).
void PrintTo(const TrajectoryStart& start, std::ostream* os) { *os << start.name; }

class TrajectoryFirstYear : public ShippedTiming,
                            public ::testing::WithParamInterface<TrajectoryStart> {};

TEST_P(TrajectoryFirstYear, forms_the_core_team_first_and_reports_not_weeks_in) {
    const TrajectoryStart& p = GetParam();
    const FirstYear y = first_year(p.start_day, p.from, p.until);
    EXPECT_EQ(y.core_team, p.core_team);
    EXPECT_EQ(y.coalition, p.coalition);
    EXPECT_EQ(y.first_report, p.first_report);
    EXPECT_EQ(y.report_in_year_one, p.report_in_year_one);
}

INSTANTIATE_TEST_SUITE_P(
    StartMonths, TrajectoryFirstYear,
    ::testing::Values(
        // January 2022: core team by Thursday 31 March, coalition by 31 December (a
        // Saturday: Friday 30 December); 15 May 2022 is 4.5 months in, a Sunday: Friday
        // 13 May 2022.
        TrajectoryStart{"january", "2022-01-01", at(2022, 1, 1), at(2023, 6, 30),
                        "2022-03-31T17:00:00+02:00", "2022-12-30T17:00:00+01:00",
                        "2022-05-13T17:00:00+02:00", true},
        // April 2022: core team by Thursday 30 June 2022, coalition by Friday 31 March
        // 2023. 15 May 2022 is six weeks in: no report then; the first is Monday 15 May
        // 2023.
        TrajectoryStart{"april", "2022-04-01", at(2022, 4, 1), at(2023, 6, 30),
                        "2022-06-30T17:00:00+02:00", "2023-03-31T17:00:00+02:00",
                        "2023-05-15T17:00:00+02:00", false},
        // October 2022: core team by 31 December 2022 (Saturday: Friday 30 December),
        // coalition by 30 September 2023 (Saturday: Friday 29 September); the first
        // report on Monday 15 May 2023, 7.5 months in.
        TrajectoryStart{"october", "2022-10-01", at(2022, 10, 1), at(2023, 10, 31),
                        "2022-12-30T17:00:00+01:00", "2023-09-29T17:00:00+02:00",
                        "2023-05-15T17:00:00+02:00", true}),
    [](const ::testing::TestParamInfo<TrajectoryStart>& param) { return param.param.name; });

// The trajectory forms the local core team (Q1 2022); the Scanner's step 1 ("form a
// small core team") would ask for it a second time in 2022.
TEST_F(ShippedTiming, the_scanner_plan_does_not_form_the_core_team_again) {
    start(at(2022, 1, 1));
    run_until(at(2023, 3, 31), true);
    EXPECT_EQ(made_from("implementation-trajectory", "core-team").size(), 1u);
    EXPECT_TRUE(made_from("scanner-execution-plan", "step1-core-team").empty());
    EXPECT_EQ(made_from("scanner-execution-plan", "step2-kickoff-talk").size(), 1u);
}

TEST_F(ShippedTiming, without_the_trajectory_the_scanner_plan_forms_the_core_team) {
    edit_maastricht("\"implementation-trajectory\",", "");
    start(at(2022, 9, 1));
    run_until(at(2022, 12, 31), true);
    EXPECT_EQ(made_from("scanner-execution-plan", "step1-core-team").size(), 1u);
}

// Scanner guide step 4: the regisseur (project leader) organises each content meeting
// and is reminded of it; the other core team members prepare and take part, and need
// one reminder, a week ahead. Maastricht's core team: Sanne (the regisseur, also in
// the kernteam), Bram and Youssef.
TEST_F(ShippedTiming, a_content_meeting_reminds_the_organiser_and_the_team_once) {
    start(at(2022, 9, 1));
    run_until(at(2023, 6, 30), true);
    const auto meetings = made_from("scanner-execution-plan", "step4-content-meeting");
    const auto preparations = made_from("scanner-execution-plan", "step4-content-prepare");
    ASSERT_EQ(meetings.size(), 4u);  // one per recommendation
    ASSERT_EQ(preparations.size(), 4u);
    EXPECT_EQ(meetings[0].role, "regisseur");
    EXPECT_EQ(preparations[0].role, "kernteam");

    std::map<std::string, int> reminded;
    for (const auto* task : {&meetings[0], &preparations[0]})
        for (const auto& mail : mail_for(task->id))
            if (mail.kind == OutboxKind::reminder) {
                ++reminded[mail.person_id];
                if (mail.person_id != "maastricht-sanne") {
                    EXPECT_EQ(mail.lead_days, 7);
                }
            }
    EXPECT_EQ(reminded["maastricht-bram"], 1);
    EXPECT_EQ(reminded["maastricht-youssef"], 1);
    // The regisseur: two weeks, one week (the team's reminder the same day) and the day.
    EXPECT_EQ(reminded["maastricht-sanne"], 4);
}

}  // namespace
}  // namespace okod::test
