// SqliteStore: survey results (model/store/measurement_store.hpp).
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

const StoreSql kUpsert{
    "INSERT INTO measurements(municipality, indicator, population, year, value, source, "
    "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT(municipality, indicator, population, year) DO UPDATE SET "
    "value = excluded.value, source = excluded.source, imported_at = excluded.imported_at"};
const StoreSql kOfMunicipality{
    "SELECT municipality, indicator, population, year, value, source, imported_at "
    "FROM measurements WHERE municipality = ?1 ORDER BY indicator, population, year"};

Measurement read_measurement(const SqliteStatement& s) {
    Measurement m;
    m.municipality = s.column_text(0);
    m.indicator = s.column_text(1);
    m.population = s.column_text(2);
    m.year = s.column_int(3);
    m.value = s.column_double(4);
    m.source = s.column_text(5);
    m.imported_at = to_instant(s.column_int64(6));
    return m;
}

}  // namespace

void SqliteStore::save_measurement(const Measurement& m) {
    StatementUse s{query(kUpsert)};
    bind_all(*s, m.municipality, m.indicator, m.population, m.year, m.value, m.source,
             to_seconds(m.imported_at));
    s->run();
}

std::vector<Measurement> SqliteStore::measurements_of_municipality(
    const std::string& municipality) {
    StatementUse s{query(kOfMunicipality)};
    bind_all(*s, municipality);
    return read_all<Measurement>(*s, read_measurement);
}

}  // namespace okod
