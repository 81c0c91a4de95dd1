// SqliteStore: the append-only event log (model/store/event_log.hpp).
#include <fmt/format.h>

#include "adapters/sqlite/sqlite_rows.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {

using namespace sqlite_values;

const std::string_view sqlite_rows::event_columns =
    "seq, at, municipality, instance_id, workflow, kind, state, from_state, task, title, role, "
    "person, due, lead_days, note";

Event sqlite_rows::read_event(const SqliteStatement& s) {
    Event e;
    e.seq = s.column_int64(0);
    e.at = to_instant(s.column_int64(1));
    e.municipality = s.column_text(2);
    e.instance_id = s.column_int64(3);
    e.workflow = s.column_text(4);
    e.kind = parse_enum(parse_event_kind, s.column_text(5), "events.kind");
    e.state = s.column_text(6);
    e.from_state = s.column_text(7);
    e.task = s.column_text(8);
    e.title = s.column_text(9);
    e.role = s.column_text(10);
    e.person = s.column_text(11);
    e.due = to_instant(s.column_optional_int64(12));
    e.lead_days = s.column_int(13);
    e.note = s.column_text(14);
    return e;
}

namespace {

const StoreSql kInsert{
    "INSERT INTO events(at, municipality, instance_id, workflow, kind, state, "
    "from_state, task, title, role, person, due, lead_days, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"};
const StoreSql kAfter{
    select_from(sqlite_rows::event_columns, "FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2")};
// events_municipality and events_instance (migration 10) serve these.
const StoreSql kOfMunicipality{
    select_from(sqlite_rows::event_columns,
                "FROM events WHERE municipality = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3")};
const StoreSql kOfInstance{
    select_from(sqlite_rows::event_columns,
                "FROM events WHERE instance_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3")};
const StoreSql kOfTask{select_from(sqlite_rows::event_columns,
                                   "FROM events WHERE instance_id = ?1 AND task = ?2 AND seq > ?3 "
                                   "ORDER BY seq LIMIT ?4")};
const StoreSql kLastSeq{"SELECT coalesce(max(seq), 0) FROM events"};
const StoreSql kCountAfter{"SELECT count(*) FROM events WHERE seq > ?1"};

}  // namespace

std::int64_t SqliteStore::append_event(const Event& e) {
    StatementUse s{query(kInsert)};
    bind_all(*s, to_seconds(e.at), e.municipality, e.instance_id, e.workflow, to_string(e.kind),
             e.state, e.from_state, e.task, e.title, e.role, e.person, to_seconds(e.due),
             e.lead_days, e.note);
    s->run();
    return db_.last_insert_rowid();
}

std::vector<Event> SqliteStore::events_after(std::int64_t seq, int limit) {
    StatementUse s{query(kAfter)};
    bind_all(*s, seq, limit);
    return read_all<Event>(*s, sqlite_rows::read_event);
}

std::vector<Event> SqliteStore::events_of_municipality(const std::string& code, std::int64_t seq,
                                                       int limit) {
    StatementUse s{query(kOfMunicipality)};
    bind_all(*s, code, seq, limit);
    return read_all<Event>(*s, sqlite_rows::read_event);
}

std::vector<Event> SqliteStore::events_of_instance(InstanceId instance, std::int64_t seq,
                                                   int limit) {
    StatementUse s{query(kOfInstance)};
    bind_all(*s, instance, seq, limit);
    return read_all<Event>(*s, sqlite_rows::read_event);
}

std::vector<Event> SqliteStore::events_of_task(InstanceId instance, const std::string& task_key,
                                               std::int64_t seq, int limit) {
    StatementUse s{query(kOfTask)};
    bind_all(*s, instance, task_key, seq, limit);
    return read_all<Event>(*s, sqlite_rows::read_event);
}

std::int64_t SqliteStore::last_event_seq() {
    StatementUse s{query(kLastSeq)};
    return read_number(*s);
}

std::int64_t SqliteStore::count_events_after(std::int64_t seq) {
    StatementUse s{query(kCountAfter)};
    bind_all(*s, seq);
    return read_number(*s);
}

std::vector<Event> SqliteStore::events_naming(const std::string& person_id,
                                              const std::vector<std::string>& texts) {
    // Run-time SQL, one shape per number of texts (a person's name and e-mail address).
    std::string where = "person = ?1";
    for (std::size_t i = 0; i < texts.size(); ++i)
        where += fmt::format(" OR instr(title, ?{0}) > 0 OR instr(note, ?{0}) > 0", i + 2);
    StatementUse s{query(fmt::format("SELECT {} FROM events WHERE {} ORDER BY seq",
                                     sqlite_rows::event_columns, where))};
    s->bind(1, person_id);
    for (std::size_t i = 0; i < texts.size(); ++i) s->bind(static_cast<int>(i + 2), texts[i]);
    return read_all<Event>(*s, sqlite_rows::read_event);
}

}  // namespace okod
