#include "definition/definition.hpp"

#include <algorithm>
#include <array>

#include "model/municipality.hpp"

namespace okod {
namespace {

// The numbers every municipality has, by the name a definition uses for them.
struct MunicipalitySetting {
    std::string_view name;
    int Municipality::*value;
};
constexpr std::array<MunicipalitySetting, 3> kMunicipalitySettings{{
    {"cycle_years", &Municipality::cycle_years},
    {"survey_every_years", &Municipality::survey_every_years},
    {"trajectory_years", &Municipality::trajectory_years},
}};

}  // namespace

bool is_municipality_setting(std::string_view name) {
    for (const auto& s : kMunicipalitySettings)
        if (s.name == name) return true;
    return false;
}

std::string municipality_setting_names() {
    std::string out;
    for (const auto& s : kMunicipalitySettings)
        out += (out.empty() ? "" : ", ") + std::string(s.name);
    return out;
}

int resolve_years(const YearsSetting& y, const Municipality& m) {
    for (const auto& s : kMunicipalitySettings)
        if (s.name == y.setting) return m.*(s.value);
    return y.value;
}

int resolve_setting(const std::string& name, const Definition& d, const Municipality& m) {
    if (is_municipality_setting(name)) return resolve_years(YearsSetting{0, name}, m);
    if (auto it = m.settings.find(name); it != m.settings.end()) return it->second;
    if (auto it = d.settings.find(name); it != d.settings.end()) return it->second;
    return 0;
}

int municipality_setting_or(const Municipality& m, const std::string& name, int fallback, int lo,
                            int hi) {
    const auto it = m.settings.find(name);
    return it == m.settings.end() ? fallback : std::clamp(it->second, lo, hi);
}

int resolve_setting(const YearsSetting& y, const Definition& d, const Municipality& m) {
    return y.setting.empty() ? y.value : resolve_setting(y.setting, d, m);
}

std::string_view to_string(StartTrigger t) {
    switch (t) {
        case StartTrigger::date:
            return "date";
        case StartTrigger::election:
            return "election";
        case StartTrigger::role_leave:
            return "role_leave";
        case StartTrigger::budget_line:
            return "budget_line";
        case StartTrigger::capacity_shortfall:
            return "capacity_shortfall";
    }
    return "date";
}

std::optional<StartTrigger> parse_start_trigger(std::string_view text) {
    for (auto t : {StartTrigger::date, StartTrigger::election, StartTrigger::role_leave,
                   StartTrigger::budget_line, StartTrigger::capacity_shortfall})
        if (to_string(t) == text) return t;
    return std::nullopt;
}

const std::vector<std::string_view>& trigger_params(StartTrigger t) {
    static const std::vector<std::string_view> none;
    static const std::vector<std::string_view> election{"election"};
    static const std::vector<std::string_view> leave{"role",        "role_name",     "leaver",
                                                     "leaver_name", "leave_date",    "coordinator",
                                                     "successor",   "successor_name"};
    static const std::vector<std::string_view> budget{"budget_line", "budget_name", "budget_end",
                                                      "budget_amount"};
    static const std::vector<std::string_view> capacity{"total_fte", "regisseur_fte",
                                                        "norm_total_fte", "norm_regisseur_fte"};
    switch (t) {
        case StartTrigger::date:
            return none;
        case StartTrigger::election:
            return election;
        case StartTrigger::role_leave:
            return leave;
        case StartTrigger::budget_line:
            return budget;
        case StartTrigger::capacity_shortfall:
            return capacity;
    }
    return none;
}

const std::vector<std::string_view>& trigger_dates(StartTrigger t) {
    static const std::vector<std::string_view> none;
    static const std::vector<std::string_view> election{"election"};
    static const std::vector<std::string_view> leave{"leave_date"};
    static const std::vector<std::string_view> budget{"budget_end"};
    if (t == StartTrigger::election) return election;
    if (t == StartTrigger::role_leave) return leave;
    if (t == StartTrigger::budget_line) return budget;
    return none;
}

const std::vector<std::string_view>& trigger_roles(StartTrigger t) {
    static const std::vector<std::string_view> none;
    static const std::vector<std::string_view> leave{"role", "coordinator"};
    return t == StartTrigger::role_leave ? leave : none;
}

const std::vector<std::string_view>& trigger_people(StartTrigger t) {
    static const std::vector<std::string_view> none;
    static const std::vector<std::string_view> leave{"leaver", "successor"};
    return t == StartTrigger::role_leave ? leave : none;
}

const StateSpec* Definition::state(std::string_view state_id) const {
    for (const auto& s : states)
        if (s.id == state_id) return &s;
    return nullptr;
}

}  // namespace okod
