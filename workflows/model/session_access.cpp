#include "model/session_access.hpp"

#include <algorithm>
#include <array>

namespace okod {
namespace {

constexpr std::array<std::string_view, 2> kCouncilRoles{kWethouderRole, "raadsgriffier"};

void add_once(std::vector<std::string>& codes, const std::string& code) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

}  // namespace

bool is_council_role(std::string_view role) {
    return std::find(kCouncilRoles.begin(), kCouncilRoles.end(), role) != kCouncilRoles.end();
}

std::optional<ApiToken> access_of_person(const std::string& person_id,
                                         const std::vector<RoleAssignment>& assignments, Date today,
                                         bool is_admin, const std::string& label) {
    ApiToken t;
    t.person_id = person_id;
    t.label = label;
    if (is_admin) {
        t.role = ApiRole::admin;
        return t;
    }
    std::vector<std::string> regisseur, council, other;
    for (const auto& a : assignments) {
        if (!a.covers(today)) continue;
        if (a.role == kRegisseurRole)
            add_once(regisseur, a.municipality);
        else if (is_council_role(a.role))
            add_once(council, a.municipality);
        else
            add_once(other, a.municipality);
    }
    if (!regisseur.empty()) {
        t.role = ApiRole::regisseur;
        t.municipalities = std::move(regisseur);
    } else if (!council.empty()) {
        t.role = ApiRole::council;
        t.municipalities = std::move(council);
    } else if (!other.empty()) {
        t.role = ApiRole::stakeholder;
        t.municipalities = std::move(other);
    } else {
        return std::nullopt;
    }
    std::sort(t.municipalities.begin(), t.municipalities.end());
    return t;
}

}  // namespace okod
