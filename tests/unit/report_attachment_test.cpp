#include "report/report_attachment.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

Instant on(int y, unsigned m, unsigned d) {
    return at_local(Date{date::year{y}, date::month{m}, date::day{d}}, TimeOfDay{17});
}

// The council report: a draft that carries the report, the sending deadline that is
// the reporting deadline, and a task that has nothing to do with the report.
Definition council_report() {
    Definition d;
    d.id = "council-report";
    StateSpec s;
    s.id = "rapportage";
    TaskSpec draft;
    draft.id = "draft";
    draft.attach = TaskAttachment::annual_report;
    TaskSpec send;
    send.id = "send";
    send.report = true;
    send.attach = TaskAttachment::annual_report;
    TaskSpec room;
    room.id = "book-room";
    s.tasks = {draft, send, room};
    d.states = {s};
    return d;
}

Task task(std::string spec, std::optional<Instant> due) {
    Task t;
    t.spec_id = spec;
    t.key = spec;
    t.state = "rapportage";
    t.due = due;
    return t;
}

OutboxItem message(OutboxKind kind) {
    OutboxItem o;
    o.kind = kind;
    return o;
}

TEST(ReportAttachment, reminders_and_overdue_notices_of_an_attaching_task_carry_the_report) {
    const Definition d = council_report();
    const Task draft = task("draft", on(2026, 9, 1));
    EXPECT_TRUE(gets_annual_report(message(OutboxKind::reminder), draft, d));
    EXPECT_TRUE(gets_annual_report(message(OutboxKind::overdue), draft, d));
}

TEST(ReportAttachment, escalations_vacancies_and_other_tasks_go_without) {
    const Definition d = council_report();
    const Task draft = task("draft", on(2026, 9, 1));
    EXPECT_FALSE(
        gets_annual_report(message(OutboxKind::escalation), draft, d));  // to the wethouder
    EXPECT_FALSE(gets_annual_report(message(OutboxKind::vacancy), draft, d));
    EXPECT_FALSE(
        gets_annual_report(message(OutboxKind::reminder), task("book-room", on(2026, 9, 1)), d));
    Task elsewhere = draft;
    elsewhere.state = "afgerond";  // a state the definition does not have
    EXPECT_FALSE(gets_annual_report(message(OutboxKind::reminder), elsewhere, d));
}

TEST(ReportAttachment, the_year_follows_the_reporting_deadline_of_the_instance) {
    const Definition d = council_report();
    // The draft is due in June, the report is sent in October: both attach 2026's
    // report, not 2025's (a report due before July looks back on the year before).
    const Task draft = task("draft", on(2026, 6, 15));
    const Task send = task("send", on(2026, 10, 15));
    const std::vector<Task> instance{draft, send, task("book-room", on(2027, 3, 1))};
    EXPECT_EQ(attached_report_year(draft, d, instance, on(2026, 5, 1)), 2026);
    EXPECT_EQ(attached_report_year(send, d, instance, on(2026, 5, 1)), 2026);
    // Alone, the June draft would attach the report on the year before.
    EXPECT_EQ(attached_report_year(draft, d, {draft}, on(2026, 5, 1)), 2025);
}

TEST(ReportAttachment, without_any_deadline_the_year_follows_today) {
    const Definition d = council_report();
    const Task draft = task("draft", std::nullopt);
    EXPECT_EQ(attached_report_year(draft, d, {draft}, on(2026, 9, 1)), 2026);
    EXPECT_EQ(attached_report_year(draft, d, {draft}, on(2026, 3, 1)), 2025);
}

}  // namespace
}  // namespace okod
