// The yearly report of demo Maastricht for 2022, from the shipped workflows run on the
// virtual clock: on time until June, then nobody acts. The report must say so, in
// numbers and in words, in Dutch (and English on request).
#include "adapters/report/annual_report_document.hpp"
#include "report/annual_report_builder.hpp"
#include "support/demo_world.hpp"

#include <gtest/gtest.h>

#include <algorithm>

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
        return build_annual_report(store(), runtime_->definitions, *store().municipality("GM0935"), 2022, l,
                                   clock_->now());
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
    for (const auto& p : r.position) EXPECT_LT(local_date(p.started), day(2023, 1, 1)) << p.workflow_name;
    // The cycle's first step change is in the log, by name.
    EXPECT_TRUE(std::any_of(r.transitions.begin(), r.transitions.end(), [](const ReportTransition& t) {
        return t.workflow_name == "OKO-cyclus" && t.from_state == "Voorbereiding monitoring" && t.to_state == "Monitoring";
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
    for (const auto& d : r.next_year) EXPECT_EQ(local_date(d.due).year(), date::year{2023}) << d.title;
}

TEST_F(AnnualReportTest, the_html_is_a_self_contained_dutch_document_with_traffic_lights) {
    const std::string html = to_html(annual_report_document(report(), "test"));
    EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
    EXPECT_NE(html.find("<h1>Jaarrapportage OKO 2022 – Maastricht</h1>"), std::string::npos);
    for (const char* heading : {"Positie in de cyclus", "Wat er gebeurde in 2022", "Procesmonitor implementatietraject",
                                "Succesvoorwaarden", "Komende deadlines", "Concept-jaarplan 2023"})
        EXPECT_NE(html.find(std::string("<h2>") + heading + "</h2>"), std::string::npos) << heading;
    EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
    EXPECT_NE(html.find("dot rood"), std::string::npos);   // the coalition, open past its deadline
    EXPECT_NE(html.find("dot groen"), std::string::npos);  // the core team, on time
    EXPECT_NE(html.find("Gemeenteraadsverkiezingen: 18 maart 2026"), std::string::npos);
    // No scripts, nothing loaded from elsewhere.
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);
}

TEST_F(AnnualReportTest, english_and_markdown_say_the_same) {
    const auto doc = annual_report_document(report(Language::en), "test");
    const std::string md = to_markdown(doc);
    EXPECT_TRUE(md.starts_with("# OKO yearly report 2022 – Maastricht\n")) << md.substr(0, 80);
    EXPECT_NE(md.find("## Process monitor of the implementation trajectory"), std::string::npos);
    EXPECT_NE(md.find("| rood | Form the local prevention coalition |"), std::string::npos) << md;
    EXPECT_NE(md.find("Municipal council elections: 18 March 2026"), std::string::npos);
}

}  // namespace
}  // namespace okod::test
