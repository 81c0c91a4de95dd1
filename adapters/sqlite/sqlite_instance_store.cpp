// SqliteStore: workflow instances (model/store/instance_store.hpp).
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;
using Lists = std::map<std::string, std::vector<std::string>>;

constexpr std::string_view kColumns =
    "id, municipality, definition_id, definition_version, key, state, year_index, year_one, "
    "started_at, finished_at, state_entry, marks, lists, params";

const StoreSql kInsert{
    "INSERT INTO instances(municipality, definition_id, definition_version, "
    "key, state, year_index, year_one, started_at, finished_at, state_entry, "
    "marks, lists, params) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"};
const StoreSql kUpdate{
    "UPDATE instances SET municipality = ?1, definition_id = ?2, "
    "definition_version = ?3, key = ?4, state = ?5, year_index = ?6, "
    "year_one = ?7, started_at = ?8, finished_at = ?9, state_entry = ?10, "
    "marks = ?11, lists = ?12, params = ?13 WHERE id = ?14"};
const StoreSql kById{select_from(kColumns, "FROM instances WHERE id = ?1")};
const StoreSql kByKey{select_from(kColumns,
                                  "FROM instances WHERE municipality = ?1 AND definition_id = ?2 "
                                  "AND key = ?3")};
const StoreSql kOfMunicipality{
    select_from(kColumns, "FROM instances WHERE municipality = ?1 ORDER BY id")};
// Index instances_open (migration 12).
const StoreSql kOpenOfMunicipality{select_from(
    kColumns, "FROM instances WHERE municipality = ?1 AND finished_at IS NULL ORDER BY id")};

std::string marks_to_json(const std::map<std::string, Instant>& marks) {
    boost::json::object o;
    for (const auto& [name, at] : marks) o[name] = to_seconds(at);
    return boost::json::serialize(o);
}

std::map<std::string, Instant> marks_from_json(const std::string& text, const char* column) {
    std::map<std::string, Instant> marks;
    for (const auto& [name, at] : from_json<std::map<std::string, std::int64_t>>(text, column))
        marks.emplace(name, to_instant(at));
    return marks;
}

void bind_instance(SqliteStatement& s, const Instance& i) {
    bind_all(s, i.municipality, i.definition_id, i.definition_version, i.key, i.state, i.year_index,
             format_day(i.year_one), to_seconds(i.started_at), to_seconds(i.finished_at),
             i.state_entry, marks_to_json(i.marks), to_json(i.lists), to_json(i.params));
}

Instance read_instance(const SqliteStatement& s) {
    Instance i;
    i.id = s.column_int64(0);
    i.municipality = s.column_text(1);
    i.definition_id = s.column_text(2);
    i.definition_version = s.column_int(3);
    i.key = s.column_text(4);
    i.state = s.column_text(5);
    i.year_index = s.column_int(6);
    i.year_one = parse_day(s.column_text(7), "instances.year_one");
    i.started_at = to_instant(s.column_int64(8));
    i.finished_at = to_instant(s.column_optional_int64(9));
    i.state_entry = s.column_int64(10);
    i.marks = marks_from_json(s.column_text(11), "instances.marks");
    i.lists = from_json<Lists>(s.column_text(12), "instances.lists");
    i.params = from_json<std::map<std::string, std::string>>(s.column_text(13), "instances.params");
    return i;
}

}  // namespace

InstanceId SqliteStore::insert_instance(const Instance& i) {
    StatementUse s{query(kInsert)};
    bind_instance(*s, i);
    s->run();
    return db_.last_insert_rowid();
}

void SqliteStore::update_instance(const Instance& i) {
    StatementUse s{query(kUpdate)};
    bind_instance(*s, i);
    s->bind(14, i.id);
    s->run();
    expect_changed("update_instance", "instance with id " + std::to_string(i.id));
}

std::optional<Instance> SqliteStore::instance(InstanceId id) {
    StatementUse s{query(kById)};
    bind_all(*s, id);
    return read_one<Instance>(*s, read_instance);
}

std::optional<Instance> SqliteStore::instance_by_key(const std::string& municipality,
                                                     const std::string& definition_id,
                                                     const std::string& key) {
    StatementUse s{query(kByKey)};
    bind_all(*s, municipality, definition_id, key);
    return read_one<Instance>(*s, read_instance);
}

std::vector<Instance> SqliteStore::instances_of_municipality(const std::string& municipality) {
    StatementUse s{query(kOfMunicipality)};
    bind_all(*s, municipality);
    return read_all<Instance>(*s, read_instance);
}

std::vector<Instance> SqliteStore::open_instances_of_municipality(const std::string& municipality) {
    StatementUse s{query(kOpenOfMunicipality)};
    bind_all(*s, municipality);
    return read_all<Instance>(*s, read_instance);
}

}  // namespace okod
