// The yearly report is built from the municipality's own rows (issue 18): its events and
// its tasks, not the whole event log of every municipality okod serves. Another
// municipality's rows are made unreadable here (a kind and a status okod does not know):
// a report that read them would fail.
#include <gtest/gtest.h>

#include "adapters/report/annual_report_document.hpp"
#include "adapters/sqlite/sqlite_db.hpp"
#include "report/annual_report_builder.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class AnnualReportReads : public DemoWorld {
protected:
    std::string html(int year) {
        return to_html(annual_report_document(
            build_annual_report(store(), runtime_->definitions, *store().municipality("GM0935"),
                                year, Language::nl, clock_->now()),
            "test"));
    }
};

TEST_F(AnnualReportReads, another_municipalitys_events_and_tasks_are_never_read) {
    const auto file = dir_ / "okod.sqlite";
    start(at(2022, 1, 1, 0), file);
    run_until(at(2022, 6, 1), true);
    run_until(at(2023, 1, 2));
    const std::string before = html(2022);
    const auto instance = instances("oko-cycle").front().id;
    {
        SqliteDb raw(file.string());
        raw.exec(
            "INSERT INTO events(at, municipality, instance_id, workflow, kind, state, from_state, "
            "task, title, role, person, due, lead_days, note) VALUES (1640995200, 'GM0014', " +
            std::to_string(instance) +
            ", 'oko-cycle', 'no-such-kind', '', '', '', '', '', '', NULL, 0, '')");
        raw.exec(
            "INSERT INTO tasks(instance_id, municipality, workflow, spec_id, key, state, "
            "state_entry, title_nl, title_en, role, item, due, status, remind_days, created_at, "
            "closed_by, note) VALUES (" +
            std::to_string(instance) +
            ", 'GM0014', 'oko-cycle', 'x', 'elsewhere', 's', 0, 't', 't', 'regisseur', '', "
            "1640995200, 'no-such-status', '[]', 1640995200, '', '')");
    }
    EXPECT_EQ(html(2022), before);
    EXPECT_NO_THROW(html(2023));
}

}  // namespace
}  // namespace okod::test
