#include "model/year_plan.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace okod {
namespace {

constexpr std::array<std::pair<Pillar, std::string_view>, 7> kPillars{{
    {Pillar::aanbod, "aanbod"},
    {Pillar::vraag, "vraag"},
    {Pillar::schade, "schade"},
    {Pillar::omgeving, "omgeving"},
    {Pillar::ouders, "ouders"},
    {Pillar::school, "school"},
    {Pillar::vrije_tijd, "vrije_tijd"},
}};

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool is_id(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_id_char); }

}  // namespace

std::string to_string(const TaskSelector& s) { return s.workflow + "/" + s.task; }

std::optional<TaskSelector> parse_task_selector(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto workflow = text.substr(0, slash);
    const auto task = text.substr(slash + 1);
    if (!is_id(workflow) || !is_id(task)) return std::nullopt;
    return TaskSelector{std::string(workflow), std::string(task)};
}

std::string_view to_string(Pillar p) {
    for (const auto& [pillar, name] : kPillars)
        if (pillar == p) return name;
    return "vraag";
}

std::optional<Pillar> parse_pillar(std::string_view text) {
    for (const auto& [pillar, name] : kPillars)
        if (name == text) return pillar;
    return std::nullopt;
}

std::string_view to_string(Direction d) { return d == Direction::down ? "down" : "up"; }

std::optional<Direction> parse_direction(std::string_view text) {
    if (text == "down") return Direction::down;
    if (text == "up") return Direction::up;
    return std::nullopt;
}

const Activity* YearPlan::activity(const std::string& id) const {
    for (const auto& a : activities)
        if (a.id == id) return &a;
    return nullptr;
}

const Workgroup* YearPlan::workgroup(const std::string& id) const {
    for (const auto& w : workgroups)
        if (w.id == id) return &w;
    return nullptr;
}

std::vector<std::string> YearPlan::activity_ids() const {
    std::vector<std::string> ids;
    for (const auto& a : activities) ids.push_back(a.id);
    return ids;
}

const YearPlan* find_plan(const std::vector<YearPlan>& plans, const std::string& municipality,
                          int year) {
    for (const auto& p : plans)
        if (p.municipality == municipality && p.year == year) return &p;
    return nullptr;
}

}  // namespace okod
