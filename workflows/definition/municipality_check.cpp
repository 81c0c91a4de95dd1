#include "definition/municipality_check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "definition/named_moments.hpp"

namespace okod {
namespace {

void check_workflows(const Municipality& m, const DefinitionRegistry& defs, const std::string& dir,
                     std::vector<LoadError>& errors) {
    auto error = [&](std::string message) { errors.push_back({dir, 0, 0, std::move(message)}); };
    for (const auto& id : m.workflows) {
        const Definition* d = defs.latest(id);
        if (!d) {
            error(fmt::format("{} runs unknown workflow '{}' (known: {})", m.code, id,
                              fmt::join(defs.ids(), ", ")));
            continue;
        }
        for (const auto& date : d->required_dates)
            if (!m.dates.count(date))
                error(fmt::format("{} runs '{}', which needs [dates] {}", m.code, id, date));
        for (const auto& list : d->required_lists)
            if (!m.lists.count(list))
                error(fmt::format("{} runs '{}', which needs [lists] {}", m.code, id, list));
        const std::string& at = d->start.at;
        if (!is_start_moment(at) && !m.dates.count(at))
            error(fmt::format("{} runs '{}', which starts at [dates] {}", m.code, id, at));
    }
}

void check_settings(const Municipality& m, const DefinitionRegistry& defs, const std::string& dir,
                    std::vector<LoadError>& errors) {
    for (const auto& setting : m.settings) {
        const std::string& name = setting.first;  // a plain name: lambdas capture it (clang 14)
        const bool declared =
            std::any_of(m.workflows.begin(), m.workflows.end(), [&](const auto& id) {
                const Definition* d = defs.latest(id);
                return d && d->settings.count(name);
            });
        if (!declared)
            errors.push_back(
                {dir, 0, 0,
                 fmt::format("{}: [settings] {} is not a setting of any workflow it runs", m.code,
                             name)});
        // A setting named *_month is a calendar month (the survey window's months).
        const bool month = name.size() > 6 && name.compare(name.size() - 6, 6, "_month") == 0;
        if (month && (setting.second < 1 || setting.second > 12))
            errors.push_back({dir, 0, 0,
                              fmt::format("{}: [settings] {} must be a month, 1 to 12, not {}",
                                          m.code, name, setting.second)});
    }
}

}  // namespace

std::vector<LoadError> check_municipalities(const std::vector<Municipality>& municipalities,
                                            const std::vector<RoleAssignment>& assignments,
                                            const DefinitionRegistry& definitions,
                                            const std::string& municipalities_dir) {
    std::vector<LoadError> errors;
    const std::string& dir = municipalities_dir;
    for (const auto& m : municipalities) check_workflows(m, definitions, dir, errors);
    for (const auto& m : municipalities) check_settings(m, definitions, dir, errors);
    const RoleCatalog& roles = definitions.roles();
    for (const auto& a : assignments)
        if (!roles.contains(a.role))
            errors.push_back(
                {dir, 0, 0,
                 fmt::format("{}: person '{}' holds unknown role '{}' (known roles: {})",
                             a.municipality, a.person_id, a.role, roles.ids())});
    return errors;
}

}  // namespace okod
