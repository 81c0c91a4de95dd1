#pragma once
// The SQL tasks_matching runs for a filter, apart so that a test can ask SQLite for its
// plan. A filter's answer is ordered by due (none last), then id; it is read in two
// parts, the dated tasks by (due, id) and then the undated ones by id, because each part
// then comes in index order: a page of `limit` reads `limit` rows, not every match.
// The parameters keep fixed numbers whatever the filter (each shape is prepared once):
// ?1 municipality, ?2 instance_id, ?3 role, ?4 status, ?5 due_before, ?6 due_after,
// ?7 closed_after, ?8 roles (a JSON array), ?9 and ?10 the place to start after (due,
// id), ?11 limit, ?12 statuses (a JSON array), ?13 the search text in lower case and ?14
// the roles whose names match it (a JSON array).
#include <optional>
#include <string>
#include <string_view>

#include "model/store/task_store.hpp"

namespace okod {

// A task row's columns, in the order the store's row reader reads them.
inline constexpr std::string_view kTaskColumns =
    "id, instance_id, municipality, workflow, spec_id, key, state, state_entry, title_nl, "
    "title_en, role, item, due, status, remind_days, escalation_after_days, "
    "escalation_to_role, created_at, closed_at, closed_by, note, revision, revised_at, person";

struct TaskQuery {
    std::optional<std::string> dated;    // none when the filter starts among the undated
    std::optional<std::string> undated;  // none when a due bound rules them out
};

TaskQuery task_query(const TaskFilter& f);

}  // namespace okod
