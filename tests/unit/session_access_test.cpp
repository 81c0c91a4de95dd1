// What a signed-in person may do, from their roles of the day (issue 19).
#include "model/session_access.hpp"

#include <gtest/gtest.h>

namespace okod {
namespace {

using date::days;
constexpr Date kToday = date::year{2026} / 3 / 2;

RoleAssignment role(const char* municipality, const char* name, Date from,
                    std::optional<Date> until = {}) {
    RoleAssignment a;
    a.municipality = municipality;
    a.role = name;
    a.person_id = "p";
    a.from = from;
    a.until = until;
    return a;
}

TEST(SessionAccess, the_strongest_kind_of_role_held_today_decides) {
    const Date past = date::year{2022} / 1 / 1;
    auto t = access_of_person(
        "p", {role("GM0014", "stuurgroep", past), role("GM0935", "regisseur", past)}, kToday, false,
        "x");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->role, ApiRole::regisseur);
    EXPECT_EQ(t->municipalities, std::vector<std::string>{"GM0935"});
    EXPECT_EQ(t->person_id, "p");

    t = access_of_person("p", {role("GM0935", "wethouder", past)}, kToday, false, "x");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->role, ApiRole::council);
    t = access_of_person("p", {role("GM0935", "kernteam", past)}, kToday, false, "x");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->role, ApiRole::stakeholder);
}

TEST(SessionAccess, a_role_that_ended_or_has_not_begun_gives_nothing_but_admins_get_all) {
    const Date yesterday = date::sys_days{kToday} - days{1};
    const Date tomorrow = date::sys_days{kToday} + days{1};
    const std::vector<RoleAssignment> roles{role("GM0935", "regisseur", yesterday, yesterday),
                                            role("GM0014", "regisseur", tomorrow)};
    EXPECT_FALSE(access_of_person("p", roles, kToday, false, "x"));
    const auto admin = access_of_person("p", {}, kToday, true, "x");
    ASSERT_TRUE(admin);
    EXPECT_EQ(admin->role, ApiRole::admin);
    EXPECT_TRUE(admin->municipalities.empty());
}

}  // namespace
}  // namespace okod
