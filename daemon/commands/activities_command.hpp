#pragma once
// `okoctl activities`: the year plan's activity overview (activiteitenoverzicht).
//   list  per workgroup its goals and activities with their traffic light (groen,
//         oranje, rood), remark and where the light comes from; counts per light
//   set   an activity's light by hand, with a remark; it wins over the light its
//         tasks give (model/activity_status.hpp has the rule)
//
// Local store mode, like `okoctl people`: okod's store on okod's clock (its demo clock
// when the store has one, else the wall clock, or --at). The plans come from the
// config (plans_dir); a set goes through the engine: one transaction, logged as
// activity_status_set.
//
// Exit codes: 0 done; 1 unknown municipality, plan or activity (nothing changed), the
// engine refused, the config does not load or there is no store; 2 a bad argument
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

int run_activities_list(const ActivitiesListArgs& args, std::ostream& out, std::ostream& err);
int run_activities_set(const ActivitiesSetArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
