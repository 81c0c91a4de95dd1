#pragma once
// What a signed-in person may do (issue 19): the API token their roles of the day amount
// to, so that the routes ask api_access.hpp exactly as for a bearer token and every
// isolation rule stays as it is. Derived again on every request, so a hand-over ends
// a session's access the day the role ends.
//
//   an administrator (config [auth] admins)  admin, every municipality
//   the regisseur role somewhere             regisseur of those municipalities
//   a council-type role (wethouder,          council of those municipalities
//     raadsgriffier)
//   any other role                           stakeholder of those municipalities, for the
//                                            tasks of the roles the person holds
//   no role today                            nothing (nullopt): the session gets 401
//
// One token has one role: a person with several kinds of roles gets the first of the
// list above, for the municipalities where they hold that kind (a regisseur of A who is
// on the steering group of B signs in as regisseur of A; a bearer token serves B).
#include <optional>
#include <string>
#include <vector>

#include "model/api_token.hpp"
#include "model/people.hpp"

namespace okod {

// The roles that read like the council: summaries and reports of their municipalities.
bool is_council_role(std::string_view role);

// `assignments`: every role assignment of the person (Store::assignments_of_person).
// The token has id 0 and label `label`; expires_at is the caller's to set.
std::optional<ApiToken> access_of_person(const std::string& person_id,
                                         const std::vector<RoleAssignment>& assignments, Date today,
                                         bool is_admin, const std::string& label);

}  // namespace okod
