#pragma once
// A page of a municipality's tasks for GET /api/v1/tasks: read from the store a page at a
// time in (due, id) order, keyset paged. The caller passes on `next_after` as the
// opaque cursor ?after= to get the page after this one.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/store/task_store.hpp"

namespace okod {

struct TaskPage {
    std::vector<Task> tasks;
    std::optional<TaskPosition> next_after;  // none: there are no more
};

// Up to `limit` tasks of `f` that pass `visible`, from f.after on. The store answers
// only what the filter asks (its roles included), so `visible` rarely drops one; if it
// drops many, a bounded number of reads ends the page early, with a next_after that
// continues behind the last task read.
TaskPage visible_tasks_page(TaskStore& store, TaskFilter f, int limit,
                            const std::function<bool(const Task&)>& visible);

// The roles of `person_roles` that a token sees the tasks of (`visible`: none for all).
std::vector<std::string> roles_within(std::vector<std::string> person_roles,
                                      const std::optional<std::vector<std::string>>& visible);

// The cursor's text, "<due in seconds>.<id>" or "n.<id>" for a task without a due
// moment; parse_task_cursor throws bad_request for any other text.
std::string task_cursor(const TaskPosition& p);
TaskPosition parse_task_cursor(const std::string& text);

}  // namespace okod
