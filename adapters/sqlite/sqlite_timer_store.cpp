// SqliteStore: timers, the index the scheduler sleeps on (model/store/timer_store.hpp).
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

constexpr std::string_view kColumns =
    "id, due_at, kind, municipality, definition_id, instance_key, instance_id, task_id, "
    "lead_days, transition_index, state_entry, key";

const StoreSql kInsert{
    "INSERT INTO timers(due_at, kind, municipality, definition_id, "
    "instance_key, instance_id, task_id, lead_days, transition_index, "
    "state_entry, key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
    "ON CONFLICT(key) DO NOTHING"};
const StoreSql kNext{select_from(kColumns, "FROM timers ORDER BY due_at, id LIMIT 1")};
const StoreSql kDue{
    select_from(kColumns, "FROM timers WHERE due_at <= ?1 ORDER BY due_at, id LIMIT ?2")};
const StoreSql kDelete{"DELETE FROM timers WHERE id = ?1"};
const StoreSql kDeleteOfTask{"DELETE FROM timers WHERE task_id = ?1"};
const StoreSql kDeleteOfInstance{"DELETE FROM timers WHERE instance_id = ?1"};
const StoreSql kCount{"SELECT count(*) FROM timers"};

// Ids that are 0 mean "not about one" in the model; NULL in the timers table.
std::optional<std::int64_t> id_or_null(std::int64_t id) {
    if (id == 0) return std::nullopt;
    return id;
}

void bind_timer(SqliteStatement& s, const Timer& t) {
    bind_all(s, to_seconds(t.due), to_string(t.kind), t.municipality, t.definition_id,
             t.instance_key, id_or_null(t.instance_id), id_or_null(t.task_id), t.lead_days,
             t.transition_index, t.state_entry, key_or_null(t.key));
}

Timer read_timer(const SqliteStatement& s) {
    Timer t;
    t.id = s.column_int64(0);
    t.due = to_instant(s.column_int64(1));
    t.kind = parse_enum(parse_timer_kind, s.column_text(2), "timers.kind");
    t.municipality = s.column_text(3);
    t.definition_id = s.column_text(4);
    t.instance_key = s.column_text(5);
    t.instance_id = s.column_int64(6);  // NULL reads as 0
    t.task_id = s.column_int64(7);
    t.lead_days = s.column_int(8);
    t.transition_index = s.column_int(9);
    t.state_entry = s.column_int64(10);
    t.key = s.column_text(11);
    return t;
}

}  // namespace

bool SqliteStore::add_timer(const Timer& t) {
    StatementUse s{query(kInsert)};
    bind_timer(*s, t);
    s->run();
    return db_.changes() > 0;
}

std::optional<Timer> SqliteStore::next_timer() {
    StatementUse s{query(kNext)};
    return read_one<Timer>(*s, read_timer);
}

std::vector<Timer> SqliteStore::due_timers(Instant now, int limit) {
    StatementUse s{query(kDue)};
    bind_all(*s, to_seconds(now), limit);
    return read_all<Timer>(*s, read_timer);
}

void SqliteStore::delete_timer(std::int64_t id) {
    StatementUse s{query(kDelete)};
    bind_all(*s, id);
    s->run();
}

void SqliteStore::delete_task_timers(TaskId task) {
    StatementUse s{query(kDeleteOfTask)};
    bind_all(*s, task);
    s->run();
}

void SqliteStore::delete_instance_timers(InstanceId instance) {
    StatementUse s{query(kDeleteOfInstance)};
    bind_all(*s, instance);
    s->run();
}

std::int64_t SqliteStore::timer_count() {
    StatementUse s{query(kCount)};
    return read_number(*s);
}

}  // namespace okod
