// SqliteStore: the year plan's traffic lights set by hand (activity_status) and the
// execution plan's actions (execution_actions); model/store/plan_store.hpp.
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

const StoreSql kActivityStatusUpsert{
    "INSERT INTO activity_status(municipality, year, activity, light, remark, set_by, set_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(municipality, year, activity) DO UPDATE SET "
    "light = excluded.light, remark = excluded.remark, set_by = excluded.set_by, "
    "set_at = excluded.set_at"};
const StoreSql kActivityStatusOfYear{
    "SELECT municipality, year, activity, light, remark, set_by, set_at FROM activity_status "
    "WHERE municipality = ?1 AND year = ?2 ORDER BY activity"};
const StoreSql kYearPlanInsert{
    "INSERT INTO year_plans(municipality, year, toml, drafted_from, drafted_by, drafted_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(municipality, year) DO NOTHING"};
const StoreSql kYearPlanOf{
    "SELECT municipality, year, toml, drafted_from, drafted_by, drafted_at FROM year_plans "
    "WHERE municipality = ?1 AND year = ?2"};
const StoreSql kYearPlanYears{"SELECT year FROM year_plans WHERE municipality = ?1 ORDER BY year"};

constexpr std::string_view kActionColumns =
    "municipality, recommendation, intervention, relevance, feasibility, money_euros, fte, "
    "other_resources, expected_effectiveness, recognised, obstacles, period, responsible, "
    "priority, considerations, status, status_remark, created_at, updated_at";

const StoreSql kActionInsert{
    "INSERT INTO execution_actions(" + std::string{kActionColumns} +
    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19)"};
const StoreSql kActionUpdate{
    "UPDATE execution_actions SET municipality = ?1, recommendation = ?2, intervention = ?3, "
    "relevance = ?4, feasibility = ?5, money_euros = ?6, fte = ?7, other_resources = ?8, "
    "expected_effectiveness = ?9, recognised = ?10, obstacles = ?11, period = ?12, "
    "responsible = ?13, priority = ?14, considerations = ?15, status = ?16, "
    "status_remark = ?17, created_at = ?18, updated_at = ?19 WHERE id = ?20"};
const StoreSql kActionDelete{"DELETE FROM execution_actions WHERE id = ?1"};
const StoreSql kActionById{"SELECT id, " + std::string{kActionColumns} +
                           " FROM execution_actions WHERE id = ?1"};
const StoreSql kActionsOfMunicipality{"SELECT id, " + std::string{kActionColumns} +
                                      " FROM execution_actions WHERE municipality = ?1 "
                                      "ORDER BY id"};

ActivityOverride read_activity_override(const SqliteStatement& s) {
    ActivityOverride o;
    o.municipality = s.column_text(0);
    o.year = s.column_int(1);
    o.activity = s.column_text(2);
    o.light = parse_enum(parse_traffic_light, s.column_text(3), "activity_status.light");
    o.remark = s.column_text(4);
    o.set_by = s.column_text(5);
    o.set_at = to_instant(s.column_int64(6));
    return o;
}

StoredYearPlan read_year_plan(const SqliteStatement& s) {
    StoredYearPlan p;
    p.municipality = s.column_text(0);
    p.year = s.column_int(1);
    p.toml = s.column_text(2);
    p.drafted_from = s.column_int(3);
    p.drafted_by = s.column_text(4);
    p.drafted_at = to_instant(s.column_int64(5));
    return p;
}

// Binds ?1..?19 in kActionColumns order.
void bind_action(SqliteStatement& s, const ExecutionAction& a) {
    bind_all(s, a.municipality, a.recommendation, a.intervention, a.relevance, a.feasibility,
             a.money_euros, a.fte, a.other_resources, a.expected_effectiveness,
             a.recognised ? 1 : 0, a.obstacles, a.period, a.responsible, to_string(a.priority),
             a.considerations, to_string(a.status), a.status_remark, to_seconds(a.created_at),
             to_seconds(a.updated_at));
}

// Reads a row of "SELECT id, <kActionColumns>".
ExecutionAction read_action(const SqliteStatement& s) {
    ExecutionAction a;
    a.id = s.column_int64(0);
    a.municipality = s.column_text(1);
    a.recommendation = s.column_text(2);
    a.intervention = s.column_text(3);
    a.relevance = s.column_text(4);
    a.feasibility = s.column_text(5);
    a.money_euros = s.column_optional_int64(6);
    a.fte = s.column_optional_double(7);
    a.other_resources = s.column_text(8);
    a.expected_effectiveness = s.column_text(9);
    a.recognised = s.column_int(10) != 0;
    a.obstacles = s.column_text(11);
    a.period = s.column_text(12);
    a.responsible = s.column_text(13);
    a.priority = parse_enum(parse_priority, s.column_text(14), "execution_actions.priority");
    a.considerations = s.column_text(15);
    a.status = parse_enum(parse_traffic_light, s.column_text(16), "execution_actions.status");
    a.status_remark = s.column_text(17);
    a.created_at = to_instant(s.column_int64(18));
    a.updated_at = to_instant(s.column_int64(19));
    return a;
}

}  // namespace

// --- year plans: activity statuses set by hand ---------------------------------------------

void SqliteStore::set_activity_status(const ActivityOverride& o) {
    StatementUse s{query(kActivityStatusUpsert)};
    bind_all(*s, o.municipality, o.year, o.activity, to_string(o.light), o.remark, o.set_by,
             to_seconds(o.set_at));
    s->run();
}

std::vector<ActivityOverride> SqliteStore::activity_overrides_of_year(
    const std::string& municipality, int year) {
    StatementUse s{query(kActivityStatusOfYear)};
    bind_all(*s, municipality, year);
    return read_all<ActivityOverride>(*s, read_activity_override);
}

StoreWrite SqliteStore::insert_year_plan(const StoredYearPlan& p) {
    StatementUse s{query(kYearPlanInsert)};
    bind_all(*s, p.municipality, p.year, p.toml, p.drafted_from, p.drafted_by,
             to_seconds(p.drafted_at));
    s->run();
    return db_.changes() > 0 ? StoreWrite::done() : StoreWrite::refused(Refusal::conflict);
}

std::optional<StoredYearPlan> SqliteStore::stored_year_plan(const std::string& municipality,
                                                            int year) {
    StatementUse s{query(kYearPlanOf)};
    bind_all(*s, municipality, year);
    return read_one<StoredYearPlan>(*s, read_year_plan);
}

std::vector<int> SqliteStore::stored_year_plan_years(const std::string& municipality) {
    StatementUse s{query(kYearPlanYears)};
    bind_all(*s, municipality);
    return read_all<int>(*s, [](const SqliteStatement& row) { return row.column_int(0); });
}

// --- the execution plan ---------------------------------------------------------------------

std::int64_t SqliteStore::insert_execution_action(const ExecutionAction& a) {
    StatementUse s{query(kActionInsert)};
    bind_action(*s, a);
    s->run();
    return db_.last_insert_rowid();
}

void SqliteStore::update_execution_action(const ExecutionAction& a) {
    StatementUse s{query(kActionUpdate)};
    bind_action(*s, a);
    s->bind(20, a.id);
    s->run();
    expect_changed("update_execution_action", "action with id " + std::to_string(a.id));
}

StoreWrite SqliteStore::delete_execution_action(std::int64_t id) {
    StatementUse s{query(kActionDelete)};
    bind_all(*s, id);
    s->run();
    return db_.changes() > 0 ? StoreWrite::done() : StoreWrite::refused(Refusal::not_found);
}

std::optional<ExecutionAction> SqliteStore::execution_action(std::int64_t id) {
    StatementUse s{query(kActionById)};
    bind_all(*s, id);
    return read_one<ExecutionAction>(*s, read_action);
}

std::vector<ExecutionAction> SqliteStore::execution_actions_of_municipality(
    const std::string& municipality) {
    StatementUse s{query(kActionsOfMunicipality)};
    bind_all(*s, municipality);
    return read_all<ExecutionAction>(*s, read_action);
}

}  // namespace okod
