// What each API role may do, allowed and forbidden: admin everything; a regisseur its
// municipalities; a stakeholder the tasks of the roles its person holds; a council
// reads its municipality, tasks and reports; a revoked token nothing.
#include "model/api_access.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace okod {
namespace {

constexpr std::string_view kMine = "GM0935";
constexpr std::string_view kOther = "GM1883";

ApiToken token(ApiRole role, std::vector<std::string> municipalities = {std::string(kMine)},
               std::string person = {}) {
    ApiToken t;
    t.id = 1;
    t.role = role;
    t.municipalities = std::move(municipalities);
    t.person_id = std::move(person);
    t.label = "test";
    return t;
}

Task task(std::string_view municipality, std::string role) {
    Task t;
    t.id = 7;
    t.municipality = std::string(municipality);
    t.role = std::move(role);
    return t;
}

const std::vector<std::string> kNoRoles;
const std::vector<std::string> kGgdRoles{"ggd-contact"};

Date day(int y, unsigned m, unsigned d) {
    return Date{date::year{y}, date::month{m}, date::day{d}};
}

// Every municipality-wide permission, to check a role against all of them at once.
struct Permissions {
    bool read, write, people, outbox, events, reports;
    friend bool operator==(const Permissions&, const Permissions&) = default;
};

Permissions in(const ApiToken& t, std::string_view code) {
    return {can_read_municipality(t, code), can_write_municipality(t, code),
            can_manage_people(t, code),     can_read_outbox(t, code),
            can_read_events(t, code),       can_read_reports(t, code)};
}

constexpr Permissions kAll{true, true, true, true, true, true};
constexpr Permissions kNone{false, false, false, false, false, false};

TEST(ApiAccess, admin_may_do_everything_everywhere) {
    const auto t = token(ApiRole::admin, {});
    EXPECT_EQ(in(t, kMine), kAll);
    EXPECT_EQ(in(t, kOther), kAll);
    EXPECT_TRUE(can_see_task(t, task(kOther, "ggd-contact"), kNoRoles));
    EXPECT_TRUE(can_complete_task(t, task(kOther, "ggd-contact"), kNoRoles));
    EXPECT_TRUE(can_manage_tokens(t));
}

TEST(ApiAccess, regisseur_reads_and_writes_its_municipalities_only) {
    const auto t = token(ApiRole::regisseur);
    EXPECT_EQ(in(t, kMine), kAll);
    EXPECT_EQ(in(t, kOther), kNone);
    EXPECT_TRUE(can_see_task(t, task(kMine, "ggd-contact"), kNoRoles));
    EXPECT_TRUE(can_complete_task(t, task(kMine, "ggd-contact"), kNoRoles));
    EXPECT_FALSE(can_see_task(t, task(kOther, "regisseur"), {"regisseur"}));
    EXPECT_FALSE(can_complete_task(t, task(kOther, "regisseur"), {"regisseur"}));
    EXPECT_FALSE(can_manage_tokens(t));
}

TEST(ApiAccess, regisseur_of_two_municipalities_has_both) {
    const auto t = token(ApiRole::regisseur, {std::string(kMine), std::string(kOther)});
    EXPECT_EQ(in(t, kMine), kAll);
    EXPECT_EQ(in(t, kOther), kAll);
    EXPECT_EQ(in(t, "GM0003"), kNone);
}

TEST(ApiAccess, stakeholder_sees_and_completes_the_tasks_of_roles_its_person_holds) {
    const auto t = token(ApiRole::stakeholder, {std::string(kMine)}, "maastricht-ggd");
    const auto ggd_task = task(kMine, "ggd-contact");
    EXPECT_TRUE(can_see_task(t, ggd_task, kGgdRoles));
    EXPECT_TRUE(can_complete_task(t, ggd_task, kGgdRoles));
    EXPECT_TRUE(can_complete_task(t, ggd_task, {"kernteam", "ggd-contact"}));
}

TEST(ApiAccess, stakeholder_may_not_touch_other_roles_tasks_or_other_municipalities) {
    const auto t = token(ApiRole::stakeholder, {std::string(kMine)}, "maastricht-ggd");
    const auto regisseur_task = task(kMine, "regisseur");
    EXPECT_FALSE(can_see_task(t, regisseur_task, kGgdRoles));
    EXPECT_FALSE(can_complete_task(t, regisseur_task, kGgdRoles));
    // The role held elsewhere does not count in a municipality the token does not list.
    EXPECT_FALSE(can_see_task(t, task(kOther, "ggd-contact"), kGgdRoles));
    EXPECT_FALSE(can_complete_task(t, task(kOther, "ggd-contact"), kGgdRoles));
    // A role the person no longer holds (a hand-over) no longer counts.
    EXPECT_FALSE(can_complete_task(t, task(kMine, "ggd-contact"), kNoRoles));
}

// The list read's store filter says what can_see_task says, task by task.
TEST(ApiAccess, visible_task_roles_agree_with_can_see_task) {
    const std::vector<ApiToken> tokens{
        token(ApiRole::admin, {}), token(ApiRole::regisseur), token(ApiRole::council),
        token(ApiRole::stakeholder, {std::string(kMine)}, "maastricht-ggd"),
        token(ApiRole::stakeholder, {std::string(kMine)}, "")};
    for (const auto& t : tokens)
        for (const auto code : {kMine, kOther})
            for (const auto* role : {"ggd-contact", "regisseur"}) {
                const auto roles = visible_task_roles(t, code, kGgdRoles);
                const bool listed =
                    !roles || std::find(roles->begin(), roles->end(), role) != roles->end();
                EXPECT_EQ(listed, can_see_task(t, task(code, role), kGgdRoles))
                    << to_string(t.role) << " " << code << " " << role;
            }
    EXPECT_FALSE(visible_task_roles(token(ApiRole::council), kMine, {}).has_value());
    EXPECT_EQ(visible_task_roles(token(ApiRole::stakeholder, {std::string(kMine)}, "p"), kMine,
                                 kGgdRoles),
              kGgdRoles);
}

TEST(ApiAccess, stakeholder_reads_its_municipality_but_writes_nothing_else) {
    const auto t = token(ApiRole::stakeholder, {std::string(kMine)}, "maastricht-ggd");
    EXPECT_EQ(in(t, kMine), (Permissions{true, false, false, false, false, false}));
    EXPECT_EQ(in(t, kOther), kNone);
    EXPECT_FALSE(can_manage_tokens(t));
}

// A leaver's hand-over file is addressed to the leaver personally (README "The warm
// hand-over"): the successor, holding the same role beside them, neither sees nor
// completes it; the leaver and the regisseur do.
TEST(ApiAccess, a_task_addressed_to_the_leaver_is_not_the_successors) {
    auto handover_file = task(kMine, "ggd-contact");
    handover_file.person = "maastricht-ggd";
    const auto leaver = token(ApiRole::stakeholder, {std::string(kMine)}, "maastricht-ggd");
    const auto successor = token(ApiRole::stakeholder, {std::string(kMine)}, "maastricht-noor");
    EXPECT_TRUE(can_see_task(leaver, handover_file, kGgdRoles));
    EXPECT_TRUE(can_complete_task(leaver, handover_file, kGgdRoles));
    EXPECT_FALSE(can_see_task(successor, handover_file, kGgdRoles));
    EXPECT_FALSE(can_complete_task(successor, handover_file, kGgdRoles));
    EXPECT_TRUE(can_complete_task(token(ApiRole::regisseur), handover_file, kNoRoles));
}

TEST(ApiAccess, stakeholder_without_a_person_gets_no_task) {
    const auto t = token(ApiRole::stakeholder, {std::string(kMine)}, "");
    EXPECT_FALSE(can_see_task(t, task(kMine, "ggd-contact"), kGgdRoles));
    EXPECT_FALSE(can_complete_task(t, task(kMine, "ggd-contact"), kGgdRoles));
}

TEST(ApiAccess, council_reads_its_municipality_tasks_and_reports_and_changes_nothing) {
    const auto t = token(ApiRole::council);
    EXPECT_EQ(in(t, kMine), (Permissions{true, false, false, false, false, true}));
    EXPECT_EQ(in(t, kOther), kNone);
    EXPECT_TRUE(can_see_task(t, task(kMine, "regisseur"), kNoRoles));
    EXPECT_FALSE(can_complete_task(t, task(kMine, "regisseur"), kNoRoles));
    EXPECT_FALSE(can_complete_task(t, task(kMine, "regisseur"), {"regisseur"}));
    EXPECT_FALSE(can_see_task(t, task(kOther, "regisseur"), kNoRoles));
    EXPECT_FALSE(can_manage_tokens(t));
}

TEST(ApiAccess, a_revoked_token_may_do_nothing) {
    for (const auto role :
         {ApiRole::admin, ApiRole::regisseur, ApiRole::stakeholder, ApiRole::council}) {
        auto t = token(role,
                       role == ApiRole::admin ? std::vector<std::string>{}
                                              : std::vector<std::string>{std::string(kMine)},
                       "maastricht-ggd");
        t.revoked_at = Instant{std::chrono::seconds{1'700'000'000}};
        SCOPED_TRACE(std::string(to_string(role)));
        EXPECT_EQ(in(t, kMine), kNone);
        EXPECT_FALSE(can_see_task(t, task(kMine, "ggd-contact"), kGgdRoles));
        EXPECT_FALSE(can_complete_task(t, task(kMine, "ggd-contact"), kGgdRoles));
        EXPECT_FALSE(can_manage_tokens(t));
    }
}

TEST(ApiAccess, roles_held_are_those_covering_the_day_once_each) {
    auto assignment = [](std::string person, std::string role, Date from,
                         std::optional<Date> until = std::nullopt) {
        RoleAssignment a;
        a.municipality = "GM0935";
        a.person_id = std::move(person);
        a.role = std::move(role);
        a.from = from;
        a.until = until;
        return a;
    };
    const std::vector<RoleAssignment> as{
        assignment("anna", "kernteam", day(2024, 1, 1)),
        assignment("anna", "ggd-contact", day(2024, 1, 1), day(2025, 6, 30)),
        assignment("anna", "ggd-contact", day(2025, 9, 1)),  // back after a gap
        assignment("bram", "regisseur", day(2024, 1, 1)),
    };
    EXPECT_EQ(roles_held(as, "anna", day(2025, 1, 1)),
              (std::vector<std::string>{"ggd-contact", "kernteam"}));
    EXPECT_EQ(roles_held(as, "anna", day(2025, 7, 15)), (std::vector<std::string>{"kernteam"}));
    EXPECT_EQ(roles_held(as, "anna", day(2025, 6, 30)),
              (std::vector<std::string>{"ggd-contact", "kernteam"}));  // last day inclusive
    EXPECT_EQ(roles_held(as, "bram", day(2023, 12, 31)), std::vector<std::string>{});
    EXPECT_EQ(roles_held(as, "", day(2025, 1, 1)), std::vector<std::string>{});
}

TEST(ApiAccess, role_names_round_trip) {
    for (const auto role :
         {ApiRole::admin, ApiRole::regisseur, ApiRole::stakeholder, ApiRole::council})
        EXPECT_EQ(parse_api_role(to_string(role)), role);
    EXPECT_FALSE(parse_api_role("Admin"));
    EXPECT_FALSE(parse_api_role(""));
}

TEST(ApiAccess, token_shape_problems_are_named) {
    EXPECT_EQ(api_token_problem(token(ApiRole::admin, {})), "");
    EXPECT_NE(api_token_problem(token(ApiRole::admin)), "");  // admin lists none
    EXPECT_NE(api_token_problem(token(ApiRole::regisseur, {})), "");
    EXPECT_NE(api_token_problem(token(ApiRole::council, {})), "");
    EXPECT_NE(api_token_problem(token(ApiRole::stakeholder)), "");  // no person
    EXPECT_EQ(api_token_problem(token(ApiRole::stakeholder, {std::string(kMine)}, "p")), "");
    auto blank = token(ApiRole::council);
    blank.label = "  ";
    EXPECT_NE(api_token_problem(blank), "");
}

TEST(ApiAccess, a_regisseur_changes_only_people_whose_roles_are_all_in_its_municipalities) {
    const ApiToken maastricht = token(ApiRole::regisseur, {"GM0935"});
    EXPECT_TRUE(can_save_person(maastricht, {}));  // a new person
    EXPECT_TRUE(can_save_person(maastricht, {"GM0935"}));
    // Bram also works for Utrecht: changing his address would redirect Utrecht's mail.
    EXPECT_FALSE(can_save_person(maastricht, {"GM0935", "GM0344"}));
    EXPECT_FALSE(can_save_person(maastricht, {"GM0344"}));
    EXPECT_TRUE(can_save_person(token(ApiRole::admin, {}), {"GM0935", "GM0344"}));
    EXPECT_FALSE(can_save_person(token(ApiRole::council, {"GM0935"}), {}));
    EXPECT_FALSE(
        can_save_person(token(ApiRole::stakeholder, {"GM0935"}, "maastricht-bram"), {"GM0935"}));
    ApiToken revoked = maastricht;
    revoked.revoked_at = Instant{};
    EXPECT_FALSE(can_save_person(revoked, {}));
}

// Issue 16: a person is visible by where they belong, never by guessing their id.
TEST(ApiAccess,
     a_person_is_seen_by_admin_by_the_regisseurs_of_their_municipalities_and_by_themselves) {
    const ApiToken maastricht = token(ApiRole::regisseur, {"GM0935"});
    EXPECT_TRUE(can_see_person(maastricht, "anna", {"GM0935"}));
    EXPECT_TRUE(can_see_person(maastricht, "anna", {"GM0014", "GM0935"}));  // shared by an admin
    EXPECT_FALSE(can_see_person(maastricht, "jan", {"GM0014"}));
    EXPECT_FALSE(can_see_person(maastricht, "nobody", {}));
    EXPECT_TRUE(can_see_person(token(ApiRole::admin, {}), "nobody", {}));
    EXPECT_FALSE(can_see_person(token(ApiRole::council, {"GM0935"}), "anna", {"GM0935"}));
    const ApiToken bram = token(ApiRole::stakeholder, {"GM0935"}, "maastricht-bram");
    EXPECT_TRUE(can_see_person(bram, "maastricht-bram", {"GM0935"}));
    EXPECT_FALSE(can_see_person(bram, "anna", {"GM0935"}));
    ApiToken revoked = maastricht;
    revoked.revoked_at = Instant{};
    EXPECT_FALSE(can_see_person(revoked, "anna", {"GM0935"}));
}

// The rules the routes once checked inline (token.role == ...), now named here.
TEST(ApiAccess, instances_are_for_every_role_but_the_stakeholder) {
    EXPECT_TRUE(can_read_instances(token(ApiRole::admin, {})));
    EXPECT_TRUE(can_read_instances(token(ApiRole::regisseur)));
    EXPECT_TRUE(can_read_instances(token(ApiRole::council)));
    EXPECT_FALSE(can_read_instances(token(ApiRole::stakeholder, {std::string(kMine)}, "anna")));
}

TEST(ApiAccess, only_an_admin_links_people_or_makes_one_outside_every_municipality) {
    EXPECT_TRUE(can_link_people(token(ApiRole::admin, {})));
    EXPECT_TRUE(can_make_person_without_municipality(token(ApiRole::admin, {})));
    for (auto role : {ApiRole::regisseur, ApiRole::council, ApiRole::stakeholder}) {
        EXPECT_FALSE(can_link_people(token(role, {std::string(kMine)}, "anna")));
        EXPECT_FALSE(
            can_make_person_without_municipality(token(role, {std::string(kMine)}, "anna")));
    }
}

TEST(ApiAccess, a_feed_url_is_made_by_who_manages_people_or_by_the_persons_own_token) {
    EXPECT_TRUE(can_make_feed_url(token(ApiRole::admin, {}), "anna"));
    EXPECT_TRUE(can_make_feed_url(token(ApiRole::regisseur), "anna"));
    EXPECT_TRUE(
        can_make_feed_url(token(ApiRole::stakeholder, {std::string(kMine)}, "anna"), "anna"));
    EXPECT_FALSE(
        can_make_feed_url(token(ApiRole::stakeholder, {std::string(kMine)}, "anna"), "bram"));
    EXPECT_FALSE(can_make_feed_url(token(ApiRole::council), "anna"));
}

TEST(ApiAccess, an_export_is_for_an_admin_or_the_regisseur_of_every_municipality_of_the_roles) {
    EXPECT_TRUE(can_export_person(token(ApiRole::admin, {}), {}));
    EXPECT_TRUE(can_export_person(token(ApiRole::regisseur), {std::string(kMine)}));
    EXPECT_FALSE(can_export_person(token(ApiRole::regisseur), {}));  // no role anywhere
    EXPECT_FALSE(
        can_export_person(token(ApiRole::regisseur), {std::string(kMine), std::string(kOther)}));
    EXPECT_FALSE(can_export_person(token(ApiRole::council), {std::string(kMine)}));
}

TEST(ApiAccess, calendars_follow_the_people_and_municipalities_a_token_reads) {
    const auto council = token(ApiRole::council);
    EXPECT_TRUE(can_see_calendar_of(council, "anna", {std::string(kMine)}));
    EXPECT_FALSE(can_see_calendar_of(council, "bram", {std::string(kOther)}));
    EXPECT_TRUE(may_fetch_calendar_of(council, "bram"));
    const auto own = token(ApiRole::stakeholder, {std::string(kMine)}, "anna");
    EXPECT_TRUE(may_fetch_calendar_of(own, "anna"));
    EXPECT_FALSE(may_fetch_calendar_of(own, "bram"));
    EXPECT_TRUE(can_read_municipality_calendar(council, kMine));
    EXPECT_FALSE(can_read_municipality_calendar(council, kOther));
    EXPECT_FALSE(can_read_municipality_calendar(own, kMine));
}

// may_use answers from the role alone, as GET /api/v1/me's "may" shows it.
TEST(ApiAccess, may_use_is_what_each_role_can_ever_do) {
    const auto admin = token(ApiRole::admin, {});
    const auto regisseur = token(ApiRole::regisseur);
    const auto council = token(ApiRole::council);
    const auto stakeholder = token(ApiRole::stakeholder, {std::string(kMine)}, "anna");
    EXPECT_TRUE(may_use(stakeholder, ApiPermission::complete_tasks));
    EXPECT_FALSE(may_use(council, ApiPermission::complete_tasks));
    EXPECT_TRUE(may_use(regisseur, ApiPermission::write));
    EXPECT_FALSE(may_use(stakeholder, ApiPermission::write));
    EXPECT_FALSE(may_use(council, ApiPermission::manage_people));
    EXPECT_TRUE(may_use(admin, ApiPermission::link_people));
    EXPECT_FALSE(may_use(regisseur, ApiPermission::link_people));
    EXPECT_TRUE(may_use(council, ApiPermission::read_reports));
    EXPECT_FALSE(may_use(stakeholder, ApiPermission::read_instances));
    EXPECT_TRUE(may_use(stakeholder, ApiPermission::feed_url));  // its own
    auto revoked = admin;
    revoked.revoked_at = Instant{};
    EXPECT_FALSE(may_use(revoked, ApiPermission::any_token));
    EXPECT_TRUE(may_use(revoked, ApiPermission::none));  // public routes need no token
}

// Every permission has words for the README and the OpenAPI document.
TEST(ApiAccess, every_permission_is_worded) {
    for (int p = 0; p <= static_cast<int>(ApiPermission::read_outbox); ++p) {
        EXPECT_FALSE(who_may(static_cast<ApiPermission>(p)).empty()) << p;
        EXPECT_FALSE(what_is_refused(static_cast<ApiPermission>(p)).empty()) << p;
    }
}

}  // namespace
}  // namespace okod
