// A year as OKO municipalities live it (issue 20): the survey has a field window and the
// cycle moves on by date when nobody ticks anything; nothing runs for a municipality
// before its trajectory starts; a municipality that joins mid-trajectory gets okod's
// tasks from that day on. Expected dates are worked out by hand in the comments.
#include "engine/step.hpp"
#include "model/event_kind.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class SurveyWindow : public DemoWorld {
protected:
    // The 2022 OKO cycle of the demo Maastricht (trajectory 1 January 2022, survey years
    // 2022, 2024, ...).
    Instance cycle_2022() {
        for (const auto& i : instances("oko-cycle"))
            if (local_date(i.started_at).year() == date::year{2022}) return i;
        ADD_FAILURE() << "no 2022 cycle";
        return {};
    }
    std::string due_of(const std::string& key) {
        const Task t = task("oko-cycle", key);
        return t.due ? format_iso_local(*t.due) : "none";
    }
};

// Rule (BRIEF.md; GGD youth monitor): fieldwork runs early October to late November,
// and the results are discussed at most two months after the survey closed. Nothing is
// ticked: the survey is due on the window's last day, 30 November 2022 (a Wednesday,
// no school holiday), and the cycle still moves into feedback and on, with the survey
// left overdue. Offsets from the end of fieldwork: first analyses +4 weeks = Wednesday
// 28 December 2022; dialogues +2 months = Monday 30 January 2023; full report +3 months
// = Tuesday 28 February 2023 (30 February clamps); interventions adjusted 4 weeks after
// the report = Tuesday 28 March 2023; policy decided 8 weeks after = Tuesday 25 April.
TEST_F(SurveyWindow, the_cycle_moves_on_from_the_end_of_fieldwork_when_nothing_is_ticked) {
    start(at(2022, 1, 3));
    run_until(at(2022, 12, 1));
    EXPECT_EQ(due_of("survey"), "2022-11-30T17:00:00+01:00");
    EXPECT_EQ(task("oko-cycle", "survey").status, TaskStatus::overdue);
    EXPECT_EQ(cycle_2022().state, "terugkoppeling");
    EXPECT_EQ(due_of("results-first"), "2022-12-28T17:00:00+01:00");
    EXPECT_EQ(due_of("dialogue-parents"), "2023-01-30T17:00:00+01:00");

    run_until(at(2023, 2, 1));
    EXPECT_EQ(cycle_2022().state, "beleidsvorming");
    EXPECT_EQ(due_of("survey-report"), "2023-02-28T17:00:00+01:00");
    EXPECT_EQ(due_of("policy-adjust"), "2023-03-28T17:00:00+02:00");
    EXPECT_EQ(due_of("policy-decide"), "2023-04-25T17:00:00+02:00");

    run_until(at(2023, 4, 26));
    EXPECT_EQ(cycle_2022().state, "uitvoering");
    EXPECT_EQ(task("oko-cycle", "survey").status, TaskStatus::overdue);
}

// Planet Youth municipalities survey in spring: a window of March - May puts the
// survey's deadline on 31 May 2022 (a Tuesday, school time in region zuid) and the
// preparation's on the day before fieldwork starts, Monday 28 February 2022.
TEST_F(SurveyWindow, a_spring_window_is_a_setting) {
    edit_maastricht("starter_pack_days_before = 21",
                    "starter_pack_days_before = 21\nsurvey_window_start_month = 3\n"
                    "survey_window_end_month = 5");
    start(at(2022, 1, 3));
    run_until(at(2022, 1, 4));
    EXPECT_EQ(due_of("survey-prepare"), "2022-02-28T17:00:00+01:00");
    run_until(at(2022, 3, 2));
    EXPECT_EQ(due_of("survey"), "2022-05-31T17:00:00+02:00");
}

// Nothing for a municipality before its start: with the trajectory from 1 April 2022,
// the March 2022 council election is not okod's to prepare, and until 1 April there
// is no task and no mail at all.
TEST_F(SurveyWindow, nothing_runs_before_the_trajectory_starts) {
    edit_maastricht("trajectory_start = 2022-01-01", "trajectory_start = 2022-04-01");
    start(at(2022, 1, 3));
    run_until(at(2022, 3, 31, 23));
    for (const char* w : {"implementation-trajectory", "oko-cycle", "election-playbook",
                          "council-report", "drug-prevention-policy", "budget-decision"})
        EXPECT_TRUE(tasks(w).empty()) << w;
    EXPECT_TRUE(outbox().empty());
    run_until(at(2022, 4, 2));
    EXPECT_FALSE(tasks("implementation-trajectory").empty());
    EXPECT_TRUE(instances("election-playbook").empty());
}

// A municipality that joins on 1 January 2024 did the work due before then without
// okod: those tasks are history (skipped, "al gedaan voordat okod in gebruik was"),
// never overdue, and nobody is mailed about them; work due from that day on is open.
TEST_F(SurveyWindow, work_due_before_joining_is_history_not_overdue) {
    edit_maastricht("\n[dates]\n", "\n[dates]\njoined = 2024-01-01\n");
    start(at(2024, 1, 2));
    run_until(at(2024, 1, 3));
    const auto trajectory = tasks("implementation-trajectory");
    int history = 0;
    for (const auto& t : trajectory) {
        ASSERT_TRUE(t.due.has_value());
        if (local_date(*t.due) < day(2024, 1, 1)) {
            ++history;
            EXPECT_EQ(t.status, TaskStatus::skipped) << t.key;
            EXPECT_EQ(t.note, "al gedaan voordat okod in gebruik was") << t.key;
            EXPECT_TRUE(mail_for(t.id).empty()) << t.key;
        } else {
            EXPECT_NE(t.status, TaskStatus::skipped) << t.key;
        }
    }
    EXPECT_GT(history, 0);
    EXPECT_LT(history, static_cast<int>(trajectory.size()));
}

}  // namespace
}  // namespace okod::test
