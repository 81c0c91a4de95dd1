#pragma once
// Loads year plans (jaarplannen) from TOML: one file per municipality and year,
// named <CODE>-<YEAR>.toml (e.g. GM0935-2026.toml) in the plans directory
// ([municipalities] plans_dir in okod.toml; default <municipalities dir>/plans).
//
//   municipality = "GM0935"          # must match the file name
//   year = 2026                      # must match the file name
//   [[workgroups]]
//   id = "monitor"
//   name = "Monitor"                 # a string (Dutch) or { nl = "...", en = "..." }
//   goals = ["Jeugdmonitor in het najaar afnemen", { nl = "...", en = "..." }]
//   [[activities]]
//   id = "jeugdmonitor-afname"
//   workgroup = "monitor"
//   title = "Jeugdmonitor afnemen op alle vo-scholen"
//   tasks = ["oko-cycle/survey-prepare", "oko-cycle/survey"]   # workflow/task, optional
//   remark = "..."                   # optional
//   [[policy_goals]]
//   id = "alcohol-maandgebruik"
//   pillar = "vraag"                 # aanbod vraag schade omgeving ouders school vrije_tijd
//   indicator = "alcohol_last_month"
//   description = "Minder jongeren van 13-16 jaar drinken in de afgelopen maand alcohol"
//   population = "13-16"
//   unit = "%"                       # optional, default "%"
//   baseline = { value = 21.0, year = 2021 }
//   target = { value = 15.0, year = 2027 }
//   direction = "down"               # down (lower is better) or up
//
// Every problem is a LoadError with file:line:col; unknown keys are errors. Stateless
// functions: safe from any thread. toml++ stays in the .cpp.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "definition/definition.hpp"
#include "definition/load_error.hpp"
#include "definition/registry.hpp"
#include "model/municipality.hpp"
#include "model/year_plan.hpp"

namespace okod {

// A plan with where its task selectors were written, so that checking them against
// the definitions (which the config loader does not have) can still point at them.
struct LoadedYearPlan {
    YearPlan plan;
    std::string file;
    std::vector<std::vector<SourcePos>> task_positions;  // [activity][selector]
};

// One plan file; nullopt (with every problem in `errors`) unless it is entirely valid.
// `municipalities` are the configured ones: a plan for another is an error.
std::optional<LoadedYearPlan> load_year_plan(const std::filesystem::path& file,
                                             const std::vector<Municipality>& municipalities,
                                             std::vector<LoadError>& errors);

// The TOML text of the plan of `municipality` for `year` from elsewhere than a file (one
// drafted in okod and kept in the store), read exactly as <municipality>-<year>.toml
// would be; its errors name `source`, e.g. "store: GM0935-2027".
std::optional<LoadedYearPlan> load_year_plan_text(std::string_view text, const std::string& source,
                                                  const std::string& municipality, int year,
                                                  const std::vector<Municipality>& municipalities,
                                                  std::vector<LoadError>& errors);

// Every *.toml in `dir`, in file-name order; none when `dir` does not exist. Two plans
// for the same municipality and year cannot exist (the file name is the key).
std::vector<LoadedYearPlan> load_year_plans(const std::filesystem::path& dir,
                                            const std::vector<Municipality>& municipalities,
                                            std::vector<LoadError>& errors);

// The task selectors of every plan against the definitions okod runs: the workflow
// must exist and be run by the plan's municipality, and the task must be one of its
// tasks (in any state). Appends problems at the selector's position.
void check_plan_tasks(const std::vector<LoadedYearPlan>& plans,
                      const std::vector<Municipality>& municipalities,
                      const DefinitionRegistry& definitions, std::vector<LoadError>& errors);

// The plan of `municipality` for `year`, if one was loaded.
const YearPlan* find_plan(const std::vector<LoadedYearPlan>& plans, const std::string& municipality,
                          int year);

}  // namespace okod
