#include "model/capacity.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace okod {
namespace {

constexpr double kEpsilon = 1e-9;  // 0.1 + 0.2 must count as 0.3

}  // namespace

bool Capacity::below_norm() const {
    return recorded &&
           (total + kEpsilon < norm.total_fte || regisseur + kEpsilon < norm.regisseur_fte);
}

Capacity capacity_on(const std::vector<RoleAssignment>& assignments, const Municipality& m,
                     Date day) {
    Capacity c;
    c.norm = m.capacity;
    for (const auto& a : assignments) {
        if (!a.covers(day) || !a.fte) continue;
        c.recorded = true;
        c.total += *a.fte;
        if (a.role == kRegisseurRole) c.regisseur += *a.fte;
    }
    return c;
}

std::string format_fte(double fte) {
    std::string text = fmt::format("{:.2f}", fte);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

}  // namespace okod
