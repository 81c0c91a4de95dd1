// The success conditions of the implementation plan, watched with the shipped
// workflows and the demo Maastricht: capacity (FTE), money (budget lines that end)
// and the GGD on board for the extra survey round.
#include "model/capacity.hpp"
#include "model/event_kind.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class SuccessConditions : public DemoWorld {};

TEST_F(SuccessConditions, enough_fte_on_the_roles_starts_nothing) {
    start(at(2022, 1, 3));
    EXPECT_TRUE(instances("capacity-shortfall").empty());
    EXPECT_TRUE(events(EventKind::capacity_below_norm).empty());
}

TEST_F(SuccessConditions, a_project_leader_below_0_6_fte_gets_a_task_with_the_figures) {
    edit_maastricht(R"({ role = "regisseur", from = 2022-01-01, fte = 0.6 })",
                    R"({ role = "regisseur", from = 2022-01-01, fte = 0.4 })");
    start(at(2022, 1, 3));
    ASSERT_EQ(instances("capacity-shortfall").size(), 1u);
    const Task t = task("capacity-shortfall", "restore-capacity");
    EXPECT_EQ(t.role, "regisseur");
    EXPECT_EQ(t.title.nl,
              "Capaciteit OKO onder de norm: 1,4 fte in totaal (norm 1,5), regisseur 0,4 fte "
              "(norm 0,6); regel aanvulling");
    const auto logged = events(EventKind::capacity_below_norm);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].note, "1,4 fte in totaal (norm 1,5), regisseur 0,4 fte (norm 0,6)");

    // Planning again (a restart) while the shortfall is being dealt with adds nothing.
    engine().plan(*store().municipality("GM0935"));
    EXPECT_EQ(instances("capacity-shortfall").size(), 1u);

    // While the shortfall lasts it is not raised again, also not after the task is done.
    ASSERT_TRUE(engine().complete_task(t.id, "maastricht-sanne").ok);
    auto regisseur = [&](double fte, Date from) {
        RoleAssignment a;
        a.municipality = "GM0935";
        a.role = "regisseur";
        a.person_id = "maastricht-sanne";
        a.from = from;
        a.fte = fte;
        return engine().assign_role(a, "test");
    };
    clock_->advance_to(at(2022, 2, 1));
    ASSERT_TRUE(regisseur(0.5, day(2022, 2, 1)).ok);
    EXPECT_EQ(instances("capacity-shortfall").size(), 1u);

    // Restored (the earlier period ends the day before, so Sanne is counted once) ...
    clock_->advance_to(at(2022, 3, 1));
    ASSERT_TRUE(regisseur(0.6, day(2022, 3, 1)).ok);
    EXPECT_EQ(capacity_on(store().assignments_of_municipality("GM0935"),
                          *store().municipality("GM0935"), day(2022, 3, 1))
                  .regisseur,
              0.6);
    EXPECT_EQ(instances("capacity-shortfall").size(), 1u);
    // ... and short again later: a new shortfall.
    clock_->advance_to(at(2022, 6, 1));
    ASSERT_TRUE(regisseur(0.3, day(2022, 6, 1)).ok);
    EXPECT_EQ(instances("capacity-shortfall").size(), 2u);
}

TEST_F(SuccessConditions,
       an_ending_budget_line_asks_the_college_for_a_decision_well_before_the_end) {
    start(at(2022, 1, 3));
    run_until(at(2023, 12, 31), /*complete_on_time=*/true);
    std::map<std::string, Instance> by_line;
    for (const auto& i : instances("budget-decision")) by_line[i.params.at("budget_line")] = i;
    ASSERT_EQ(by_line.size(), 2u);
    // The NPO line ends 31 July 2023: the instance starts 270 days ahead ...
    EXPECT_EQ(format_iso_local(by_line["npo"].started_at), "2022-11-03T09:00:00+01:00");
    // ... and the college's decision is due 120 days before the end, on a business day.
    Task decision;
    for (const auto& t : tasks("budget-decision"))
        if (t.instance_id == by_line["npo"].id && t.spec_id == "decision") decision = t;
    EXPECT_EQ(decision.role, "wethouder");
    EXPECT_EQ(format_iso_local(*decision.due), "2023-03-31T17:00:00+02:00");
    EXPECT_EQ(decision.title.nl,
              "Besluit van het college nodig: hoe wordt OKO betaald na Nationaal Programma "
              "Onderwijs (loopt af op 31-07-2023)?");
    EXPECT_EQ(decision.title.en,
              "Decision by the college needed: how is OKO paid for after Nationaal Programma "
              "Onderwijs (ends on 2023-07-31)?");
}

TEST_F(SuccessConditions, a_budget_line_that_ended_before_okod_started_needs_no_decision) {
    start(at(2024, 2, 1));
    run_until(at(2024, 12, 31), true);
    EXPECT_TRUE(instances("budget-decision").empty());
}

TEST_F(SuccessConditions,
       a_survey_year_without_a_running_ggd_agreement_gets_a_task_for_the_regisseur) {
    // The demo agreement runs until 2025-12-31: the 2022 and 2024 rounds are covered,
    // the 2026 round is not.
    start(at(2022, 1, 1, 0));
    run_until(at(2026, 4, 30), true);
    std::vector<std::string> keys;
    for (const auto& t : tasks("oko-cycle"))
        if (t.spec_id == "ggd-agreement")
            keys.push_back(t.key + " " + format_iso_local(*t.due) + " " + t.role);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"ggd-agreement 2026-02-27T17:00:00+01:00 regisseur"}));
}

TEST_F(SuccessConditions, without_any_ggd_agreement_the_first_survey_year_asks_for_one) {
    edit_maastricht("ggd_agreement_until = 2025-12-31", "");
    start(at(2022, 1, 1, 0));
    run_until(at(2022, 4, 30), true);
    EXPECT_EQ(format_iso_local(*task("oko-cycle", "ggd-agreement").due),
              "2022-03-01T17:00:00+01:00");
}

}  // namespace
}  // namespace okod::test
