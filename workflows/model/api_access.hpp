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
//                (not those addressed to someone else)
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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/api_token.hpp"
#include "model/instance.hpp"
#include "model/people.hpp"

namespace okod {

// The municipality itself: its name, position in the cycle, instances, deadlines.
bool can_read_municipality(const ApiToken& t, std::string_view code);
// Whether the token reads every municipality (an active admin's); if not, the ones it
// reads are those it lists, sorted, each once (listed_municipalities).
bool reads_every_municipality(const ApiToken& t);
std::vector<std::string> listed_municipalities(const ApiToken& t);
// Change the municipality's work: complete, skip or reschedule any task, send events
// to its instances. Stakeholders complete their own tasks through can_complete_task.
bool can_write_municipality(const ApiToken& t, std::string_view code);

// `roles_person_holds_there`: the roles the token's person holds in the task's
// municipality (roles_held below); only a stakeholder's answer depends on it.
bool can_see_task(const ApiToken& t, const Task& task,
                  const std::vector<std::string>& roles_person_holds_there);
bool can_complete_task(const ApiToken& t, const Task& task,
                       const std::vector<std::string>& roles_person_holds_there);
// can_see_task for every task of municipality `code` at once, as a store filter: the
// roles whose tasks the token sees there, or none when it sees every task. A list read
// asks the store for only those, instead of reading all and dropping most.
std::optional<std::vector<std::string>> visible_task_roles(
    const ApiToken& t, std::string_view code,
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

// The rules the routes ask that are not about one municipality's data.
//
// Instances (the workflows' positions and history): not for a stakeholder, who sees tasks.
bool can_read_instances(const ApiToken& t);
// Link a person into another municipality or take them out: admin only.
bool can_link_people(const ApiToken& t);
// A person belonging to no municipality yet: only an admin makes one; a regisseur's new
// person belongs to one of its municipalities.
bool can_make_person_without_municipality(const ApiToken& t);
// A new calendar feed URL for `person_id`: who manages people, or the person's own token.
bool can_make_feed_url(const ApiToken& t, std::string_view person_id);
// What `okoctl people export` prints (AVG art. 15), by the municipalities where the
// person holds or held a role: an admin always; a regisseur of each of them (never of
// someone with no role anywhere).
bool can_export_person(const ApiToken& t, const std::vector<std::string>& held_roles_in);
// A person's calendar with a token: a person the token may see, or one of a municipality
// it reads (the council reads its people's deadlines)...
bool can_see_calendar_of(const ApiToken& t, std::string_view person_id,
                         const std::vector<std::string>& person_memberships);
// ...and a stakeholder only its own person's.
bool may_fetch_calendar_of(const ApiToken& t, std::string_view person_id);
// A municipality's calendar: who reads its reports (no stakeholder: they subscribe to
// their own feed).
bool can_read_municipality_calendar(const ApiToken& t, std::string_view code);

// The permission an API operation needs (daemon/api/operations.cpp names one per
// operation). may_use answers from the token alone whether its role can use such an
// operation at all, somewhere: GET /api/v1/me's "may" and the routes that refuse a role
// before they look anything up. The rules per municipality, task or person are the
// functions above, which the handlers ask once they know what the request is about.
enum class ApiPermission {
    none,               // public: no token (health, the dashboard's files, the document)
    feed,               // a person's calendar feed: the feed secret in the URL, or a token
    municipality_feed,  // a municipality's calendar: can_read_municipality_calendar
    any_token,          // every active token, for what its municipalities hold
    read_tasks,         // can_see_task
    complete_tasks,     // can_complete_task
    write,              // can_write_municipality
    manage_people,      // can_manage_people, can_save_person
    link_people,        // can_link_people
    export_person,      // can_export_person
    feed_url,           // can_make_feed_url
    read_instances,     // can_read_instances
    read_reports,       // can_read_reports
    read_events,        // can_read_events
    read_outbox,        // can_read_outbox (keep last: tests walk every value)
};

bool may_use(const ApiToken& t, ApiPermission p);
// Who may, in words, for the README's route table and the OpenAPI document.
std::string_view who_may(ApiPermission p);
// What a refused token may not do, for "a council token may not ...".
std::string_view what_is_refused(ApiPermission p);

// The roles `person_id` holds in a municipality on `day`, from that municipality's
// assignments (Store::assignments), each once, sorted. Empty for an empty person_id.
std::vector<std::string> roles_held(const std::vector<RoleAssignment>& assignments,
                                    std::string_view person_id, Date day);

}  // namespace okod
