// Staff turnover with the shipped workflows and the demo Maastricht: a holder leaves,
// the warm hand-over runs, the role's open work follows the role to the successor, and a post
// left empty is escalated to the regisseur (or the steering group).
#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class Turnover : public DemoWorld {
protected:
    // The 2022 cycle up to the end of the survey (done at its deadline, 30 September),
    // so the feedback step (terugkoppeling) is open with its GGD task.
    void SetUp() override {
        start_turnover_world();
        run_until(at(2022, 9, 30, 18), /*complete_on_time=*/true);
        ASSERT_EQ(instances("oko-cycle").front().state, "terugkoppeling");
    }

    CommandResult assign(const std::string& person, const std::string& role, Date from) {
        RoleAssignment a;
        a.municipality = "GM0935";
        a.role = role;
        a.person_id = person;
        a.from = from;
        return engine().assign_role(a, "test");
    }

    std::vector<std::string> recipients(TaskId task, const std::string& kind) {
        std::vector<std::string> out;
        for (const auto& o : mail_for(task))
            if (to_string(o.kind) == kind) out.push_back(o.person_id);
        return out;
    }
};

TEST_F(Turnover, the_open_feedback_task_and_its_reminders_follow_the_ggd_role_to_the_successor) {
    const Task feedback = task("oko-cycle", "results-first");
    ASSERT_EQ(feedback.role, "ggd-contact");
    ASSERT_EQ(format_iso_local(*feedback.due), "2022-10-28T17:00:00+02:00");

    clock_->advance_to(at(2022, 10, 3));
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 10, 14), "sanne")
            .ok);
    ASSERT_TRUE(assign("maastricht-noor", "ggd-contact", day(2022, 10, 17)).ok);
    run_until(at(2022, 10, 28, 12));

    // Both reminders (7 days ahead and on the day) went to Noor, none to Bram.
    EXPECT_EQ(recipients(feedback.id, "reminder"),
              (std::vector<std::string>{"maastricht-noor", "maastricht-noor"}));
    EXPECT_EQ(store().holders_of_role("GM0935", "ggd-contact", day(2022, 10, 17)).at(0).id,
              "maastricht-noor");
    EXPECT_TRUE(store().holders_of_role("GM0935", "ggd-contact", day(2022, 10, 15)).empty());

    // The warm hand-over ran: Bram was asked for the hand-over file and meeting before
    // his last day, and with the successor named there was no vacancy.
    const Instance handover = instances("warm-handover").at(0);
    EXPECT_EQ(handover.params.at("leaver"), "maastricht-bram");
    EXPECT_EQ(handover.params.at("successor"), "maastricht-noor");
    EXPECT_EQ(handover.state, "introductie");
    const Task meeting = task("warm-handover", "handover-meeting");
    // Bram's own work, still open after his last day: the regisseur's now, not Noor's
    // (issue 20; tests/engine/warm_handover_test.cpp).
    EXPECT_EQ(meeting.role, "regisseur");
    // The title names Bram and Noor by reference; whoever shows it renders their names
    // (issue 16).
    EXPECT_EQ(meeting.title.nl,
              "Overdrachtsgesprek Contactpersoon GGD, vóór 14-10-2022 (overdracht van "
              "{person:maastricht-bram} aan {person:maastricht-noor})");
    EXPECT_EQ(render_person_refs(meeting.title.nl, person_names(store())),
              "Overdrachtsgesprek Contactpersoon GGD, vóór 14-10-2022 (overdracht van Bram "
              "Hendriks aan Noor Bakker)");
    EXPECT_EQ(format_iso_local(*meeting.due), "2022-10-11T17:00:00+02:00");
    EXPECT_EQ(recipients(meeting.id, "reminder"),
              (std::vector<std::string>{"maastricht-bram", "maastricht-bram"}));
    EXPECT_EQ(task("warm-handover", "starter-pack").role, "regisseur");
    EXPECT_EQ(task("warm-handover", "introduction").role, "regisseur");
}

TEST_F(Turnover, the_event_log_tells_who_held_the_role_when) {
    clock_->advance_to(at(2022, 10, 3));
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 10, 14), "sanne")
            .ok);
    ASSERT_TRUE(assign("maastricht-noor", "ggd-contact", day(2022, 10, 17)).ok);

    const auto leaves = events(EventKind::leave_announced);
    ASSERT_EQ(leaves.size(), 1u);
    EXPECT_EQ(leaves[0].person, "maastricht-bram");
    EXPECT_EQ(leaves[0].role, "ggd-contact");
    EXPECT_EQ(leaves[0].note, "laatste dag 2022-10-14, gemeld door sanne");
    const auto assigned = events(EventKind::role_assigned);
    ASSERT_EQ(assigned.size(), 1u);
    EXPECT_EQ(assigned[0].person, "maastricht-noor");
    EXPECT_EQ(assigned[0].note, "vanaf 2022-10-17 door test");

    // Announcing the same leave again changes nothing.
    const auto before = store().last_event_seq();
    EXPECT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 10, 14), "sanne")
            .ok);
    EXPECT_EQ(store().last_event_seq(), before);
    EXPECT_EQ(instances("warm-handover").size(), 1u);
}

TEST_F(Turnover, without_a_successor_the_vacancy_goes_to_the_regisseur_until_one_is_named) {
    const Task feedback = task("oko-cycle", "results-first");
    clock_->advance_to(at(2022, 10, 3));
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 10, 14), "sanne")
            .ok);
    run_until(at(2022, 10, 21, 12));

    ASSERT_EQ(instances("warm-handover").at(0).state, "vacature");
    const Task vacancy = task("warm-handover", "vacancy");
    EXPECT_EQ(vacancy.role, "regisseur");
    EXPECT_NE(render_person_refs(vacancy.title.nl, person_names(store()))
                  .find("Contactpersoon GGD is vacant sinds het vertrek van Bram Hendriks"),
              std::string::npos);
    // The regisseur hears of the vacancy the morning it arises (Saturday 15 October),
    // not days later at the first lead time.
    const auto vacancy_mail = mail_for(vacancy.id);
    ASSERT_FALSE(vacancy_mail.empty());
    EXPECT_EQ(vacancy_mail[0].person_id, "maastricht-sanne");
    EXPECT_EQ(format_iso_local(vacancy_mail[0].created_at), "2022-10-15T09:00:00+02:00");
    // Meanwhile the GGD task's reminder reaches the regisseur as a vacancy alert.
    EXPECT_EQ(recipients(feedback.id, "vacancy"), (std::vector<std::string>{"maastricht-sanne"}));

    clock_->advance_to(at(2022, 10, 24));
    ASSERT_TRUE(assign("maastricht-noor", "ggd-contact", day(2022, 10, 24)).ok);
    EXPECT_EQ(instances("warm-handover").at(0).state, "introductie");
    run_until(at(2022, 10, 28, 12));
    EXPECT_EQ(recipients(feedback.id, "reminder"), (std::vector<std::string>{"maastricht-noor"}));
}

TEST_F(Turnover, when_the_regisseur_leaves_unreplaced_the_steering_group_is_told) {
    clock_->advance_to(at(2022, 10, 3));
    ASSERT_TRUE(engine()
                    .announce_leave("GM0935", "maastricht-sanne", "regisseur", day(2022, 10, 14),
                                    "wethouder")
                    .ok);
    run_until(at(2022, 10, 17, 12));

    const Task vacancy = task("warm-handover", "vacancy");
    EXPECT_EQ(vacancy.role, "stuurgroep");
    ASSERT_FALSE(mail_for(vacancy.id).empty());
    EXPECT_EQ(mail_for(vacancy.id)[0].person_id, "maastricht-stuurgroep");

    // Without the regisseur's 0.6 FTE the capacity norm fails the day after: the
    // shortfall task is the regisseur's, so its notice goes to the steering group.
    const auto shortfall = instances("capacity-shortfall");
    ASSERT_EQ(shortfall.size(), 1u);
    EXPECT_EQ(shortfall[0].params.at("regisseur_fte"), "0");
    const Task restore = task("capacity-shortfall", "restore-capacity");
    ASSERT_FALSE(mail_for(restore.id).empty());
    EXPECT_EQ(mail_for(restore.id)[0].kind, OutboxKind::vacancy);
    EXPECT_EQ(mail_for(restore.id)[0].person_id, "maastricht-stuurgroep");
}

TEST_F(Turnover, bad_turnover_commands_are_refused_and_change_nothing) {
    const auto before = store().last_event_seq();
    EXPECT_EQ(
        engine().announce_leave("GM0935", "maastricht-nobody", "", day(2022, 10, 14), "x").error,
        "no person 'maastricht-nobody'");
    EXPECT_EQ(engine()
                  .announce_leave("GM0935", "maastricht-lotte", "regisseur", day(2022, 10, 14), "x")
                  .error,
              "maastricht-lotte holds no role 'regisseur' in GM0935 on 2022-10-14");
    EXPECT_EQ(
        engine().announce_leave("GM9999", "maastricht-bram", "", day(2022, 10, 14), "x").error,
        "no municipality GM9999");
    EXPECT_NE(assign("maastricht-noor", "ggd", day(2022, 10, 1))
                  .error.find("unknown role 'ggd' (known roles: "),
              std::string::npos);
    RoleAssignment backwards;
    backwards.municipality = "GM0935";
    backwards.role = "ggd-contact";
    backwards.person_id = "maastricht-noor";
    backwards.from = day(2022, 10, 1);
    backwards.until = day(2022, 9, 1);
    EXPECT_EQ(engine().assign_role(backwards, "x").error,
              "the last day 2022-09-01 is before the first day 2022-10-01");
    EXPECT_EQ(store().last_event_seq(), before);
    EXPECT_TRUE(instances("warm-handover").empty());
}

TEST_F(Turnover, a_leave_already_in_the_records_still_gets_its_handover) {
    RoleAssignment planned;
    planned.municipality = "GM0935";
    planned.role = "ggd-contact";
    planned.person_id = "maastricht-bram";
    planned.from = day(2022, 1, 1);
    planned.until = day(2022, 11, 30);
    ASSERT_TRUE(engine().assign_role(planned, "test").ok);
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 11, 30), "x")
            .ok);
    EXPECT_EQ(instances("warm-handover").size(), 1u);
}

TEST_F(Turnover, short_notice_moves_the_handover_deadlines_ahead_and_reminds_before_them) {
    // Monday 3 October; the last day is Thursday 6 October: the hand-over file (10 days
    // before) and the meeting (3 days before) would be born overdue and silent.
    clock_->advance_to(at(2022, 10, 3));
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 10, 6), "x")
            .ok);
    run_until(at(2022, 10, 4, 10));
    const Task file = task("warm-handover", "handover-file");
    EXPECT_EQ(format_iso_local(*file.due), "2022-10-05T17:00:00+02:00");
    EXPECT_EQ(file.status, TaskStatus::open);
    // The day-ahead reminder goes out the next morning (no second mail the same day).
    const auto mail = mail_for(file.id);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].person_id, "maastricht-bram");
    EXPECT_EQ(format_iso_local(mail[0].created_at), "2022-10-04T09:00:00+02:00");
}

TEST_F(Turnover, a_moved_leave_date_replaces_the_handover_for_the_old_date) {
    clock_->advance_to(at(2022, 10, 3));
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 12, 16), "x")
            .ok);
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2023, 1, 31), "x")
            .ok);
    const auto handovers = instances("warm-handover");
    ASSERT_EQ(handovers.size(), 2u);
    EXPECT_TRUE(handovers[0].finished_at.has_value());
    EXPECT_EQ(handovers[1].params.at("leave_date"), "2023-01-31");
    EXPECT_FALSE(handovers[1].finished_at.has_value());
    for (const auto& t : tasks("warm-handover"))
        if (t.instance_id == handovers[0].id) {
            EXPECT_EQ(t.status, TaskStatus::skipped) << t.key;
        }
    EXPECT_EQ(store().holders_of_role("GM0935", "ggd-contact", day(2023, 1, 31)).at(0).id,
              "maastricht-bram");
}

TEST_F(Turnover, leaving_a_role_others_keep_holding_needs_no_handover) {
    clock_->advance_to(at(2022, 10, 3));
    // Bram is in the kernteam with Sanne and Youssef: only his GGD role is handed over.
    ASSERT_TRUE(
        engine().announce_leave("GM0935", "maastricht-bram", "", day(2022, 12, 16), "x").ok);
    const auto handovers = instances("warm-handover");
    ASSERT_EQ(handovers.size(), 1u);
    EXPECT_EQ(handovers[0].params.at("role"), "ggd-contact");
}

TEST_F(Turnover, a_successor_from_the_config_moves_a_waiting_handover_on_at_the_next_start) {
    clock_->advance_to(at(2022, 10, 3));
    ASSERT_TRUE(
        engine()
            .announce_leave("GM0935", "maastricht-bram", "ggd-contact", day(2022, 10, 14), "x")
            .ok);
    run_until(at(2022, 10, 20));
    ASSERT_EQ(instances("warm-handover").at(0).state, "vacature");
    // The config file names Noor; okod syncs it and plans at its next start or reload.
    store().add_assignment({0, "GM0935", "ggd-contact", "maastricht-noor", day(2022, 10, 24),
                            std::nullopt, std::nullopt});
    engine().plan(*store().municipality("GM0935"));
    EXPECT_EQ(instances("warm-handover").at(0).state, "introductie");
}

}  // namespace
}  // namespace okod::test
