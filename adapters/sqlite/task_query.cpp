#include "adapters/sqlite/task_query.hpp"

#include "adapters/sqlite/sqlite_query.hpp"

namespace okod {
namespace {

std::string conditions(const TaskFilter& f) {
    std::string sql;
    if (f.municipality) sql += " AND municipality = ?1";
    if (f.instance_id) sql += " AND instance_id = ?2";
    if (f.role) sql += " AND role = ?3";
    if (f.status) sql += " AND status = ?4";
    if (f.due_before) sql += " AND due < ?5";
    if (f.due_after) sql += " AND due >= ?6";
    if (f.closed_after) sql += " AND closed_at >= ?7";
    if (f.roles) sql += " AND role IN (SELECT value FROM json_each(?8))";
    if (f.statuses) sql += " AND status IN (SELECT value FROM json_each(?12))";
    if (f.person_view) sql += " AND (person = '' OR person = ?15)";
    // instr, not LIKE: what the user typed has no wildcards to escape.
    if (f.search)
        sql +=
            " AND (instr(lower(title_nl), ?13) > 0 OR instr(lower(title_en), ?13) > 0"
            " OR instr(lower(item), ?13) > 0 OR role IN (SELECT value FROM json_each(?14)))";
    return sql;
}

}  // namespace

TaskQuery task_query(const TaskFilter& f) {
    const std::string where = select_from(kTaskColumns, "FROM tasks WHERE 1 = 1") + conditions(f);
    const std::string limit = f.limit ? " LIMIT ?11" : "";
    const bool after_dated = f.after && f.after->due;
    const bool after_undated = f.after && !f.after->due;
    TaskQuery q;
    if (!after_undated)
        q.dated = where + " AND due IS NOT NULL" +
                  (after_dated ? " AND (due, id) > (?9, ?10)" : "") + " ORDER BY due, id" + limit;
    if (!f.due_before && !f.due_after)
        q.undated = where + " AND due IS NULL" + (after_undated ? " AND id > ?10" : "") +
                    " ORDER BY id" + limit;
    return q;
}

}  // namespace okod
