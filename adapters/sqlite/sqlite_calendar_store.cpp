// SqliteStore: imported school holidays (model/store/calendar_store.hpp).
#include <set>

#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

const StoreSql kDeleteYear{"DELETE FROM school_holidays WHERE school_year = ?1"};
const StoreSql kInsert{
    "INSERT INTO school_holidays(school_year, name, region, first_day, last_day) "
    "VALUES (?1, ?2, ?3, ?4, ?5)"};
const StoreSql kAll{
    "SELECT name, region, first_day, last_day FROM school_holidays "
    "ORDER BY first_day, region, id"};

SchoolHoliday read_holiday(const SqliteStatement& s) {
    return SchoolHoliday{s.column_text(0), s.column_text(1),
                         parse_day(s.column_text(2), "school_holidays.first_day"),
                         parse_day(s.column_text(3), "school_holidays.last_day")};
}

}  // namespace

void SqliteStore::replace_school_holidays(const std::vector<SchoolHoliday>& holidays) {
    std::set<std::string> years;
    for (const auto& h : holidays) years.insert(school_year_of(h.first));
    for (const auto& year : years) {
        StatementUse s{query(kDeleteYear)};
        bind_all(*s, year);
        s->run();
    }
    for (const auto& h : holidays) {
        StatementUse s{query(kInsert)};
        bind_all(*s, school_year_of(h.first), h.name, h.region, format_day(h.first),
                 format_day(h.last));
        s->run();
    }
}

std::vector<SchoolHoliday> SqliteStore::imported_school_holidays() {
    StatementUse s{query(kAll)};
    return read_all<SchoolHoliday>(*s, read_holiday);
}

}  // namespace okod
