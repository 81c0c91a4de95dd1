#pragma once
// A year plan written as the TOML file one would put in plans/<CODE>-<YEAR>.toml: what
// okod stores for a plan drafted in the browser or by okoctl, and what it exports. The
// loader (year_plan_loader.hpp) reads it back to the same plan. Stateless; toml++ stays
// in the .cpp.
#include <string>
#include <vector>

#include "model/year_plan.hpp"

namespace okod {

// `comments` open the file, each as a "# " line (who drafted it, from which year).
std::string year_plan_toml(const YearPlan& plan, const std::vector<std::string>& comments = {});

}  // namespace okod
