// The election playbook with the demo Maastricht: started ahead of every council
// election, the parties briefed about a year ahead, starters' package before the vote,
// onboarding after the new college and a kick-off in its first events season.
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

class ElectionPlaybook : public DemoWorld {};

TEST_F(ElectionPlaybook,
       through_the_2026_election_the_starter_pack_comes_before_and_onboarding_after) {
    start(at(2024, 6, 1));
    run_until(at(2026, 12, 31), /*complete_on_time=*/true);

    const auto playbooks = instances("election-playbook");
    ASSERT_EQ(playbooks.size(), 1u);
    EXPECT_EQ(playbooks[0].key, "2026-03-18");
    EXPECT_EQ(playbooks[0].params.at("election"), "2026-03-18");
    // Started playbook_days_before (420) days ahead of the election: 18 March 2026 minus
    // 420 days is Wednesday 22 January 2025.
    EXPECT_EQ(format_iso_local(playbooks[0].started_at), "2025-01-22T09:00:00+01:00");

    const Date election = day(2026, 3, 18);
    const Task starter = task("election-playbook", "starter-pack");
    EXPECT_LT(local_date(*starter.due), election);
    // Maastricht's [settings] asks for it 21 days ahead instead of the default 14.
    EXPECT_EQ(format_iso_local(*starter.due), "2026-02-25T17:00:00+01:00");
    // Practice: the parties are briefed about a year ahead, while their programme
    // committees are still writing, not in the election year after the programmes
    // are adopted. 365 days before 18 March 2026 is Tuesday 18 March 2025.
    const Task briefing = task("election-playbook", "party-briefing");
    EXPECT_EQ(format_iso_local(*briefing.due), "2025-03-18T17:00:00+01:00");
    EXPECT_LT(local_date(*briefing.due), day(2025, 9, 1));  // before the programmes

    // Nobody signalled the installation of the college: after college_weeks_after (10)
    // weeks okod assumes it and the onboarding follows 6 weeks later.
    const Task onboarding = task("election-playbook", "onboarding");
    EXPECT_GT(local_date(onboarding.created_at), election);
    EXPECT_EQ(format_iso_local(onboarding.created_at), "2026-05-27T09:00:00+02:00");
    EXPECT_EQ(format_iso_local(*onboarding.due), "2026-07-08T17:00:00+02:00");
    EXPECT_EQ(task("election-playbook", "ambassador").role, "regisseur");
    // The kick-off with the new administrators belongs in the first events season after
    // the college is installed (seed 000: the start of the festival season with (new)
    // administrators), in the election year, not 13 months after the election. The
    // college came on 27 May 2026, inside the season (1 April - 30 September), so the
    // kick-off follows 4 weeks later: Wednesday 24 June 2026.
    const Task kickoff = task("election-playbook", "season-kickoff");
    EXPECT_EQ(format_iso_local(*kickoff.due), "2026-06-24T17:00:00+02:00");
    EXPECT_LT(local_date(*kickoff.due), day(2026, 10, 1));

    // The next playbook, for 20 March 2030, is already scheduled.
    bool next_scheduled = false;
    for (const auto& timer : store().due_timers(at(2031, 1, 1), 100000))
        if (timer.key == "start/GM0935/election-playbook/2030-03-20") {
            next_scheduled = true;
            // 20 March 2030 minus 420 days is Wednesday 24 January 2029.
            EXPECT_EQ(format_iso_local(timer.due), "2029-01-24T09:00:00+01:00");
        }
    EXPECT_TRUE(next_scheduled);
}

TEST_F(ElectionPlaybook, the_installed_college_moves_the_playbook_on_at_once) {
    start(at(2025, 12, 1));
    run_until(at(2026, 4, 20), true);
    const auto playbook = instances("election-playbook").at(0);
    ASSERT_EQ(playbook.state, "collegevorming");
    ASSERT_TRUE(engine().signal(playbook.id, "college_installed", "maastricht-sanne").ok);
    EXPECT_EQ(format_iso_local(*task("election-playbook", "onboarding").due),
              "2026-06-01T17:00:00+02:00");
}

TEST_F(ElectionPlaybook, a_herindeling_election_in_november_replaces_the_march_one) {
    edit_maastricht("events_season_start",
                    "herindeling_elections = [2025-11-19]\nevents_season_start");
    start(at(2025, 6, 1));
    run_until(at(2026, 12, 31), true);

    const auto playbooks = instances("election-playbook");
    ASSERT_EQ(playbooks.size(), 1u);  // none for March 2026
    EXPECT_EQ(playbooks[0].key, "2025-11-19");
    EXPECT_EQ(format_iso_local(*task("election-playbook", "starter-pack").due),
              "2025-10-29T17:00:00+01:00");
    // The college is assumed installed 10 weeks after 19 November 2025: 28 January 2026,
    // before the events season. The kick-off is on the season's first day, Wednesday
    // 1 April 2026.
    EXPECT_EQ(format_iso_local(*task("election-playbook", "season-kickoff").due),
              "2026-04-01T17:00:00+02:00");
}

}  // namespace
}  // namespace okod::test
