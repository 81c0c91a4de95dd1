#pragma once
// The execution plan at a terminal, in Dutch as a project leader reads it: per
// recommendation an aligned table of its actions, or one action's whole fill-in table.
// The same for the local store and okod's API (both give an ExecutionPlanView).
#include <boost/json/array.hpp>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "model/execution_plan.hpp"

namespace okod {

// What `okoctl execution-plan list` shows, read from okod's store or from GET
// /api/v1/municipalities/{code}/execution-plan.
struct ExecutionPlanView {
    std::string municipality_name;
    ExecutionPlan plan;
    boost::json::array actions;  // for --json: each action as okod's API spells it, in order
};

// The plan's table (print_execution_plan), or with `json` one action per line.
void print_execution_plan_view(const ExecutionPlanView& view, bool full, bool json,
                               std::ostream& out);

// "Uitvoeringsplan Maastricht (GM0935): ...", then per recommendation its table (long
// texts wrap within their column; `full` adds each action's fill-in table below it).
void print_execution_plan(const ExecutionPlan& plan, const std::string& municipality_name,
                          bool full, std::ostream& out);

// One action: "actie 7 · aanbeveling 2: ...", then the fill-in table as label: value.
void print_execution_action(const ExecutionAction& a, int recommendation_number, std::ostream& out);

// "actie 7 toegevoegd aan het uitvoeringsplan van GM0935", then the action.
void print_execution_action_added(const ExecutionAction& a, int recommendation_number,
                                  std::ostream& out);
// "actie 7 gewijzigd: status rood → oranje, period", or that nothing changed.
void print_execution_action_change(std::int64_t id, bool changed, const std::string& changes,
                                   std::ostream& out);
// "actie 7 verwijderd: 'Ouderavonden' (aanbeveling 2)".
void print_execution_action_removed(const ExecutionAction& a, int recommendation_number,
                                    std::ostream& out);

}  // namespace okod
