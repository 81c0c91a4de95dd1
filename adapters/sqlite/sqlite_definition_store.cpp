// SqliteStore: the definition sources okod has run (model/store/definition_store.hpp).
#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {
namespace {

constexpr std::string_view kColumns = "id, version, source_file, source_text";

const StoreSql kInsert{
    "INSERT INTO definitions(id, version, source_file, source_text) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id, version) DO NOTHING"};
const StoreSql kById{select_from(kColumns, "FROM definitions WHERE id = ?1 AND version = ?2")};
const StoreSql kAll{select_from(kColumns, "FROM definitions ORDER BY id, version")};

StoredDefinition read_definition(const SqliteStatement& s) {
    return StoredDefinition{s.column_text(0), s.column_int(1), s.column_text(2), s.column_text(3)};
}

}  // namespace

void SqliteStore::save_definition(const StoredDefinition& d) {
    StatementUse s{query(kInsert)};
    bind_all(*s, d.id, d.version, d.source_file, d.source_text);
    s->run();
}

std::optional<StoredDefinition> SqliteStore::definition(const std::string& id, int version) {
    StatementUse s{query(kById)};
    bind_all(*s, id, version);
    return read_one<StoredDefinition>(*s, read_definition);
}

std::vector<StoredDefinition> SqliteStore::all_definitions() {
    StatementUse s{query(kAll)};
    return read_all<StoredDefinition>(*s, read_definition);
}

}  // namespace okod
