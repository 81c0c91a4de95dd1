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
    return is(t, ApiRole::stakeholder) && !t.person_id.empty() && lists(t, task.municipality) &&
           std::find(roles_person_holds_there.begin(), roles_person_holds_there.end(), task.role) !=
               roles_person_holds_there.end();
}

}  // namespace

bool can_read_municipality(const ApiToken& t, std::string_view code) {
    return admin(t) || (t.active() && lists(t, code));
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
