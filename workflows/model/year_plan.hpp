#pragma once
// The year plan (jaarplan) of a municipality or regional project: its workgroups with
// their goals, the activities they carry out (each optionally linked to workflow
// tasks, so its traffic light follows from the work), and the policy goals per pillar
// of the drug-prevention model plan (indicator, baseline, target). Loaded from
// config/municipalities/plans/<CODE>-<YEAR>.toml (adapters/year_plan/). Plain values.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/text.hpp"

namespace okod {

struct Workgroup {
    std::string id;  // e.g. "monitor"
    Text name;       // e.g. "Monitor"
    std::vector<Text> goals;
    friend bool operator==(const Workgroup&, const Workgroup&) = default;
};

// Which tasks an activity stands for: every task of workflow `workflow` with spec id
// `task` (Task::workflow, Task::spec_id) in the plan's municipality, due in the plan's
// year. Written "oko-cycle/survey" in a plan file.
struct TaskSelector {
    std::string workflow;
    std::string task;
    friend bool operator==(const TaskSelector&, const TaskSelector&) = default;
};

std::string to_string(const TaskSelector& s);  // "workflow/task"
std::optional<TaskSelector> parse_task_selector(std::string_view text);

struct Activity {
    std::string id;         // unique within the plan, e.g. "jeugdmonitor-afname"
    std::string workgroup;  // a Workgroup::id of the same plan
    Text title;
    std::vector<TaskSelector> tasks;  // empty: the status is only ever set by hand
    std::string remark;               // the plan's own note (who, when, how)
    friend bool operator==(const Activity&, const Activity&) = default;
};

// The three pillars of the harm-minimisation model, and the settings the OKO goals
// are also written for.
enum class Pillar { aanbod, vraag, schade, omgeving, ouders, school, vrije_tijd };
std::string_view to_string(Pillar p);  // "aanbod", ..., "vrije_tijd"
std::optional<Pillar> parse_pillar(std::string_view text);

enum class Direction { down, up };  // down: lower is better (use), up: higher (e.g. rules at home)
std::string_view to_string(Direction d);
std::optional<Direction> parse_direction(std::string_view text);

struct GoalPoint {
    double value = 0;
    int year = 0;
    friend bool operator==(const GoalPoint&, const GoalPoint&) = default;
};

// "Monthly alcohol use of pupils aged 13-16 falls from 21.0 % (2021) to 15.0 % by 2027".
// Measurements over time come from the store (survey imports), matched on
// (municipality, indicator, population).
struct PolicyGoal {
    std::string id;
    Pillar pillar = Pillar::vraag;
    std::string indicator;  // e.g. "alcohol_last_month"
    Text description;
    std::string population;  // e.g. "13-16" or "13"
    std::string unit = "%";
    GoalPoint baseline;
    GoalPoint target;
    Direction direction = Direction::down;
    friend bool operator==(const PolicyGoal&, const PolicyGoal&) = default;
};

struct YearPlan {
    std::string municipality;  // CBS code
    int year = 0;
    std::vector<Workgroup> workgroups;  // in the plan's order
    std::vector<Activity> activities;   // in the plan's order
    std::vector<PolicyGoal> policy_goals;

    const Activity* activity(const std::string& id) const;
    const Workgroup* workgroup(const std::string& id) const;
    std::vector<std::string> activity_ids() const;  // in the plan's order
    friend bool operator==(const YearPlan&, const YearPlan&) = default;
};

// The plan of `municipality` for `year` among `plans`, if any.
const YearPlan* find_plan(const std::vector<YearPlan>& plans, const std::string& municipality,
                          int year);

}  // namespace okod
