#pragma once
// `okoctl activities`: the year plan's activity overview (activiteitenoverzicht).
//   list  per workgroup its goals and activities with their traffic light (groen,
//         oranje, rood), remark and where the light comes from; counts per light
//   set   an activity's light by hand, with a remark; it wins over the light its
//         tasks give (model/activity_status.hpp has the rule)
//   draft-next  next year's plan from this year's overview: orange and red come over
//         (model/year_plan_draft.hpp has the rule), stored in okod; --dry-run shows it
//   export  the plan as the TOML file one would put in plans/
//
// Local store mode, like `okoctl people`: okod's store on okod's clock (its demo clock
// when the store has one, else the wall clock, or --at). The plans come from the
// config (plans_dir) and the store (drafted plans win: year_plan_lookup.hpp); a set or a
// draft goes through the engine (daemon/year_plan/year_plan_ops.hpp, as the API does):
// one transaction, logged as activity_status_set or year_plan_drafted.
//
// Exit codes: 0 done; 1 unknown municipality, plan or activity (nothing changed), the
// engine refused, the config does not load or there is no store; 5 draft-next when next
// year has a plan already (file or store); 2 a bad argument
// (CLI11 checks the status, the year and that a remark is given).
#include <iosfwd>
#include <string>

#include "daemon/commands/store_or_api_options.hpp"

namespace okod {

struct ActivitiesListArgs {
    StoreOptions common;  // --config, --store, --at (no --url: local only)
    std::string municipality;
    int year = 0;  // 0: the current year on okod's clock
    bool json = false;
};

struct ActivitiesSetArgs {
    StoreOptions common;
    std::string activity;
    std::string municipality;
    int year = 0;
    std::string status;  // groen | oranje | rood
    std::string remark;
};

struct ActivitiesExportArgs {
    StoreOptions common;
    std::string municipality;
    int year = 0;
    std::string output;  // "" or "-": standard output
};

struct ActivitiesDraftArgs {
    StoreOptions common;
    std::string municipality;
    int year = 0;  // the year drafted from; the plan is for year + 1
    bool dry_run = false;
};

int run_activities_list(const ActivitiesListArgs& args, std::ostream& out, std::ostream& err);
int run_activities_set(const ActivitiesSetArgs& args, std::ostream& out, std::ostream& err);
int run_activities_export(const ActivitiesExportArgs& args, std::ostream& out, std::ostream& err);
int run_activities_draft_next(const ActivitiesDraftArgs& args, std::ostream& out,
                              std::ostream& err);

}  // namespace okod
