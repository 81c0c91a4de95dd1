#pragma once
// The execution plan in the API's JSON (documented in openapi.json), both ways: okod
// writes actions and the grouped plan and reads a create or update body; okoctl writes
// that body and reads the plan back, so both sides share one spelling of every field.
//
//   action: {id, municipality, recommendation, recommendation_number (null when not in
//            the municipality's list), intervention, relevance, feasibility, money_euros
//            (whole euros or null), fte (or null), other_resources,
//            expected_effectiveness, recognised, obstacles, period, responsible,
//            priority (hoog|middel|laag), considerations, status (groen|oranje|rood),
//            status_remark, created_at, updated_at}
//   plan:   {municipality, name, recommendations: [{number, recommendation, counts,
//            actions: [action...]}], counts: {groen, oranje, rood, total}}
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>

#include "model/execution_plan.hpp"

namespace okod {

struct HttpRequest;

boost::json::object to_json(const ExecutionAction& a, const Municipality& m);
boost::json::object to_json(const ExecutionPlan& plan, const Municipality& m);

// The fields a POST or PUT body may carry: the action's, without id, municipality and
// the times. Unknown fields and wrong types are ApiErrors (400) naming the field; an
// unknown priority or status too. A field that is present replaces the action's; null
// clears money_euros and fte, and empties a text.
ExecutionActionChange execution_action_change(const HttpRequest& r);

// okoctl's side: the body for a change (only the fields it sets; a cleared money_euros
// or fte as null), and the plan and actions as okod sent them.
boost::json::object to_json(const ExecutionActionChange& c);
ExecutionAction execution_action_from_json(const boost::json::value& v);
ExecutionPlan execution_plan_from_json(const boost::json::value& v);

}  // namespace okod
