// SqliteStore: tasks (model/store/task_store.hpp).
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"
#include "adapters/sqlite/task_query.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

const StoreSql kInsert{
    "INSERT INTO tasks(instance_id, municipality, workflow, spec_id, key, state, "
    "state_entry, title_nl, title_en, role, item, due, status, remind_days, "
    "escalation_after_days, escalation_to_role, created_at, closed_at, "
    "closed_by, note, revision, revised_at, person) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
    "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)"};
const StoreSql kUpdate{
    "UPDATE tasks SET instance_id = ?1, municipality = ?2, workflow = ?3, "
    "spec_id = ?4, key = ?5, state = ?6, state_entry = ?7, title_nl = ?8, "
    "title_en = ?9, role = ?10, item = ?11, due = ?12, status = ?13, "
    "remind_days = ?14, escalation_after_days = ?15, escalation_to_role = ?16, "
    "created_at = ?17, closed_at = ?18, closed_by = ?19, note = ?20, "
    "revision = ?21, revised_at = ?22, person = ?23 WHERE id = ?24"};
const StoreSql kById{select_from(kTaskColumns, "FROM tasks WHERE id = ?1")};
const StoreSql kKeyTaken{"SELECT EXISTS (SELECT 1 FROM tasks WHERE instance_id = ?1 AND key = ?2)"};
const StoreSql kOpenInEntry{
    "SELECT EXISTS (SELECT 1 FROM tasks WHERE instance_id = ?1 AND state_entry = ?2 "
    "AND status NOT IN ('done', 'skipped'))"};

void bind_task(SqliteStatement& s, const Task& t) {
    std::optional<int> escalation_after;
    std::optional<std::string> escalation_to;
    if (t.escalation) {
        escalation_after = t.escalation->after_days;
        escalation_to = t.escalation->to_role;
    }
    bind_all(s, t.instance_id, t.municipality, t.workflow, t.spec_id, t.key, t.state, t.state_entry,
             t.title.nl, t.title.en, t.role, t.item, to_seconds(t.due), to_string(t.status),
             to_json(t.remind_days), escalation_after, escalation_to, to_seconds(t.created_at),
             to_seconds(t.closed_at), t.closed_by, t.note, t.revision, to_seconds(t.revised_at),
             t.person);
}

Task read_task(const SqliteStatement& s) {
    Task t;
    t.id = s.column_int64(0);
    t.instance_id = s.column_int64(1);
    t.municipality = s.column_text(2);
    t.workflow = s.column_text(3);
    t.spec_id = s.column_text(4);
    t.key = s.column_text(5);
    t.state = s.column_text(6);
    t.state_entry = s.column_int64(7);
    t.title = Text{s.column_text(8), s.column_text(9)};
    t.role = s.column_text(10);
    t.item = s.column_text(11);
    t.due = to_instant(s.column_optional_int64(12));
    t.status = parse_enum(parse_task_status, s.column_text(13), "tasks.status");
    t.remind_days = from_json<std::vector<int>>(s.column_text(14), "tasks.remind_days");
    if (!s.is_null(15)) t.escalation = Escalation{s.column_int(15), s.column_text(16)};
    t.created_at = to_instant(s.column_int64(17));
    t.closed_at = to_instant(s.column_optional_int64(18));
    t.closed_by = s.column_text(19);
    t.note = s.column_text(20);
    t.revision = s.column_int(21);
    t.revised_at = to_instant(s.column_optional_int64(22));
    t.person = s.column_text(23);
    return t;
}

}  // namespace

TaskId SqliteStore::insert_task(const Task& t) {
    StatementUse s{query(kInsert)};
    bind_task(*s, t);
    s->run();
    return db_.last_insert_rowid();
}

void SqliteStore::update_task(const Task& t) {
    StatementUse s{query(kUpdate)};
    bind_task(*s, t);
    s->bind(24, t.id);
    s->run();
    expect_changed("update_task", "task with id " + std::to_string(t.id));
}

std::optional<Task> SqliteStore::task(TaskId id) {
    StatementUse s{query(kById)};
    bind_all(*s, id);
    return read_one<Task>(*s, read_task);
}

bool SqliteStore::task_key_taken(InstanceId instance, const std::string& key) {
    StatementUse s{query(kKeyTaken)};
    bind_all(*s, instance, key);
    return read_number(*s) != 0;
}

bool SqliteStore::has_open_task(InstanceId instance, std::int64_t state_entry) {
    StatementUse s{query(kOpenInEntry)};
    bind_all(*s, instance, state_entry);
    return read_number(*s) != 0;
}

std::vector<Task> SqliteStore::tasks_matching(const TaskFilter& f) {
    const TaskQuery q = task_query(f);
    std::vector<Task> out;
    for (const auto* sql : {&q.dated, &q.undated}) {
        if (!*sql) continue;
        if (f.limit && static_cast<int>(out.size()) >= *f.limit) break;
        StatementUse s{query(**sql)};
        if (f.municipality) s->bind(1, *f.municipality);
        if (f.instance_id) s->bind(2, *f.instance_id);
        if (f.role) s->bind(3, *f.role);
        if (f.status) s->bind(4, to_string(*f.status));
        if (f.due_before) s->bind(5, to_seconds(*f.due_before));
        if (f.due_after) s->bind(6, to_seconds(*f.due_after));
        if (f.closed_after) s->bind(7, to_seconds(*f.closed_after));
        if (f.roles) s->bind(8, to_json(*f.roles));
        if (f.after) {
            if (f.after->due) s->bind(9, to_seconds(*f.after->due));
            s->bind(10, f.after->id);
        }
        if (f.limit) s->bind(11, *f.limit - static_cast<int>(out.size()));
        if (f.statuses) {
            std::vector<std::string> names;
            for (const auto status : *f.statuses) names.emplace_back(to_string(status));
            s->bind(12, to_json(names));
        }
        if (f.search) {
            s->bind(13, f.search->text);
            s->bind(14, to_json(f.search->roles));
        }
        if (f.person_view) s->bind(15, *f.person_view);
        while (s->step()) out.push_back(read_task(*s));
    }
    return out;
}

}  // namespace okod
