// The rules that move deadlines, reminders and escalations (workflows/README.md "Due
// rules", README "Reminders and e-mail"), each checked against dates counted by hand
// from the rule, on the 2022 calendar: 1 January 2022 is a Saturday, 22 March a
// Tuesday, and summer time starts on Sunday 27 March.
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/output/timeline.hpp"
#include "model/event_kind.hpp"
#include "support/engine_world.hpp"

namespace okod::test {
namespace {

std::vector<OutboxItem> of_kind(const std::vector<OutboxItem>& items, OutboxKind kind) {
    std::vector<OutboxItem> out;
    std::copy_if(items.begin(), items.end(), std::back_inserter(out),
                 [&](const OutboxItem& o) { return o.kind == kind; });
    return out;
}

class DeadlineRules : public EngineWorld {
protected:
    void SetUp() override {
        give_role("anna", "regisseur", d(2022, 1, 1));
        give_role("bert", "ggd-contact", d(2022, 1, 1));
    }
    std::string line(const Event& e, Language l) {
        const TimelineNames names(registry_, {}, {});
        return format_event_line(e, names, l);
    }
};

// The late-start rule: the instance starts on Saturday 1 January 2022 at 09:00 with a
// deadline of Wednesday 29 December 2021, before the task exists. Two business days
// after Saturday 1 January are Monday 3 and Tuesday 4 January.
TEST_F(DeadlineRules, a_deadline_before_creation_moves_to_two_business_days_after_it) {
    define(single_task("{ date = 2021-12-29 }", "[14, 0]"));
    add_municipality({"single"});
    run_until(d(2022, 1, 1), 12);
    EXPECT_EQ(format_iso_local(*task("job").due), "2022-01-04T17:00:00+01:00");
    EXPECT_EQ(task("job").status, TaskStatus::open);
    const auto created = events(EventKind::task_created);
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0].note,
              "deadline lag vóór aanmaak (2021-12-29 17:00): 2 werkdagen na aanmaak");
}

// Created on Friday 7 January 2022 (the rule's date is the Thursday before): two
// business days after a Friday are Monday 10 and Tuesday 11 January, not Monday.
TEST_F(DeadlineRules, created_on_a_friday_the_moved_deadline_is_the_tuesday) {
    define(single_task("{ date = 2022-01-06 }", "[0]"));
    add_municipality({"single"});
    municipality_.trajectory_start = d(2022, 1, 7);
    store_->upsert_municipality(municipality_);
    run_until(d(2022, 1, 7), 12);
    EXPECT_EQ(format_iso_local(*task("job").due), "2022-01-11T17:00:00+01:00");
}

// A deadline still ahead is not moved, however close: due 17:00 on the day the task is
// created at 09:00.
TEST_F(DeadlineRules, a_deadline_later_the_same_day_is_kept) {
    define(single_task("{ date = 2022-01-01 }", "[0]"));
    add_municipality({"single"});
    run_until(d(2022, 1, 1), 12);
    EXPECT_EQ(format_iso_local(*task("job").due), "2022-01-01T17:00:00+01:00");
    EXPECT_TRUE(events(EventKind::task_created).at(0).note.empty());
}

// A definition may keep a past deadline when it says why; the reason is logged.
TEST_F(DeadlineRules, a_task_that_says_why_may_be_born_overdue) {
    define(single_task("{ date = 2021-12-29 }", "[0]",
                       "  overdue_at_creation = \"al te laat bij de start\""));
    add_municipality({"single"});
    run_until(d(2022, 1, 1), 12);
    EXPECT_EQ(format_iso_local(*task("job").due), "2021-12-29T17:00:00+01:00");
    EXPECT_EQ(events(EventKind::task_created).at(0).note,
              "deadline al verstreken bij aanmaak: al te laat bij de start");
}

// A reminder 2 days before Tuesday 22 March falls on Sunday 20 March and goes out on
// Friday 18 March: 4 days ahead, and it says so in the outbox, the event log and the
// timeline line.
TEST_F(DeadlineRules, a_reminder_moved_off_the_weekend_is_labelled_by_when_it_comes) {
    define(single_task("{ date = 2022-03-22 }", "[2]"));
    add_municipality({"single"});
    run_until(d(2022, 3, 21));
    const auto reminders = of_kind(outbox(), OutboxKind::reminder);
    ASSERT_EQ(reminders.size(), 1u);
    EXPECT_EQ(format_iso_local(reminders[0].created_at), "2022-03-18T09:00:00+01:00");
    EXPECT_EQ(reminders[0].lead_days, 4);
    const auto logged = events(EventKind::reminder);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].lead_days, 4);
    EXPECT_NE(line(logged[0], Language::nl).find("herinnering (4 dagen vooraf)"),
              std::string::npos);
}

// An escalation 4 days after Tuesday 22 March would fall on Saturday 26 March: it goes
// out on Monday 28 March at 09:00 (summer time by then), 6 days overdue.
TEST_F(DeadlineRules, an_escalation_on_a_saturday_goes_out_the_next_business_day) {
    define(single_task("{ date = 2022-03-22 }", "[0]",
                       "  escalate = { after_days = 4, to = \"regisseur\" }"));
    add_municipality({"single"});
    run_until(d(2022, 3, 29));
    const auto escalations = of_kind(outbox(), OutboxKind::escalation);
    ASSERT_EQ(escalations.size(), 1u);
    EXPECT_EQ(format_iso_local(escalations[0].created_at), "2022-03-28T09:00:00+02:00");
    EXPECT_EQ(escalations[0].person_id, "anna");
    const auto logged = events(EventKind::escalation);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].lead_days, 6);
}

// One day overdue is "1 dag te laat", never "1 dagen".
TEST_F(DeadlineRules, one_day_overdue_is_singular_in_both_languages) {
    define(single_task("{ date = 2022-03-22 }", "[0]",
                       "  escalate = { after_days = 1, to = \"regisseur\" }"));
    add_municipality({"single"});
    run_until(d(2022, 3, 24));
    const auto logged = events(EventKind::escalation);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_NE(line(logged[0], Language::nl).find("1 dag te laat"), std::string::npos)
        << line(logged[0], Language::nl);
    EXPECT_NE(line(logged[0], Language::en).find("1 day overdue"), std::string::npos);
}

// `[start] every` counts each occurrence from the first start: a yearly start on
// 29 February 2024 is on the 28th in 2025-2027 and on 29 February again in 2028 and
// 2032 (leap years), not on the 28th for ever.
TEST_F(DeadlineRules, a_yearly_start_on_29_february_returns_to_the_29th_in_leap_years) {
    // The test workflow, repeated every year: one instance per start.
    std::string leap = single_task("{ after = \"started\", days = 0 }", "[0]", "", "leap");
    const std::string at = "at = \"trajectory_start\"";
    leap.replace(leap.find(at), at.size(), at + "\nevery = 1");
    define(leap);
    add_municipality({"leap"});
    municipality_.trajectory_start = d(2024, 2, 29);
    store_->upsert_municipality(municipality_);
    run_until(d(2032, 3, 1));
    std::vector<std::string> starts;
    for (const auto& i : store_->instances_of_municipality("GM0935"))
        starts.push_back(format_date(i.year_one));
    std::sort(starts.begin(), starts.end());
    EXPECT_EQ(starts, (std::vector<std::string>{"2024-02-29", "2025-02-28", "2026-02-28",
                                                "2027-02-28", "2028-02-29", "2029-02-28",
                                                "2030-02-28", "2031-02-28", "2032-02-29"}));
}

}  // namespace
}  // namespace okod::test
