#pragma once
// The traffic light of a year-plan activity, and the year overview (activiteiten-
// overzicht) built from them. Pure functions: no store, no clock.
//
// The light of an activity at `now`, first rule that applies:
//   1. A status set by hand (okoctl activities set: light, remark, who, when) wins and
//      keeps its remark. source = manual.
//   2. An activity linked to no task: rood "nog geen status", source = none; its
//      status is only ever set by hand.
//   3. The linked tasks are the municipality's tasks matching one of the activity's
//      selectors (workflow + task id) whose deadline falls in the plan's year
//      (Europe/Amsterdam; a task without deadline counts in the year it was created).
//      No linked task yet: oranje "gepland" while the year is still ahead, else rood
//      "nog niet gestart". source = derived (as in all cases below).
//   4. Every linked task done: groen.
//   5. Some done (others open, overdue or skipped): oranje, "2 van 3 taken gedaan".
//   6. None done and at least one past its deadline (overdue, or open with the
//      deadline passed): rood.
//   7. None done, some still open and not yet due: oranje, "loopt".
//   8. None done and none open (every one skipped): rood. A skipped task is never
//      realised: it counts against groen wherever it appears.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/instance.hpp"
#include "model/traffic_light.hpp"
#include "model/year_plan.hpp"

namespace okod {

std::optional<TrafficLight> parse_traffic_light(std::string_view text);  // "groen", ...

// A status set by hand for one activity of one year's plan (store: activity_status).
struct ActivityOverride {
    std::string municipality;
    int year = 0;
    std::string activity;
    TrafficLight light = TrafficLight::rood;
    std::string remark;
    std::string set_by;
    Instant set_at{};
    friend bool operator==(const ActivityOverride&, const ActivityOverride&) = default;
};

enum class StatusSource { derived, manual, none };
std::string_view to_string(StatusSource s);  // "derived", "manual", "none"

struct ActivityStatus {
    TrafficLight light = TrafficLight::rood;
    std::string remark;  // in the overview's language (a manual remark as it was typed)
    StatusSource source = StatusSource::none;
    // What the linked tasks say, also when a manual status overrides it.
    TrafficLight derived_light = TrafficLight::rood;
    std::string derived_remark;
    int linked_tasks = 0;
    int done_tasks = 0;
    std::optional<ActivityOverride> manual;  // set when source == manual
};

// `tasks` are the plan's municipality's tasks (any year; the rule picks the year's).
// The derived remarks are in `language` ("2 van 3 taken gedaan" / "2 of 3 tasks done").
ActivityStatus status_of(const Activity& activity, int year, const std::vector<Task>& tasks,
                         const std::optional<ActivityOverride>& override_, Instant now,
                         Language language = Language::nl);

struct LightCounts {
    int groen = 0;
    int oranje = 0;
    int rood = 0;
    void add(TrafficLight l);
    int total() const { return groen + oranje + rood; }
};

struct ActivityLine {
    Activity activity;
    ActivityStatus status;
};

struct WorkgroupOverview {
    Workgroup workgroup;
    std::vector<ActivityLine> activities;  // in the plan's order
    LightCounts counts;
};

// The activity overview of a year: per workgroup its goals and activities with their
// lights, and the counts per light over the whole plan. Overrides for activities no
// longer in the plan are left out.
struct YearOverview {
    std::string municipality;
    int year = 0;
    std::vector<WorkgroupOverview> workgroups;  // in the plan's order
    LightCounts counts;
};

YearOverview year_overview(const YearPlan& plan, const std::vector<Task>& tasks,
                           const std::vector<ActivityOverride>& overrides, Instant now,
                           Language language = Language::nl);

}  // namespace okod
