#pragma once
// A task's history as GET /api/v1/tasks/{id}/history shows it (issue 19): every line of
// the event log about the task, oldest first, each with who did it and why, so the
// regisseur reads who completed, undid, moved or skipped a task, and who was reminded.
#include <boost/json/value.hpp>

#include "model/instance.hpp"
#include "model/store.hpp"

namespace okod {

// {"task": id, "history": [entry, ...]}. An entry: seq, at, kind, state, role, due,
// note (names rendered); by, by_name (who completed, undid, moved or skipped it, else
// null); sent_to, sent_to_name (whom a reminder, escalation or vacancy alert went to,
// else null); reason (a skip's, an undo's or a move's, else null); from, to (a move's
// old and new deadline, else null); lead_days (a notice's, else null); late (a notice
// sent after okod was down).
boost::json::value task_history(Store& store, const Task& t);

}  // namespace okod
