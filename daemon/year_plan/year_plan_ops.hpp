#pragma once
// The year plan's operations, shared by the API (daemon/api/routes/year_plan_routes.cpp)
// and okoctl (daemon/commands/activities_command.cpp), so that the browser, a script and
// the command line check, write and log exactly the same:
//   overview     the activity overview (activiteitenoverzicht) of a year's plan
//   set light    an activity's traffic light by hand, with a remark (activity_status_set)
//   draft next   next year's plan from this year's overview (model/year_plan_draft.hpp),
//                stored as TOML (year_plan_drafted); a dry run only shows it
//   export       the TOML one would put in plans/<CODE>-<YEAR>.toml
// The plans themselves are looked up in one place: YearPlans (year_plan_lookup.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "adapters/year_plan/year_plan_lookup.hpp"
#include "engine/engine.hpp"
#include "model/activity_status.hpp"
#include "model/year_plan_draft.hpp"

namespace okod {

// The overview of `plan` at `now`, derived remarks in `language`.
YearOverview overview_of_plan(Store& store, const YearPlan& plan, Instant now, Language language);

// "no year plan for GM0935 in 2024 (plans for GM0935: 2025, 2026)"; a `hint` goes
// inside the brackets after "; ".
std::string no_plan_message(const std::string& municipality, int year,
                            const std::vector<int>& years, const std::string& hint = {});

// The light by hand through the engine. Refused (invalid) with a sentence naming what is
// allowed: a light other than groen, oranje or rood, an activity not in `plan`, a blank
// remark (the engine's rule).
CommandResult set_activity_light(Engine& engine, const YearPlan& plan, const std::string& activity,
                                 std::string_view light, const std::string& remark,
                                 const std::string& by);

struct DraftResult : CommandResult {
    int year = 0;  // the year drafted (the plan's year + 1)
    YearPlanDraft draft;
    std::string toml;  // as stored (or as it would be)
};

// Next year's plan from `year`'s: refused not_found when `year` has no plan, conflict
// when year + 1 has one (file or store). Checked by loading its TOML back with the
// files' loader before anything is stored. `engine` null: a dry run, nothing written.
DraftResult draft_next_year_plan(const YearPlans& plans, Store& store, Engine* engine,
                                 const std::string& municipality, int year, Instant now,
                                 const std::string& by);

// The plan as a plans/ file: a stored plan's own TOML, a file's plan written anew.
std::string year_plan_export(const FoundYearPlan& found);

}  // namespace okod
