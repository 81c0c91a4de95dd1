#pragma once
// `okoctl execution-plan`: the execution plan after a Scanner (uitvoeringsplan), per
// recommendation the actions with the fields of the fill-in table, priority and a
// traffic light (model/execution_plan.hpp).
//   list    per recommendation (in the municipality's order) an aligned table of its
//           actions, counts per light; --full adds each action's whole fill-in table;
//           --json one action per line, as okod's API has them
//   add     a new action: --recommendation (its text or number) and --intervention
//           are required, every other field optional (priority middel, status rood)
//   set     change the fields given of action --id; the others stay
//   remove  remove action --id
//
// Locally (on okod's server) it works on okod's store through the engine, like
// `okoctl activities`: one transaction per command, logged as execution_action_added,
// _changed or _removed, on okod's clock (or --at). With --url or $OKOD_URL it goes
// through okod's API instead (execution_plan_api.hpp), where --store and --at are
// refused.
//
// Exit codes: 0 done; 1 refused (unknown municipality or action id, a rule such as a
// blank intervention or an unknown recommendation: nothing changed), the config does
// not load or there is no store; 2 a bad argument (CLI11 checks the CBS code, money,
// FTE, priority, status and yes/no). Through the API: daemon/client/exit_codes.hpp.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "daemon/commands/store_or_api_options.hpp"
#include "model/execution_plan.hpp"

namespace okod {

// The fields of the fill-in table as given on the command line; unset: not given.
struct ExecutionActionArgs {
    std::optional<std::string> recommendation;
    std::optional<std::string> intervention;
    std::optional<std::string> relevance;
    std::optional<std::string> feasibility;
    std::optional<std::string> money;  // whole euros; "" clears (set)
    std::optional<std::string> fte;    // 0 to 100, decimal comma or point; "" clears (set)
    std::optional<std::string> other_resources;
    std::optional<std::string> effectiveness;
    std::optional<std::string> recognised;  // yes | no (ja | nee)
    std::optional<std::string> obstacles;
    std::optional<std::string> period;
    std::optional<std::string> responsible;
    std::optional<std::string> priority;  // hoog | middel | laag
    std::optional<std::string> considerations;
    std::optional<std::string> status;  // groen | oranje | rood
    std::optional<std::string> remark;
};

// The change those arguments make; nullopt with the problem in `error` when one of
// them does not parse (CLI11 checked them already; this is the second line).
std::optional<ExecutionActionChange> change_of(const ExecutionActionArgs& args, std::string& error);

struct ExecutionPlanListArgs {
    StoreOrApiOptions common;  // --config, --store, --at, --url, --token-file
    std::string municipality;
    bool json = false;
    bool full = false;
};

struct ExecutionPlanAddArgs {
    StoreOrApiOptions common;
    std::string municipality;
    ExecutionActionArgs fields;
};

struct ExecutionPlanSetArgs {
    StoreOrApiOptions common;
    std::string municipality;
    std::int64_t id = 0;
    ExecutionActionArgs fields;
};

struct ExecutionPlanRemoveArgs {
    StoreOrApiOptions common;
    std::string municipality;
    std::int64_t id = 0;
};

int run_execution_plan_list(const ExecutionPlanListArgs& args, std::ostream& out,
                            std::ostream& err);
int run_execution_plan_add(const ExecutionPlanAddArgs& args, std::ostream& out, std::ostream& err);
int run_execution_plan_set(const ExecutionPlanSetArgs& args, std::ostream& out, std::ostream& err);
int run_execution_plan_remove(const ExecutionPlanRemoveArgs& args, std::ostream& out,
                              std::ostream& err);

}  // namespace okod
