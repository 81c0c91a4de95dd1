#pragma once
// The traffic-light model the OKO programme reports in: groen, oranje, rood. For a
// task it answers "how worried should the regisseur be about this deadline today".
#include <optional>
#include <string_view>

#include "model/instance.hpp"

namespace okod {

enum class TrafficLight { groen, oranje, rood };

std::string_view to_string(TrafficLight l);  // "groen", "oranje", "rood"

// The light of an open task at `now`: rood once its deadline has passed, oranje once
// its first reminder is due (the earliest lead time; two weeks when it has none),
// groen before that. Closed tasks and tasks without a deadline have no light.
std::optional<TrafficLight> traffic_light(const Task& t, Instant now);

}  // namespace okod
