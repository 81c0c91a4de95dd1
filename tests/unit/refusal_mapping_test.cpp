// An engine refusal gets one answer whichever face asked: okoctl on the store exits with
// the code okoctl would give for the HTTP status the API answers the same refusal with.
// And the engine says what kind of refusal it is, so no status hangs on a sentence.
#include <gtest/gtest.h>

#include "daemon/api/api_error.hpp"
#include "daemon/client/exit_codes.hpp"
#include "support/engine_world.hpp"

namespace okod::test {
namespace {

TEST(Refusal, okoctl_on_the_store_and_the_api_answer_a_refusal_alike) {
    for (const auto why :
         {Refusal::invalid, Refusal::not_found, Refusal::already_closed, Refusal::conflict}) {
        const ApiError e = refusal_error(why, "x");
        EXPECT_EQ(exit_code::for_refusal(why), exit_code::for_http_status(e.status)) << e.status;
    }
    EXPECT_EQ(refusal_error(Refusal::invalid, "x").status, 422);
    EXPECT_EQ(refusal_error(Refusal::not_found, "x").status, 404);
    EXPECT_EQ(refusal_error(Refusal::already_closed, "x").status, 409);
}

class EngineRefusals : public EngineWorld {};

TEST_F(EngineRefusals, say_what_kind_of_no_they_are) {
    define(single_task("{ date = 2022-09-30 }", "[]", ""));
    add_municipality({"single"});
    give_role("carla", "ggd-contact", d(2022, 1, 1));
    run_until(d(2022, 2, 1));
    const TaskId id = task("job").id;
    ASSERT_TRUE(engine().skip_task(id, "anna", "niet nodig dit jaar").ok);

    const auto closed = engine().complete_task(id, "carla");
    EXPECT_FALSE(closed.ok);
    EXPECT_EQ(closed.refusal, Refusal::already_closed);
    EXPECT_EQ(engine().complete_task(999999, "carla").refusal, Refusal::not_found);
    RoleAssignment nobody;
    nobody.municipality = "GM0935";
    nobody.role = "ggd-contact";
    nobody.person_id = "nobody";
    nobody.from = d(2022, 3, 1);
    EXPECT_EQ(engine().assign_role(nobody, "anna").refusal, Refusal::not_found);
    RoleAssignment bad_role = nobody;
    bad_role.person_id = "carla";
    bad_role.role = "astronaut";
    EXPECT_EQ(engine().assign_role(bad_role, "anna").refusal, Refusal::invalid);
}

}  // namespace
}  // namespace okod::test
