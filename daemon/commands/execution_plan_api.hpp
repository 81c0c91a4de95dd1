#pragma once
// `okoctl execution-plan list|add|set|remove` through okod's API (GET, POST, PUT and
// DELETE /api/v1/municipalities/{code}/execution-plan[/{id}]), for a regisseur away from
// okod's server. okod changes its own store on its own clock, so --store and --at are
// refused (exit 2). The output is the local commands': okod answers with the action as
// stored (and, for a change, what changed).
#include <iosfwd>

#include "daemon/commands/execution_plan_command.hpp"
#include "daemon/commands/execution_plan_text.hpp"
#include "daemon/commands/view_or_exit.hpp"

namespace okod {

// The plan as okod's API has it, for print_execution_plan_view.
ViewOrExit<ExecutionPlanView> execution_plan_view_from_api(const ExecutionPlanListArgs& args,
                                                           std::ostream& err);
int run_execution_plan_add_api(const ExecutionPlanAddArgs& args,
                               const ExecutionActionChange& change, std::ostream& out,
                               std::ostream& err);
int run_execution_plan_set_api(const ExecutionPlanSetArgs& args,
                               const ExecutionActionChange& change, std::ostream& out,
                               std::ostream& err);
int run_execution_plan_remove_api(const ExecutionPlanRemoveArgs& args, std::ostream& out,
                                  std::ostream& err);

}  // namespace okod
