#include <gtest/gtest.h>

#include <algorithm>

#include "engine/simulator.hpp"
#include "model/event_kind.hpp"
#include "support/engine_world.hpp"

namespace okod::test {
namespace {

// Survey in Q3 school time, two feedback tasks 2 months after it, then policy.
const char* kCycle = R"(
id = "cycle"
version = 1
initial = "monitoring"
years = "cycle_years"
name = { nl = "Cyclus" }
[start]
at = "trajectory_start"
every = "cycle_years"

[[states]]
id = "monitoring"
name = { nl = "Monitoring" }
  [[states.tasks]]
  id = "survey"
  title = { nl = "Jeugdmonitor afnemen" }
  role = "ggd-contact"
  due = { quarter_end = 3, school_time = "before" }
  remind_days = [14, 3, 0]
  escalate = { after_days = 7, to = "regisseur" }
  when = "survey_year"

[[states]]
id = "feedback"
name = { nl = "Terugkoppeling" }
  [[states.tasks]]
  id = "dialogue"
  title = { nl = "Dialoog met jongeren" }
  role = "school-contact"
  due = { after = "survey.done", months = 2 }
  remind_days = [3]

[[states]]
id = "policy"
name = { nl = "Beleid" }
  [[states.tasks]]
  id = "decide"
  title = { nl = "Beleid vaststellen" }
  role = "regisseur"
  due = { quarter_end = 4 }

[[states]]
id = "done"
name = { nl = "Klaar" }
final = true

[[transitions]]
from = "monitoring"
to = "feedback"
on = "all_tasks_done"
guard = "survey_year"
[[transitions]]
from = "monitoring"
to = "policy"
on = "all_tasks_done"
guard = "not survey_year"
[[transitions]]
from = "feedback"
to = "policy"
on = "all_tasks_done"
[[transitions]]
from = "policy"
to = "done"
on = "all_tasks_done"
)";

class EngineTest : public EngineWorld {
protected:
    void SetUp() override {
        define(kCycle);
        give_role("anna", "regisseur", d(2022, 1, 1));
        give_role("bert", "ggd-contact", d(2022, 1, 1));
        give_role("carla", "school-contact", d(2022, 1, 1));
    }
    TaskId id_of(const std::string& key) { return task(key).id; }
};

TEST_F(EngineTest, an_instance_starts_on_the_trajectory_start_with_its_first_tasks) {
    add_municipality({"cycle"});
    run_until(d(2022, 1, 1), 12);
    const Instance i = only_instance("cycle");
    EXPECT_EQ(i.state, "monitoring");
    EXPECT_EQ(i.definition_version, 1);
    const Task& survey = task("survey");
    EXPECT_EQ(survey.status, TaskStatus::open);
    EXPECT_EQ(survey.role, "ggd-contact");
    // 30 September 2022 is a Friday and a school day: 17:00 local is 15:00 UTC.
    EXPECT_EQ(format_iso_local(*survey.due), "2022-09-30T17:00:00+02:00");
}

// Group commit: what is due at one moment runs as steps of one transaction.
TEST_F(EngineTest, step_due_runs_what_is_due_now_up_to_its_limit) {
    add_municipality({"cycle"});
    const auto start = engine().next_due();
    ASSERT_TRUE(start);
    clock_.advance_to(*start);
    EXPECT_EQ(engine().step_due(0), 0);
    EXPECT_TRUE(store_->instances_of_municipality("GM0935").empty());
    EXPECT_GE(engine().step_due(256), 1);
    EXPECT_EQ(only_instance("cycle").state, "monitoring");
    EXPECT_EQ(task("survey").status, TaskStatus::open);
    EXPECT_EQ(engine().step_due(256), 0);  // nothing more due at this moment
    EXPECT_GT(*engine().next_due(), *start);
}

// `okod simulate` prints each event; the benchmark only counts them. Both counts are
// what the run wrote, also on a store with history.
TEST_F(EngineTest, a_simulation_counts_the_events_it_wrote_with_or_without_a_listener) {
    add_municipality({"cycle"});
    SimulationOptions options;
    options.from = at_local(d(2022, 1, 1), TimeOfDay{0});
    options.to = at_local(d(2023, 1, 1), TimeOfDay{0});
    options.complete_on_time = true;
    const auto first = run_simulation(engine(), *store_, clock_, {municipality_}, options, {});
    const auto logged = static_cast<std::int64_t>(store_->events_after(0, 100000).size());
    EXPECT_GT(first.events, 5);
    EXPECT_EQ(first.events, logged);
    EXPECT_GT(first.steps, 0);

    options.from = options.to;
    options.to = at_local(d(2024, 1, 1), TimeOfDay{0});
    std::vector<Event> heard;
    const auto second = run_simulation(engine(), *store_, clock_, {municipality_}, options,
                                       [&](const Event& e) { heard.push_back(e); });
    EXPECT_GT(second.events, 5);
    EXPECT_EQ(second.events, static_cast<std::int64_t>(heard.size()));
    EXPECT_EQ(heard.front().seq, logged + 1);  // none of the first run's again
    EXPECT_EQ(store_->count_events_after(0), logged + second.events);
}

TEST_F(EngineTest, completing_all_tasks_takes_the_transition_and_logs_it) {
    add_municipality({"cycle"});
    run_until(d(2022, 9, 1));
    ASSERT_TRUE(engine().complete_task(id_of("survey"), "bert").ok);
    EXPECT_EQ(only_instance("cycle").state, "feedback");
    const auto transitions = events(EventKind::transition);
    ASSERT_EQ(transitions.size(), 1u);
    EXPECT_EQ(transitions[0].from_state, "monitoring");
    EXPECT_EQ(transitions[0].state, "feedback");
    // The feedback deadline counts from the moment the survey closed: 1 Sept + 2 months.
    EXPECT_EQ(format_iso_local(*task("dialogue").due), "2022-11-01T17:00:00+01:00");
}

TEST_F(EngineTest, a_state_is_not_left_while_one_of_its_tasks_is_open) {
    add_municipality({"cycle"});
    run_until(d(2022, 9, 1));
    EXPECT_EQ(only_instance("cycle").state, "monitoring");
}

TEST_F(EngineTest, guards_choose_the_branch_in_a_year_without_survey) {
    add_municipality({"cycle"}, 1);
    run_until(d(2022, 9, 1));
    engine().complete_task(id_of("survey"), "bert");
    engine().complete_task(id_of("dialogue"), "carla");
    // 2023 is not a survey year (every 2 years from 2022): no survey task, straight to policy.
    run_until(d(2023, 1, 2));
    std::vector<Instance> cycles = store_->instances_of_municipality("GM0935");
    ASSERT_EQ(cycles.size(), 2u);
    EXPECT_EQ(cycles[1].key, "2023");
    EXPECT_EQ(cycles[1].state, "policy");
    const auto all = tasks();
    EXPECT_EQ(
        std::count_if(all.begin(), all.end(), [](const Task& t) { return t.spec_id == "survey"; }),
        1);
}

TEST_F(EngineTest, reminders_go_out_at_each_lead_time_at_nine_local_across_dst) {
    add_municipality({"cycle"});
    run_until(d(2022, 10, 1));
    std::vector<std::string> sent;
    for (const auto& o : outbox())
        if (o.kind == OutboxKind::reminder)
            sent.push_back(format_iso_local(o.created_at) + " " + o.person_id);
    EXPECT_EQ(sent, (std::vector<std::string>{"2022-09-16T09:00:00+02:00 bert",
                                              "2022-09-27T09:00:00+02:00 bert",
                                              "2022-09-30T09:00:00+02:00 bert"}));
}

TEST_F(EngineTest, an_unfinished_task_becomes_overdue_and_escalates_to_the_named_role) {
    add_municipality({"cycle"});
    run_until(d(2022, 10, 6));
    EXPECT_EQ(task("survey").status, TaskStatus::overdue);
    EXPECT_TRUE(outbox().back().kind == OutboxKind::overdue);
    run_until(d(2022, 10, 8));
    const auto items = outbox();
    const auto escalation = std::find_if(items.begin(), items.end(), [](const OutboxItem& o) {
        return o.kind == OutboxKind::escalation;
    });
    ASSERT_NE(escalation, items.end());
    EXPECT_EQ(escalation->person_id, "anna");
    EXPECT_EQ(escalation->role, "regisseur");
    EXPECT_EQ(format_iso_local(escalation->created_at), "2022-10-07T09:00:00+02:00");
}

TEST_F(EngineTest, a_reminder_goes_to_whoever_holds_the_role_when_it_is_sent) {
    add_municipality({"cycle"});
    run_until(d(2022, 9, 1));
    // Bert leaves on 20 September; Carla takes over the GGD role.
    auto assignments = store_->assignments_of_municipality("GM0935");
    for (auto& a : assignments)
        if (a.person_id == "bert") {
            a.until = d(2022, 9, 20);
            store_->update_assignment(a);
        }
    give_role("carla", "ggd-contact", d(2022, 9, 21));
    run_until(d(2022, 10, 1));
    std::vector<std::string> who;
    for (const auto& o : outbox())
        if (o.kind == OutboxKind::reminder) who.push_back(o.person_id);
    EXPECT_EQ(who, (std::vector<std::string>{"bert", "carla", "carla"}));
}

TEST_F(EngineTest, a_vacant_role_alerts_the_regisseur_instead_of_dropping_the_reminder) {
    add_municipality({"cycle"});
    run_until(d(2022, 9, 1));
    engine().complete_task(id_of("survey"), "bert");
    auto assignments = store_->assignments_of_municipality("GM0935");
    for (auto& a : assignments)
        if (a.person_id == "carla") {
            a.until = d(2022, 9, 1);
            store_->update_assignment(a);
        }
    run_until(d(2022, 11, 1));
    const auto vacancies = events(EventKind::vacancy);
    ASSERT_FALSE(vacancies.empty());
    EXPECT_EQ(vacancies[0].role, "school-contact");
    const auto items = outbox();
    const auto alert = std::find_if(items.begin(), items.end(), [](const OutboxItem& o) {
        return o.kind == OutboxKind::vacancy;
    });
    ASSERT_NE(alert, items.end());
    EXPECT_EQ(alert->person_id, "anna");
    EXPECT_EQ(alert->role, "school-contact");
}

TEST_F(EngineTest, completing_twice_is_harmless_and_bad_ids_are_errors) {
    add_municipality({"cycle"});
    run_until(d(2022, 9, 1));
    const TaskId id = id_of("survey");
    EXPECT_TRUE(engine().complete_task(id, "bert").ok);
    const auto events_after_first = store_->events_after(0, 100000).size();
    EXPECT_TRUE(engine().complete_task(id, "bert").ok);
    EXPECT_EQ(store_->events_after(0, 100000).size(), events_after_first);
    const auto skip = engine().skip_task(id, "anna", "not needed");
    EXPECT_FALSE(skip.ok);
    EXPECT_EQ(skip.error, "task " + std::to_string(id) + " is already done");
    EXPECT_EQ(engine().complete_task(999999, "x").error, "no task with id 999999");
    EXPECT_EQ(engine().skip_task(id_of("dialogue"), "anna", "").error,
              "reason: must say why (it is empty or only whitespace)");
}

TEST_F(EngineTest, a_timer_scheduled_twice_is_processed_once) {
    add_municipality({"cycle"});
    engine().plan(municipality_);  // a second plan (a daemon restart) adds nothing
    run_until(d(2022, 1, 2));
    EXPECT_EQ(store_->instances_of_municipality("GM0935").size(), 1u);
}

TEST_F(EngineTest, a_restart_does_not_arm_again_a_start_that_has_happened) {
    add_municipality({"cycle"}, 2);
    run_until(d(2022, 3, 1));
    ASSERT_EQ(store_->instances_of_municipality("GM0935").size(), 1u);
    engine().plan(municipality_);  // okod starts again
    // Nothing is due now: the 2022 start is not armed again only to fire and find its
    // instance running (a step per municipality and workflow at every start of okod).
    const auto next = engine().next_due();
    ASSERT_TRUE(next);
    EXPECT_GT(*next, clock_.now());
    // The next cycle still starts, two years on.
    run_until(d(2024, 1, 2));
    EXPECT_EQ(store_->instances_of_municipality("GM0935").size(), 2u);
}

const char* kFanOut = R"(
id = "plan"
version = 1
initial = "meetings"
name = { nl = "Uitvoeringsplan" }
[start]
at = "trajectory_start"
[requires]
lists = ["recommendations"]
[[states]]
id = "meetings"
name = { nl = "Bijeenkomsten" }
  [[states.tasks]]
  id = "meeting"
  title = { nl = "Bijeenkomst over: {item}", en = "Meeting on: {item}" }
  role = "regisseur"
  due = { after = "entered", weeks = 8 }
  for_each = "recommendations"
[[states]]
id = "written"
name = { nl = "Geschreven" }
final = true
[[transitions]]
from = "meetings"
to = "written"
on = "all_tasks_done"
)";

TEST_F(EngineTest, one_task_per_list_item_and_the_state_waits_for_all_of_them) {
    define(kFanOut);
    add_municipality({"plan"});
    run_until(d(2022, 1, 2));
    auto open = tasks(TaskStatus::open);
    ASSERT_EQ(open.size(), 3u);
    EXPECT_EQ(open[0].key, "meeting#1");
    EXPECT_EQ(open[0].title.nl, "Bijeenkomst over: Sportkantines");
    EXPECT_EQ(open[2].title.en, "Meeting on: Evenementen");
    engine().complete_task(open[0].id, "anna");
    engine().complete_task(open[1].id, "anna");
    EXPECT_EQ(only_instance("plan").state, "meetings");
    engine().complete_task(open[2].id, "anna");
    const Instance i = only_instance("plan");
    EXPECT_EQ(i.state, "written");
    EXPECT_TRUE(i.finished_at.has_value());
}

const char* kYearly = R"(
id = "yearly"
version = 1
initial = "year"
years = 3
name = { nl = "Jaarlijks" }
[start]
at = "trajectory_start"
[[states]]
id = "year"
name = { nl = "Jaar" }
  [[states.tasks]]
  id = "report"
  title = { nl = "Raad informeren" }
  role = "regisseur"
  due = { quarter_end = 3 }
[[states]]
id = "end"
name = { nl = "Einde" }
final = true
[[transitions]]
from = "year"
to = "year"
after = { quarter_end = 4 }
guard = "not last_year"
next_year = true
[[transitions]]
from = "year"
to = "end"
after = { quarter_end = 4 }
guard = "last_year"
)";

TEST_F(EngineTest, a_timed_transition_moves_the_instance_through_its_years) {
    define(kYearly);
    add_municipality({"yearly"});
    run_until(d(2025, 1, 1));
    std::vector<std::string> keys;
    for (const auto& t : tasks())
        keys.push_back(t.key + " " + format_iso_local(*t.due).substr(0, 10));
    EXPECT_EQ(keys, (std::vector<std::string>{"report 2022-09-30", "report.2023 2023-09-30",
                                              "report.2024 2024-09-30"}));
    const Instance i = only_instance("yearly");
    EXPECT_EQ(i.state, "end");
    EXPECT_EQ(i.year_index, 3);
    EXPECT_EQ(format_iso_local(*i.finished_at), "2024-12-31T17:00:00+01:00");
}

TEST_F(EngineTest, running_instances_keep_the_version_they_started_with) {
    add_municipality({"cycle"});
    run_until(d(2022, 9, 1));
    // Version 2 renames the feedback task; the running 2022 cycle must not see it.
    std::string v2 = kCycle;
    v2.replace(v2.find("version = 1"), 11, "version = 2");
    v2.replace(v2.find("id = \"dialogue\""), 15, "id = \"gesprek\"");
    define(v2);
    engine().complete_task(id_of("survey"), "bert");
    EXPECT_EQ(task("dialogue").workflow, "cycle");
    run_until(d(2023, 1, 2));
    auto cycles = store_->instances_of_municipality("GM0935");
    ASSERT_EQ(cycles.size(), 2u);
    EXPECT_EQ(cycles[0].definition_version, 1);
    EXPECT_EQ(cycles[1].definition_version, 2);
}

TEST_F(EngineTest, an_event_moves_an_instance_only_from_a_state_that_waits_for_it) {
    define(R"(
id = "signalled"
version = 1
initial = "waiting"
name = { nl = "Wachten" }
[start]
at = "trajectory_start"
[[states]]
id = "waiting"
name = { nl = "Wachten" }
[[states]]
id = "closed"
name = { nl = "Gesloten" }
final = true
[[transitions]]
from = "waiting"
to = "closed"
on = "survey_closed"
)");
    add_municipality({"signalled"});
    run_until(d(2022, 1, 2));
    const InstanceId id = only_instance("signalled").id;
    auto wrong = engine().signal(id, "something_else", "anna");
    EXPECT_FALSE(wrong.ok);
    EXPECT_EQ(wrong.error,
              "instance " + std::to_string(id) +
                  " is in state 'waiting', which does not react to event 'something_else'");
    EXPECT_TRUE(engine().signal(id, "survey_closed", "anna").ok);
    EXPECT_EQ(only_instance("signalled").state, "closed");
}

}  // namespace
}  // namespace okod::test
