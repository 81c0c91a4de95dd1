#include "model/api_access.hpp"

#include <algorithm>

namespace okod {
namespace {

bool is(const ApiToken& t, ApiRole r) { return t.active() && t.role == r; }

bool lists(const ApiToken& t, std::string_view code) {
    return std::find(t.municipalities.begin(), t.municipalities.end(), code) !=
           t.municipalities.end();
}

bool admin(const ApiToken& t) { return is(t, ApiRole::admin); }

bool regisseur_of(const ApiToken& t, std::string_view code) {
    return is(t, ApiRole::regisseur) && lists(t, code);
}

// A stakeholder's task: in a municipality the token lists, addressed to a role its
// person holds there. The person must be set: an empty role list would match nothing
// anyway, but a token without a person is malformed and gets nothing.
bool stakeholders_task(const ApiToken& t, const Task& task,
                       const std::vector<std::string>& roles_person_holds_there) {
    // Not a task addressed to someone else personally: a leaver's hand-over file is
    // theirs, though the successor holds the role beside them for a while (issue 20).
    return is(t, ApiRole::stakeholder) && !t.person_id.empty() && lists(t, task.municipality) &&
           std::find(roles_person_holds_there.begin(), roles_person_holds_there.end(), task.role) !=
               roles_person_holds_there.end() &&
           (task.person.empty() || task.person == t.person_id);
}

}  // namespace

bool can_read_municipality(const ApiToken& t, std::string_view code) {
    return admin(t) || (t.active() && lists(t, code));
}

bool reads_every_municipality(const ApiToken& t) { return admin(t); }

std::vector<std::string> listed_municipalities(const ApiToken& t) {
    std::vector<std::string> codes;
    for (const auto& code : t.municipalities)
        if (can_read_municipality(t, code)) codes.push_back(code);
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes;
}

bool can_write_municipality(const ApiToken& t, std::string_view code) {
    return admin(t) || regisseur_of(t, code);
}

bool can_see_task(const ApiToken& t, const Task& task,
                  const std::vector<std::string>& roles_person_holds_there) {
    return admin(t) || regisseur_of(t, task.municipality) ||
           (is(t, ApiRole::council) && lists(t, task.municipality)) ||
           stakeholders_task(t, task, roles_person_holds_there);
}

std::optional<std::vector<std::string>> visible_task_roles(
    const ApiToken& t, std::string_view code,
    const std::vector<std::string>& roles_person_holds_there) {
    if (admin(t) || regisseur_of(t, code) || (is(t, ApiRole::council) && lists(t, code)))
        return std::nullopt;
    if (is(t, ApiRole::stakeholder) && !t.person_id.empty() && lists(t, code))
        return roles_person_holds_there;
    return std::vector<std::string>{};
}

bool can_complete_task(const ApiToken& t, const Task& task,
                       const std::vector<std::string>& roles_person_holds_there) {
    return admin(t) || regisseur_of(t, task.municipality) ||
           stakeholders_task(t, task, roles_person_holds_there);
}

bool can_manage_people(const ApiToken& t, std::string_view code) {
    return admin(t) || regisseur_of(t, code);
}

bool can_see_person(const ApiToken& t, std::string_view person_id,
                    const std::vector<std::string>& person_memberships) {
    if (admin(t)) return true;
    if (!t.active()) return false;
    if (!t.person_id.empty() && t.person_id == person_id) return true;
    return std::any_of(person_memberships.begin(), person_memberships.end(),
                       [&](const std::string& code) { return regisseur_of(t, code); });
}

bool can_save_person(const ApiToken& t, const std::vector<std::string>& person_memberships) {
    if (admin(t)) return true;
    if (!t.active() || t.role != ApiRole::regisseur) return false;
    for (const auto& code : person_memberships)
        if (!can_manage_people(t, code)) return false;
    return true;
}

bool can_read_outbox(const ApiToken& t, std::string_view code) {
    return admin(t) || regisseur_of(t, code);
}

bool can_read_events(const ApiToken& t, std::string_view code) {
    return admin(t) || regisseur_of(t, code);
}

bool can_read_reports(const ApiToken& t, std::string_view code) {
    return admin(t) || regisseur_of(t, code) || (is(t, ApiRole::council) && lists(t, code));
}

bool can_manage_tokens(const ApiToken& t) { return admin(t); }

bool can_read_instances(const ApiToken& t) { return t.active() && t.role != ApiRole::stakeholder; }

bool can_link_people(const ApiToken& t) { return admin(t); }

bool can_make_person_without_municipality(const ApiToken& t) { return admin(t); }

bool can_make_feed_url(const ApiToken& t, std::string_view person_id) {
    return may_use(t, ApiPermission::manage_people) ||
           (t.active() && !t.person_id.empty() && t.person_id == person_id);
}

bool can_export_person(const ApiToken& t, const std::vector<std::string>& held_roles_in) {
    return can_save_person(t, held_roles_in) && (admin(t) || !held_roles_in.empty());
}

bool can_see_calendar_of(const ApiToken& t, std::string_view person_id,
                         const std::vector<std::string>& person_memberships) {
    return can_see_person(t, person_id, person_memberships) ||
           std::any_of(person_memberships.begin(), person_memberships.end(),
                       [&](const std::string& code) { return can_read_municipality(t, code); });
}

bool may_fetch_calendar_of(const ApiToken& t, std::string_view person_id) {
    return t.active() && (t.role != ApiRole::stakeholder || t.person_id == person_id);
}

bool can_read_municipality_calendar(const ApiToken& t, std::string_view code) {
    return can_read_reports(t, code);
}

bool may_use(const ApiToken& t, ApiPermission p) {
    if (p == ApiPermission::none || p == ApiPermission::feed) return true;
    if (!t.active()) return false;
    const bool manager = t.role == ApiRole::admin || t.role == ApiRole::regisseur;
    switch (p) {
        case ApiPermission::none:
        case ApiPermission::feed:
        case ApiPermission::any_token:
        case ApiPermission::read_tasks:
            return true;
        case ApiPermission::complete_tasks:
            return t.role != ApiRole::council;
        case ApiPermission::feed_url:
            return manager || !t.person_id.empty();
        case ApiPermission::link_people:
            return t.role == ApiRole::admin;
        case ApiPermission::read_instances:
        case ApiPermission::read_reports:
        case ApiPermission::municipality_feed:
            return t.role != ApiRole::stakeholder;
        case ApiPermission::write:
        case ApiPermission::manage_people:
        case ApiPermission::export_person:
        case ApiPermission::read_events:
        case ApiPermission::read_outbox:
            return manager;
    }
    return false;
}

std::string_view who_may(ApiPermission p) {
    switch (p) {
        case ApiPermission::none:
            return "anyone (no token)";
        case ApiPermission::feed:
            return "the person's feed secret, or a token that sees the person";
        case ApiPermission::any_token:
            return "every role, in its municipalities";
        case ApiPermission::read_tasks:
            return "every role, in its municipalities; a stakeholder the tasks of its person's "
                   "roles";
        case ApiPermission::complete_tasks:
            return "admin, regisseur, stakeholder (own)";
        case ApiPermission::feed_url:
            return "admin, regisseur, the person's own token";
        case ApiPermission::link_people:
            return "admin";
        case ApiPermission::export_person:
            return "admin; the regisseur of every municipality where they hold or held a role";
        case ApiPermission::read_instances:
        case ApiPermission::read_reports:
            return "admin, regisseur, council";
        case ApiPermission::municipality_feed:
            return "admin, regisseur, council (Bearer only)";
        case ApiPermission::write:
        case ApiPermission::manage_people:
        case ApiPermission::read_events:
        case ApiPermission::read_outbox:
            return "admin, regisseur";
    }
    return "";
}

std::string_view what_is_refused(ApiPermission p) {
    switch (p) {
        case ApiPermission::none:
        case ApiPermission::feed:
        case ApiPermission::any_token:
        case ApiPermission::read_tasks:
            return "use this route";
        case ApiPermission::complete_tasks:
            return "complete tasks";
        case ApiPermission::feed_url:
            return "make another person's calendar feed URL";
        case ApiPermission::link_people:
            return "link people across municipalities: only an admin may";
        case ApiPermission::export_person:
            return "export a person";
        case ApiPermission::read_instances:
            return "read workflow instances: it sees tasks only";
        case ApiPermission::read_reports:
            return "read reports";
        case ApiPermission::municipality_feed:
            return "read a municipality's calendar";
        case ApiPermission::write:
            return "change a municipality's work";
        case ApiPermission::manage_people:
            return "read or change people and their e-mail addresses";
        case ApiPermission::read_events:
            return "read the event log";
        case ApiPermission::read_outbox:
            return "read the outbox";
    }
    return "use this route";
}

std::vector<std::string> roles_held(const std::vector<RoleAssignment>& assignments,
                                    std::string_view person_id, Date day) {
    std::vector<std::string> roles;
    if (person_id.empty()) return roles;
    for (const auto& a : assignments)
        if (a.person_id == person_id && a.covers(day)) roles.push_back(a.role);
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    return roles;
}

}  // namespace okod
