#include "definition/definition.hpp"

#include "model/municipality.hpp"

namespace okod {

int resolve_years(const YearsSetting& y, const Municipality& m) {
    if (y.setting.empty()) return y.value;
    if (y.setting == "cycle_years") return m.cycle_years;
    if (y.setting == "survey_every_years") return m.survey_every_years;
    if (y.setting == "trajectory_years") return m.trajectory_years;
    return y.value;
}

const StateSpec* Definition::state(std::string_view state_id) const {
    for (const auto& s : states)
        if (s.id == state_id) return &s;
    return nullptr;
}

}  // namespace okod
