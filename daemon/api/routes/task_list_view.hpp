#pragma once
// The views and the search of GET /api/v1/tasks (issue 19), as store filters: the
// regisseur's "today", "this week", "overdue", "open" and "done", each at okod's now in
// Amsterdam, and ?q= over title, item and role name. Both narrow a municipality's tasks
// in SQL (adapters/sqlite/task_query.cpp), so a page still reads a page.
#include <string_view>

#include "definition/roles.hpp"
#include "model/store/task_store.hpp"

namespace okod {

// Narrows `f` to `view` at `now`:
//   today    open or overdue, due before tomorrow (so today's and the overdue ones)
//   week     open or overdue, due before next Monday (this ISO week's and the overdue)
//   overdue  open or overdue, due before now
//   open     open or overdue
//   done     done or skipped
// A status given too must be one of the view's (it narrows it further); a due_before
// given too keeps the earlier of the two. Throws bad_request for an unknown view or a
// status outside it.
void apply_task_view(TaskFilter& f, std::string_view view, Instant now);

// The search for `q`: its text in lower case (ASCII), and the roles whose id or name
// (Dutch or English) contains it. Throws bad_request for a q over 200 characters.
TaskFilter::Search task_search(std::string_view q, const RoleCatalog& roles);

}  // namespace okod
