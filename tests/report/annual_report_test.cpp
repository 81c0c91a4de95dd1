// The yearly report of demo Maastricht for 2022, from the shipped workflows run on the
// virtual clock: on time until June, then nobody acts. The report must say so, in
// numbers and in words, in Dutch (and English on request).
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/report/annual_report_document.hpp"
#include "report/annual_report_builder.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class AnnualReportTest : public DemoWorld {
protected:
    void SetUp() override {
        start(at(2022, 1, 1, 0));
        run_until(at(2022, 6, 1), true);
        run_until(at(2023, 1, 2));
    }
    AnnualReport report(Language l = Language::nl) {
        return build_annual_report(store(), runtime_->definitions, *store().municipality("GM0935"),
                                   2022, l, clock_->now());
    }
    static const ProcessStep* step(const AnnualReport& r, const std::string& key) {
        for (const auto& s : r.trajectory_steps)
            if (s.task.key == key) return &s;
        return nullptr;
    }
};

TEST_F(AnnualReportTest, the_year_in_numbers_and_the_process_monitor) {
    const auto r = report();
    EXPECT_EQ(r.year, 2022);
    EXPECT_EQ(r.period_end, day(2022, 12, 31));
    EXPECT_GT(r.counts.tasks_done_on_time, 0);
    EXPECT_EQ(r.counts.tasks_done_late, 0);
    EXPECT_GT(r.counts.overdue_open, 0);
    EXPECT_GT(r.counts.reminders, 0);
    // Formed on time in March; the coalition, due 30 December, was left open.
    ASSERT_NE(step(r, "core-team"), nullptr);
    EXPECT_EQ(step(r, "core-team")->verdict, StepVerdict::on_time);
    ASSERT_NE(step(r, "prevention-coalition"), nullptr);
    EXPECT_EQ(step(r, "prevention-coalition")->verdict, StepVerdict::overdue);
    // Where Maastricht stood at the end of 2022: the cycle started on 1 January 2023 is
    // not in it, although it runs now.
    ASSERT_FALSE(r.position.empty());
    for (const auto& p : r.position)
        EXPECT_LT(local_date(p.started), day(2023, 1, 1)) << p.workflow_name;
    // The cycle's first step change is in the log, by name.
    EXPECT_TRUE(
        std::any_of(r.transitions.begin(), r.transitions.end(), [](const ReportTransition& t) {
            return t.workflow_name == "OKO-cyclus" && t.from_state == "Voorbereiding monitoring" &&
                   t.to_state == "Monitoring";
        }));
}

TEST_F(AnnualReportTest, success_conditions_and_what_comes_next) {
    const auto r = report();
    EXPECT_TRUE(r.capacity.recorded);
    EXPECT_FALSE(r.capacity.below_norm());
    EXPECT_TRUE(r.has_wethouder);
    EXPECT_TRUE(r.vacancies.empty());
    ASSERT_EQ(r.budget_lines.size(), 2u);
    for (const auto& b : r.budget_lines) {
        EXPECT_FALSE(b.ended) << b.line.name;
        EXPECT_TRUE(b.ends_within_a_year) << b.line.name;  // 31 July and 31 December 2023
    }
    EXPECT_EQ(r.next_election, day(2026, 3, 18));
    EXPECT_EQ(r.next_survey_year, 2024);
    ASSERT_FALSE(r.next_year.empty());
    for (const auto& d : r.next_year)
        EXPECT_EQ(local_date(d.due).year(), date::year{2023}) << d.title;
}

TEST_F(AnnualReportTest, the_html_is_a_self_contained_dutch_document_with_traffic_lights) {
    const std::string html = to_html(annual_report_document(report(), "test"));
    EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
    EXPECT_NE(html.find("<h1>Jaarrapportage OKO 2022 – Maastricht</h1>"), std::string::npos);
    for (const char* heading :
         {"Positie in de cyclus", "Wat er gebeurde in 2022", "Procesmonitor implementatietraject",
          "Succesvoorwaarden", "Komende deadlines", "Concept-jaarplan 2023"})
        EXPECT_NE(html.find(std::string("<h2>") + heading + "</h2>"), std::string::npos) << heading;
    EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
    EXPECT_NE(html.find("dot rood"), std::string::npos);   // the coalition, open past its deadline
    EXPECT_NE(html.find("dot groen"), std::string::npos);  // the core team, on time
    EXPECT_NE(html.find("Gemeenteraadsverkiezingen: 18 maart 2026"), std::string::npos);
    // No scripts, nothing loaded from elsewhere.
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http:"), std::string::npos);
    EXPECT_EQ(html.find("https:"), std::string::npos);
}

TEST_F(AnnualReportTest, english_and_markdown_say_the_same) {
    const auto doc = annual_report_document(report(Language::en), "test");
    const std::string md = to_markdown(doc);
    EXPECT_TRUE(md.starts_with("# OKO yearly report 2022 – Maastricht\n")) << md.substr(0, 80);
    EXPECT_NE(md.find("## Process monitor of the implementation trajectory"), std::string::npos);
    EXPECT_NE(md.find("| rood | Form the local prevention coalition |"), std::string::npos) << md;
    EXPECT_NE(md.find("Municipal council elections: 18 March 2026"), std::string::npos);
}

// With a year plan: the activity overview per workgroup (from the tasks, or set by hand)
// and the goals with their measurements, a light each and a trend chart.
TEST_F(AnnualReportTest, the_year_plan_adds_the_activity_overview_and_the_goals_with_their_trend) {
    YearPlan plan;
    plan.municipality = "GM0935";
    plan.year = 2022;
    plan.workgroups.push_back({"monitor",
                               Text{"Monitor", "Monitor"},
                               {Text{"De jeugdmonitor afnemen", "Run the survey"}}});
    plan.activities.push_back({"kernteam",
                               "monitor",
                               Text{"Kernteam vormen", "Form the core team"},
                               {TaskSelector{"implementation-trajectory", "core-team"}},
                               ""});
    plan.activities.push_back({"coalitie",
                               "monitor",
                               Text{"Preventiecoalitie vormen", "Form the coalition"},
                               {TaskSelector{"implementation-trajectory", "prevention-coalition"}},
                               ""});
    plan.activities.push_back(
        {"webinars", "monitor", Text{"Vier webinars", "Four webinars"}, {}, ""});
    PolicyGoal alcohol;
    alcohol.id = "alcohol";
    alcohol.indicator = "alcohol_last_month";
    alcohol.description = Text{"Minder alcoholgebruik 13-16", "Less drinking 13-16"};
    alcohol.population = "13-16";
    alcohol.baseline = {21.0, 2021};
    alcohol.target = {15.0, 2027};
    plan.policy_goals.push_back(alcohol);
    store().save_measurement(
        {"GM0935", "alcohol_last_month", "13-16", 2021, 21.0, "t.csv", clock_->now()});
    store().save_measurement(
        {"GM0935", "alcohol_last_month", "13-16", 2022, 19.5, "t.csv", clock_->now()});
    store().save_measurement({"GM0935", "alcohol_last_month", "13-16", 2024, 14.0, "t.csv",
                              clock_->now()});  // after 2022
    store().set_activity_status({"GM0935", 2022, "webinars", TrafficLight::oranje,
                                 "twee van de vier", "sanne", clock_->now()});

    const auto r =
        build_annual_report(store(), runtime_->definitions, *store().municipality("GM0935"), 2022,
                            Language::nl, clock_->now(), &plan);
    ASSERT_TRUE(r.activities.has_value());
    EXPECT_EQ(r.activities->counts.groen, 1);   // the core team, done on time
    EXPECT_EQ(r.activities->counts.oranje, 1);  // the webinars, by hand
    EXPECT_EQ(r.activities->counts.rood, 1);    // the coalition, overdue
    ASSERT_EQ(r.goals.size(), 1u);
    // Only what was measured up to the report's year; better than the baseline: oranje.
    EXPECT_EQ(r.goals[0].measured,
              (std::vector<std::pair<int, double>>{{2021, 21.0}, {2022, 19.5}}));
    EXPECT_EQ(r.goals[0].light, TrafficLight::oranje);

    const std::string html = to_html(annual_report_document(r, "test"));
    EXPECT_NE(html.find("<h2>Activiteitenoverzicht per werkgroep</h2>"), std::string::npos);
    EXPECT_NE(html.find("Monitor: 1 groen, 1 oranje, 1 rood"), std::string::npos);
    EXPECT_NE(html.find("twee van de vier (met de hand gezet)"), std::string::npos);
    EXPECT_NE(html.find("<h2>Doelen en metingen</h2>"), std::string::npos);
    EXPECT_NE(html.find("21,0 % (2021)"), std::string::npos);
    EXPECT_NE(html.find("<svg viewBox="), std::string::npos);
    // The draft plan carries what is not green into next year.
    EXPECT_NE(html.find("Preventiecoalitie vormen (Monitor, rood: nog niet gerealiseerd)"),
              std::string::npos);
    EXPECT_EQ(html.find("http:"), std::string::npos);
    EXPECT_EQ(html.find("https:"), std::string::npos);
}

// The execution plan after the Scanner: per recommendation of Maastricht's list the
// actions recorded by the end of the year, with priority, period, who, resources,
// whether recognised and the light; counts per light; what is not green goes into the
// draft plan. An action recorded after the year is not in that year's report.
TEST_F(AnnualReportTest, the_execution_plan_per_recommendation_with_lights_and_resources) {
    // Before any action: the municipality runs the Scanner workflow, so the report says so.
    std::string html = to_html(annual_report_document(report(), "test"));
    EXPECT_NE(
        html.find(
            "<h2>Uitvoeringsplan na de Scanner</h2>\n<p>Geen uitvoeringsplan vastgelegd.</p>"),
        std::string::npos);

    auto action = [](std::string recommendation, std::string intervention, TrafficLight light) {
        ExecutionAction a;
        a.municipality = "GM0935";
        a.recommendation = std::move(recommendation);
        a.intervention = std::move(intervention);
        a.status = light;
        a.created_at = a.updated_at = at(2022, 10, 3);
        return a;
    };
    ExecutionAction parents = action("Voorlichting aan ouders over alcohol en cannabis",
                                     "Ouderavonden op alle vo-scholen", TrafficLight::oranje);
    parents.priority = Priority::hoog;
    parents.period = "sep 2022 – jun 2023";
    parents.responsible = "Novadic-Kentron";
    parents.money_euros = 2500;
    parents.fte = 0.2;
    parents.other_resources = "aula";
    parents.recognised = true;
    parents.status_remark = "twee van de vier avonden gegeven";
    store().insert_execution_action(parents);
    store().insert_execution_action(action("Voorlichting aan ouders over alcohol en cannabis",
                                           "Nieuwsbrief voor ouders", TrafficLight::groen));
    store().insert_execution_action(
        action("Handhaving op evenementen", "Leeftijdscontrole bij festivals", TrafficLight::rood));
    // Added on 2 January 2023 (okod's clock now): not part of 2022.
    ExecutionActionChange later;
    later.recommendation = "1";
    later.intervention = "Instructie barvrijwilligers";
    ASSERT_TRUE(engine().add_execution_action("GM0935", later, "sanne").ok);

    const auto r = report();
    ASSERT_TRUE(r.execution_plan.has_value());
    const ExecutionPlan& plan = *r.execution_plan;
    EXPECT_EQ(plan.action_count(), 3);
    EXPECT_EQ(plan.counts.groen, 1);
    EXPECT_EQ(plan.counts.oranje, 1);
    EXPECT_EQ(plan.counts.rood, 1);
    ASSERT_EQ(plan.recommendations.size(), 4u);  // the four of Maastricht's list, in its order
    EXPECT_TRUE(plan.recommendations[0].actions.empty());
    EXPECT_EQ(plan.recommendations[1].actions.size(), 2u);
    EXPECT_EQ(plan.recommendations[3].actions.size(), 1u);

    html = to_html(annual_report_document(r, "test"));
    EXPECT_NE(html.find("<h2>Uitvoeringsplan na de Scanner</h2>"), std::string::npos);
    EXPECT_NE(html.find("Samen: 3 acties (1 groen, 1 oranje, 1 rood)."), std::string::npos);
    EXPECT_NE(html.find("Aanbeveling 1: Alcoholverstrekking aan minderjarigen in sportkantines: "
                        "nog geen acties."),
              std::string::npos);
    EXPECT_NE(html.find("Aanbeveling 2: Voorlichting aan ouders over alcohol en cannabis (1 groen, "
                        "1 oranje, 0 rood)"),
              std::string::npos);
    EXPECT_EQ(html.find("Instructie barvrijwilligers"), std::string::npos);
    // The 2022 report, made in January 2023: the lights are today's, and it says so.
    EXPECT_NE(html.find("De stand van de acties is die van 2 januari 2023, de dag waarop deze "
                        "rapportage is opgesteld."),
              std::string::npos);
    const std::string md = to_markdown(annual_report_document(r, "test"));
    EXPECT_NE(md.find("| Interventie | Prioriteit | Periode | Verantwoordelijk | Middelen | Erkend "
                      "| Status |"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("| oranje | Ouderavonden op alle vo-scholen | hoog | sep 2022 – jun 2023 | "
                      "Novadic-Kentron | "
                      "€ 2.500 · 0,2 fte · aula | ja | oranje: deels of loopt nog – twee van de "
                      "vier avonden gegeven |"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("| rood | Leeftijdscontrole bij festivals | middel | – | – | – | nee | rood: "
                      "nog niet gerealiseerd |"),
              std::string::npos)
        << md;
    // The draft plan carries what is not realised into next year; the realised one not.
    EXPECT_NE(md.find("- Ouderavonden op alle vo-scholen (uitvoeringsplan, aanbeveling 2, oranje: "
                      "deels of loopt nog)"),
              std::string::npos)
        << md;
    EXPECT_NE(md.find("- Leeftijdscontrole bij festivals (uitvoeringsplan, aanbeveling 4, rood: "
                      "nog niet gerealiseerd)"),
              std::string::npos)
        << md;
    EXPECT_EQ(md.find("- Nieuwsbrief voor ouders ("), std::string::npos) << md;

    const std::string en = to_markdown(annual_report_document(report(Language::en), "test"));
    EXPECT_NE(en.find("## Execution plan after the Scanner"), std::string::npos);
    EXPECT_NE(en.find("In all: 3 actions (1 green, 1 orange, 1 red)."), std::string::npos) << en;
    EXPECT_NE(en.find("| oranje | Ouderavonden op alle vo-scholen | high | sep 2022 – jun 2023 | "
                      "Novadic-Kentron | "
                      "€2,500 · 0.2 fte · aula | yes | orange: partly, or still running – twee van "
                      "de vier avonden "
                      "gegeven |"),
              std::string::npos)
        << en;
}

// A report on a past year says how that year ended: a 2022 task done in 2023 was still
// open at the end of 2022.
TEST_F(AnnualReportTest, a_task_done_after_the_year_still_counts_as_open_at_its_end) {
    const int before = report().counts.overdue_open;
    const Task coalition = task("implementation-trajectory", "prevention-coalition");
    ASSERT_TRUE(engine().complete_task(coalition.id, "sanne").ok);
    const auto after = report();
    EXPECT_EQ(after.counts.overdue_open, before);
    EXPECT_EQ(after.counts.tasks_done_late, 0);  // done in 2023: not a 2022 completion
}

TEST(GoalLight, groen_when_the_target_is_met_oranje_when_better_than_the_baseline) {
    PolicyGoal up;
    up.direction = Direction::up;
    up.baseline = {60.0, 2021};
    up.target = {75.0, 2027};
    EXPECT_EQ(goal_light(up, {}), TrafficLight::rood);
    EXPECT_EQ(goal_light(up, {{2023, 59.0}}), TrafficLight::rood);
    EXPECT_EQ(goal_light(up, {{2023, 64.0}}), TrafficLight::oranje);
    EXPECT_EQ(goal_light(up, {{2023, 80.0}, {2025, 75.0}}), TrafficLight::groen);
    // A value from before the baseline says nothing about progress.
    EXPECT_EQ(goal_light(up, {{2020, 80.0}}), TrafficLight::rood);
    EXPECT_EQ(latest_measurement(up, {{2020, 80.0}, {2021, 60.0}}), std::nullopt);
}

}  // namespace
}  // namespace okod::test
