#pragma once
// "Jaarplan volgend jaar opstellen": next year's plan drawn up from this year's activity
// overview (activiteitenoverzicht), as the regional project does at the end of each year.
// Pure: no store, no clock, no TOML (adapters/year_plan/ writes and stores it).
//
// The rule, in the words of the domain:
//   - The workgroups, their goals and the policy goals per pillar stay as they are: they
//     are set for the whole four-year plan, not for one year.
//   - An activity that is oranje (partly realised, or still running) or rood (not yet
//     realised) comes over: what is not done stays to do. Its remark says so and why,
//     e.g. "overgenomen uit 2025: oranje – 2 van 3 taken gedaan".
//   - A groen activity linked to tasks comes over too: its tasks are work of a workflow
//     okod runs every cycle (the survey, the dialogue, the report), so the activity
//     comes back next year and next year's tasks will give its light.
//   - A groen activity linked to no task was a one-off (a webinar series, a leaflet): it
//     is realised and is left out. Whoever wants it again adds it to the new plan.
// The light and remark are the ones the overview shows (a light set by hand wins). The
// plan's own note of a carried activity (who, when, how) stays after " | "; what an
// earlier draft wrote before it is replaced, so each plan says once where it came from.
#include <string>
#include <string_view>
#include <vector>

#include "model/activity_status.hpp"
#include "model/year_plan.hpp"

namespace okod {

enum class DraftReason {
    unfinished,  // oranje or rood: carried over
    recurring,   // groen and linked to tasks: carried over
    done_once,   // groen and linked to no task: left out
};
std::string_view to_string(DraftReason r);  // "unfinished", "recurring", "done_once"

// What the draft does with one activity of this year's plan, and why.
struct DraftDecision {
    std::string activity;   // its id (the same in both plans)
    std::string workgroup;  // its workgroup id
    Text title;
    TrafficLight light = TrafficLight::rood;  // this year's light
    std::string status_remark;                // this year's remark with that light
    DraftReason reason = DraftReason::unfinished;
    bool carried() const { return reason != DraftReason::done_once; }
    // Carried: why it comes over, as its remark in next year's plan begins (then " | " and
    // the plan's own note); left out: why not. Dutch, as the plans are.
    std::string remark;
};

struct YearPlanDraft {
    YearPlan plan;                         // the plan for overview.year + 1
    std::vector<DraftDecision> decisions;  // one per activity of this year, in its order
};

// `overview` is year_overview() of `plan` (same municipality and year).
YearPlanDraft draft_next_year(const YearPlan& plan, const YearOverview& overview);

}  // namespace okod
