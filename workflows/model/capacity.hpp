#pragma once
// The success condition "enough capacity": the FTE recorded on the roles held on a
// day, against the municipality's norm (1.5 FTE in all, 0.6 for the project leader).
// One computation for the engine's watch and for `okoctl people list`.
#include <string>
#include <vector>

#include "model/municipality.hpp"
#include "model/people.hpp"

namespace okod {

struct Capacity {
    bool recorded = false;  // any FTE on the roles held that day; without it, no verdict
    double total = 0;
    double regisseur = 0;
    CapacityNorm norm;

    bool below_norm() const;
};

Capacity capacity_on(const std::vector<RoleAssignment>& assignments, const Municipality& m,
                     Date day);

// 0.6 -> "0,6", 1.0 -> "1": FTE as a Dutch municipality writes it.
std::string format_fte(double fte);

}  // namespace okod
