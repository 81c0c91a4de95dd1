#pragma once
// Which mails carry okod's draft yearly report, and which year's. A task whose
// definition says attach = "annual_report" (the council report's draft and send tasks,
// the subsidy's content report) gets the report with each reminder and overdue notice:
// whoever must act on the task starts from okod's draft. An escalation to the
// wethouder or a vacancy alert goes without: a draft is for its author.
#include <vector>

#include "definition/definition.hpp"
#include "model/instance.hpp"

namespace okod {

// Whether `item`, a message about `task` of an instance of `definition`, carries the
// yearly report.
bool gets_annual_report(const OutboxItem& item, const Task& task, const Definition& definition);

// The year of the report that goes with a message about `task`. It follows the deadline
// of what the report is for: the latest reporting deadline (a task with report = true)
// among `instance_tasks` (the tasks of `task`'s instance), or `task`'s own when that is
// later, so every task around one report attaches the same year. Without any deadline,
// the year `now` falls in under report/report_year.hpp's rule.
int attached_report_year(const Task& task, const Definition& definition,
                         const std::vector<Task>& instance_tasks, Instant now);

}  // namespace okod
