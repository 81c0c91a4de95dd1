#pragma once
// Gathers the yearly report of one municipality from okod's store: the event log of the
// year, the tasks, the running instances, the role holders and the config's success
// conditions. Reads only.
#include <optional>
#include <utility>
#include <vector>

#include "report/annual_report.hpp"

namespace okod {

class Store;
class DefinitionRegistry;

// `now`: okod's clock; a year that is not over yet is reported up to today. `plan`: the
// municipality's plan for that year, if it has one (activities, goals).
AnnualReport build_annual_report(Store& store, const DefinitionRegistry& definitions,
                                 const Municipality& m, int year, Language language, Instant now,
                                 const YearPlan* plan = nullptr);

// How a goal stands: groen when its latest value meets the target, oranje when it moved
// from the baseline the right way, rood when it did not or was never measured.
TrafficLight goal_light(const PolicyGoal& g, const std::vector<std::pair<int, double>>& measured);
// The last value measured after the baseline year, if any.
std::optional<std::pair<int, double>> latest_measurement(
    const PolicyGoal& g, const std::vector<std::pair<int, double>>& measured);

}  // namespace okod
