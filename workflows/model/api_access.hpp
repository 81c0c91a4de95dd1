#pragma once
// What an API token may do: the one place the HTTP routes ask, so that every endpoint
// applies the same rules.
//
//   role         municipalities it lists                   elsewhere
//   admin        everything, in every municipality
//   regisseur    read and write everything, and the        nothing (people of other
//                people who belong there                   municipalities are unknown)
//   stakeholder  read the municipality; see and complete   nothing
//                the tasks of the roles its person holds
//   council      read the municipality, its tasks and      nothing
//                reports (no people, events or outbox)
//
// A revoked token may do nothing, even if a caller forgot to check. The functions are
// pure: the caller looks up what they need (the task, the roles the token's person
// holds in the task's municipality on the day) and passes it in.
//
// Example, in a route that completes a task:
//     const auto roles = roles_held(store.assignments(task.municipality), token.person_id, today);
//     if (!can_complete_task(token, task, roles)) return forbidden();
#include <string>
#include <string_view>
#include <vector>

#include "model/api_token.hpp"
#include "model/instance.hpp"
#include "model/people.hpp"

namespace okod {

// The municipality itself: its name, position in the cycle, instances, deadlines.
bool can_read_municipality(const ApiToken& t, std::string_view code);
// Change the municipality's work: complete, skip or reschedule any task, send events
// to its instances. Stakeholders complete their own tasks through can_complete_task.
bool can_write_municipality(const ApiToken& t, std::string_view code);

// `roles_person_holds_there`: the roles the token's person holds in the task's
// municipality (roles_held below); only a stakeholder's answer depends on it.
bool can_see_task(const ApiToken& t, const Task& task,
                  const std::vector<std::string>& roles_person_holds_there);
bool can_complete_task(const ApiToken& t, const Task& task,
                       const std::vector<std::string>& roles_person_holds_there);

// People and role assignments: add people, assign roles, announce leaves; list them
// (names and e-mail addresses are personal data).
bool can_manage_people(const ApiToken& t, std::string_view code);
// A person, by the municipalities they belong to (Store::memberships): an admin sees
// everyone; a regisseur the members of its municipalities; any token its own person.
// Everyone else is, to the token, nobody: the routes answer 404 as for an unknown id.
bool can_see_person(const ApiToken& t, std::string_view person_id,
                    const std::vector<std::string>& person_memberships);
// Create or change a person (name, e-mail, language). One person may belong to several
// municipalities (an admin links them), so changing one is only for a token that may
// manage people in every municipality they belong to (`person_memberships`); a new
// person (none) needs a regisseur or admin token.
bool can_save_person(const ApiToken& t, const std::vector<std::string>& person_memberships);
// The e-mails okod sent about the municipality (recipients, errors).
bool can_read_outbox(const ApiToken& t, std::string_view code);
// The municipality's audit log.
bool can_read_events(const ApiToken& t, std::string_view code);
// Summaries and the yearly report to college and council.
bool can_read_reports(const ApiToken& t, std::string_view code);

// Create, list and revoke tokens: admin only (okoctl on the server needs no token).
bool can_manage_tokens(const ApiToken& t);

// The roles `person_id` holds in a municipality on `day`, from that municipality's
// assignments (Store::assignments), each once, sorted. Empty for an empty person_id.
std::vector<std::string> roles_held(const std::vector<RoleAssignment>& assignments,
                                    std::string_view person_id, Date day);

}  // namespace okod
