// SqliteStore: a municipality's settings kept over its file (StoredSettings,
// model/store/municipality_store.hpp; migration 17).
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

constexpr std::string_view kColumns = "code, toml, version, changed_by, changed_at";

const StoreSql kByCode{select_from(kColumns, "FROM municipality_settings WHERE code = ?1")};
const StoreSql kAll{select_from(kColumns, "FROM municipality_settings ORDER BY code")};
const StoreSql kSave{
    "INSERT INTO municipality_settings(code, toml, version, changed_by, changed_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO UPDATE SET toml = excluded.toml, "
    "version = excluded.version, changed_by = excluded.changed_by, "
    "changed_at = excluded.changed_at"};
const StoreSql kDrop{"DELETE FROM municipality_settings WHERE code = ?1"};

StoredSettings read_settings(const SqliteStatement& s) {
    return StoredSettings{s.column_text(0), s.column_text(1), s.column_int(2), s.column_text(3),
                          to_instant(s.column_int64(4))};
}

}  // namespace

std::optional<StoredSettings> SqliteStore::stored_settings(const std::string& code) {
    StatementUse s{query(kByCode)};
    bind_all(*s, code);
    return read_one<StoredSettings>(*s, read_settings);
}

std::vector<StoredSettings> SqliteStore::all_stored_settings() {
    StatementUse s{query(kAll)};
    return read_all<StoredSettings>(*s, read_settings);
}

void SqliteStore::save_stored_settings(const StoredSettings& settings) {
    StatementUse s{query(kSave)};
    bind_all(*s, settings.code, settings.toml, settings.version, settings.changed_by,
             to_seconds(settings.changed_at));
    s->run();
}

bool SqliteStore::drop_stored_settings(const std::string& code) {
    StatementUse s{query(kDrop)};
    bind_all(*s, code);
    s->run();
    return db_.changes() > 0;
}

}  // namespace okod
