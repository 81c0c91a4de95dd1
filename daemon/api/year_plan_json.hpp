#pragma once
// The year plan's activity overview and its draft for next year in the API's JSON
// (documented in openapi.json as YearPlanOverview, YearPlanActivity, YearPlanDraft);
// `okoctl activities list --json` writes the same activity fields.
//
//   activity: {id, workgroup, title, tasks ["workflow/task"], plan_remark, light,
//              remark, source (derived|manual|none), derived_light, derived_remark,
//              linked_tasks, done_tasks, set_by, set_at (null unless manual)}
//   counts:   {groen, oranje, rood, total}
//   decision: {activity, workgroup, title, light, status_remark, reason
//              (unfinished|recurring|done_once), carried, remark}
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "model/activity_status.hpp"
#include "model/year_plan_draft.hpp"

namespace okod {

boost::json::object to_json(const ActivityLine& line, Language language);
boost::json::object to_json(const LightCounts& counts);
// Per workgroup {id, name, goals, counts, activities}.
boost::json::array workgroups_json(const YearOverview& overview, Language language);
boost::json::object to_json(const DraftDecision& d, Language language);

}  // namespace okod
