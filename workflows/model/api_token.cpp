#include "model/api_token.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "model/input_rules.hpp"
#include "model/people.hpp"

namespace okod {
namespace {

// A regisseur token is for whoever holds the regisseur role: one word for both.
constexpr std::array<std::pair<ApiRole, std::string_view>, 4> kRoleNames{{
    {ApiRole::admin, "admin"},
    {ApiRole::regisseur, kRegisseurRole},
    {ApiRole::stakeholder, "stakeholder"},
    {ApiRole::council, "council"},
}};

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

std::string_view to_string(ApiRole r) {
    for (const auto& [role, name] : kRoleNames)
        if (role == r) return name;
    return "?";
}

std::vector<std::string> api_role_names() {
    std::vector<std::string> names;
    names.reserve(kRoleNames.size());
    for (const auto& [role, name] : kRoleNames) names.emplace_back(name);
    return names;
}

std::optional<ApiRole> parse_api_role(std::string_view text) {
    for (const auto& [role, name] : kRoleNames)
        if (name == text) return role;
    return std::nullopt;
}

std::string api_token_problem(const ApiToken& t) {
    if (t.role == ApiRole::admin && !t.municipalities.empty())
        return "an admin token covers every municipality: name none";
    if (t.role != ApiRole::admin && t.municipalities.empty())
        return "a " + std::string(to_string(t.role)) + " token needs at least one municipality";
    if (t.role == ApiRole::stakeholder && t.person_id.empty())
        return "a stakeholder token needs the person whose tasks it shows";
    if (blank(t.label)) return "a token needs a label that says whose it is";
    if (auto problem = text_problem("label", t.label)) return *problem;
    return {};
}

}  // namespace okod
