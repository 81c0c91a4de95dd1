#include "adapters/year_plan/year_plan_lookup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace okod {

std::string stored_plan_source(const std::string& municipality, int year) {
    return fmt::format("store: {}-{}", municipality, year);
}

std::optional<FoundYearPlan> YearPlans::find(const std::string& municipality, int year) const {
    if (auto stored = store_.stored_year_plan(municipality, year)) {
        std::vector<LoadError> errors;
        auto loaded = load_year_plan_text(stored->toml, stored_plan_source(municipality, year),
                                          municipality, year, config_.municipalities, errors);
        if (!loaded) {
            std::string all;
            for (const auto& e : errors) all += (all.empty() ? "" : "; ") + e.to_string();
            throw std::runtime_error("the year plan in the store does not load: " + all);
        }
        return FoundYearPlan{std::move(*loaded), std::move(stored)};
    }
    for (const auto& p : config_.plans)
        if (p.plan.municipality == municipality && p.plan.year == year)
            return FoundYearPlan{p, std::nullopt};
    return std::nullopt;
}

std::vector<int> YearPlans::years(const std::string& municipality) const {
    std::vector<int> out = store_.stored_year_plan_years(municipality);
    for (const auto& p : config_.plans)
        if (p.plan.municipality == municipality) out.push_back(p.plan.year);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace okod
