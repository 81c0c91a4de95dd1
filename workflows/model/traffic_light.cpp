#include "model/traffic_light.hpp"

#include <algorithm>

namespace okod {

namespace {
// When a task names no reminders, it turns oranje two weeks ahead.
constexpr int kDefaultWarnDays = 14;
}  // namespace

std::string_view to_string(TrafficLight l) {
    switch (l) {
        case TrafficLight::groen:
            return "groen";
        case TrafficLight::oranje:
            return "oranje";
        case TrafficLight::rood:
            return "rood";
    }
    return "groen";
}

std::optional<TrafficLight> traffic_light(const Task& t, Instant now) {
    if (is_closed(t.status) || !t.due) return std::nullopt;
    if (t.status == TaskStatus::overdue || *t.due <= now) return TrafficLight::rood;
    const int warn_days = t.remind_days.empty()
                              ? kDefaultWarnDays
                              : *std::max_element(t.remind_days.begin(), t.remind_days.end());
    // Calendar days are close enough here: the light is for the eye, not for a mail.
    if (*t.due - now <= std::chrono::hours(24) * std::max(warn_days, 1))
        return TrafficLight::oranje;
    return TrafficLight::groen;
}

}  // namespace okod
