#pragma once
// `okoctl people add|assign|leave` through okod's API (POST /api/v1/people,
// /assignments, /leaves), for a regisseur or administrator away from okod's server.
// okod makes each change on its own clock and store, so --at and --store are refused
// (exit 2). `people list` reads either source into one view (people_list_view.hpp).
//
// The API says less than the local commands: a person saved whole (so add needs
// --email and --language, or a recorded address would be lost), {"ok": true} for an
// assignment or a leave. The output says what okod confirmed and where to look next.
#include <iosfwd>

#include "daemon/commands/people_command.hpp"

namespace okod {

int run_people_add_api(const PeopleAddArgs& args, std::ostream& out, std::ostream& err);
int run_people_assign_api(const PeopleAssignArgs& args, std::ostream& out, std::ostream& err);
int run_people_leave_api(const PeopleLeaveArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
