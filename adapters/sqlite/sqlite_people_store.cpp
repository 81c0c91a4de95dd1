// SqliteStore: people, the roles they hold (role_assignments) and the municipalities
// they belong to (person_memberships); model/store/people_store.hpp.
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

constexpr std::string_view kPersonColumns = "id, name, email, language";
constexpr std::string_view kAssignmentColumns =
    "id, municipality, role, person_id, from_date, until_date, fte";

const StoreSql kPersonUpsert{
    "INSERT INTO people(id, name, email, language) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
    "email = excluded.email, language = excluded.language "
    "WHERE people.erased_at IS NULL"};  // an erased person stays erased
const StoreSql kPersonById{select_from(kPersonColumns, "FROM people WHERE id = ?1")};
const StoreSql kPeopleAll{select_from(kPersonColumns, "FROM people ORDER BY id")};
const StoreSql kPersonErasedAt{"SELECT erased_at FROM people WHERE id = ?1"};
const StoreSql kErasedCount{"SELECT count(*) FROM people WHERE erased_at IS NOT NULL"};

// Adding an assignment that exists keeps an end date already recorded (a leave
// announced through okoctl survives the config file) and takes a new FTE.
const StoreSql kAssignmentInsert{
    "INSERT INTO role_assignments(municipality, role, person_id, from_date, "
    "until_date, fte) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT(municipality, role, person_id, from_date) "
    "DO UPDATE SET until_date = coalesce(until_date, excluded.until_date), "
    "fte = coalesce(excluded.fte, fte)"};
const StoreSql kAssignmentIdByKey{
    "SELECT id FROM role_assignments WHERE municipality = ?1 AND role = ?2 "
    "AND person_id = ?3 AND from_date = ?4"};
const StoreSql kAssignmentUpdate{
    "UPDATE role_assignments SET municipality = ?1, role = ?2, person_id = ?3, "
    "from_date = ?4, until_date = ?5, fte = ?6 WHERE id = ?7"};
const StoreSql kAssignmentsOfPerson{select_from(kAssignmentColumns,
                                                "FROM role_assignments WHERE person_id = ?1 "
                                                "ORDER BY municipality, role, from_date, id")};
const StoreSql kAssignmentsOfMunicipality{
    select_from(kAssignmentColumns,
                "FROM role_assignments WHERE municipality = ?1 "
                "ORDER BY role, person_id, from_date, id")};
// Ordered by the assignments' unique index, so no temporary b-tree is built for each
// reminder; a person with two current periods in the role comes twice, next to each
// other, and holders_of_role() keeps one.
const StoreSql kHoldersOfRole{
    "SELECT p.id, p.name, p.email, p.language "
    "FROM role_assignments a JOIN people p ON p.id = a.person_id "
    "WHERE a.municipality = ?1 AND a.role = ?2 AND a.from_date <= ?3 "
    "AND (a.until_date IS NULL OR a.until_date >= ?3) ORDER BY a.person_id"};

const StoreSql kMembershipInsert{
    "INSERT OR IGNORE INTO person_memberships(person_id, municipality) VALUES (?1, ?2)"};
const StoreSql kMembershipDelete{
    "DELETE FROM person_memberships WHERE person_id = ?1 AND municipality = ?2"};
const StoreSql kMembershipsOfPerson{
    "SELECT municipality FROM person_memberships WHERE person_id = ?1 ORDER BY municipality"};
const StoreSql kMembersOfMunicipality{
    "SELECT person_id FROM person_memberships WHERE municipality = ?1 ORDER BY person_id"};

Person read_person(const SqliteStatement& s) {
    return Person{s.column_text(0), s.column_text(1), s.column_text(2),
                  parse_enum(parse_language, s.column_text(3), "people.language")};
}

void bind_assignment(SqliteStatement& s, const RoleAssignment& a) {
    bind_all(s, a.municipality, a.role, a.person_id, format_day(a.from), format_day(a.until),
             a.fte);
}

RoleAssignment read_assignment(const SqliteStatement& s) {
    RoleAssignment a;
    a.id = s.column_int64(0);
    a.municipality = s.column_text(1);
    a.role = s.column_text(2);
    a.person_id = s.column_text(3);
    a.from = parse_day(s.column_text(4), "role_assignments.from_date");
    if (auto until = s.column_optional_text(5))
        a.until = parse_day(*until, "role_assignments.until_date");
    a.fte = s.column_optional_double(6);
    return a;
}

std::string read_text(const SqliteStatement& s) { return s.column_text(0); }

}  // namespace

// --- people -------------------------------------------------------------------------------

void SqliteStore::upsert_person(const Person& p) {
    StatementUse s{query(kPersonUpsert)};
    bind_all(*s, p.id, p.name, p.email, to_string(p.language));
    s->run();
}

std::optional<Person> SqliteStore::person(const std::string& id) {
    StatementUse s{query(kPersonById)};
    bind_all(*s, id);
    return read_one<Person>(*s, read_person);
}

std::vector<Person> SqliteStore::all_people() {
    StatementUse s{query(kPeopleAll)};
    return read_all<Person>(*s, read_person);
}

std::optional<Instant> SqliteStore::person_erased_at(const std::string& id) {
    StatementUse s{query(kPersonErasedAt)};
    bind_all(*s, id);
    if (!s->step() || s->is_null(0)) return std::nullopt;
    return to_instant(s->column_int64(0));
}

std::int64_t SqliteStore::erased_people_count() {
    StatementUse s{query(kErasedCount)};
    return read_number(*s);
}

// --- role assignments ---------------------------------------------------------------------

std::int64_t SqliteStore::add_assignment(const RoleAssignment& a) {
    {
        StatementUse s{query(kAssignmentInsert)};
        bind_assignment(*s, a);
        s->run();
    }
    StatementUse s{query(kAssignmentIdByKey)};
    bind_all(*s, a.municipality, a.role, a.person_id, format_day(a.from));
    if (!s->step())
        throw std::logic_error("SqliteStore::add_assignment: the upserted row is not there");
    return s->column_int64(0);
}

void SqliteStore::update_assignment(const RoleAssignment& a) {
    StatementUse s{query(kAssignmentUpdate)};
    bind_assignment(*s, a);
    s->bind(7, a.id);
    s->run();
    expect_changed("update_assignment", "assignment with id " + std::to_string(a.id));
}

std::vector<RoleAssignment> SqliteStore::assignments_of_municipality(
    const std::string& municipality) {
    StatementUse s{query(kAssignmentsOfMunicipality)};
    bind_all(*s, municipality);
    return read_all<RoleAssignment>(*s, read_assignment);
}

std::vector<RoleAssignment> SqliteStore::assignments_of_person(const std::string& person_id) {
    StatementUse s{query(kAssignmentsOfPerson)};
    bind_all(*s, person_id);
    return read_all<RoleAssignment>(*s, read_assignment);
}

std::vector<Person> SqliteStore::holders_of_role(const std::string& municipality,
                                                 const std::string& role, Date on) {
    StatementUse s{query(kHoldersOfRole)};
    bind_all(*s, municipality, role, format_day(on));
    std::vector<Person> people;
    while (s->step())
        if (people.empty() || people.back().id != s->column_text(0))
            people.push_back(read_person(*s));
    return people;
}

// --- memberships (issue 16) ---------------------------------------------------------------

void SqliteStore::add_membership(const std::string& person_id, const std::string& municipality) {
    StatementUse s{query(kMembershipInsert)};
    bind_all(*s, person_id, municipality);
    s->run();
}

StoreWrite SqliteStore::remove_membership(const std::string& person_id,
                                          const std::string& municipality) {
    StatementUse s{query(kMembershipDelete)};
    bind_all(*s, person_id, municipality);
    s->run();
    return db_.changes() > 0 ? StoreWrite::done() : StoreWrite::refused(Refusal::not_found);
}

std::vector<std::string> SqliteStore::memberships_of_person(const std::string& person_id) {
    StatementUse s{query(kMembershipsOfPerson)};
    bind_all(*s, person_id);
    return read_all<std::string>(*s, read_text);
}

std::vector<std::string> SqliteStore::members_of_municipality(const std::string& municipality) {
    StatementUse s{query(kMembersOfMunicipality)};
    bind_all(*s, municipality);
    return read_all<std::string>(*s, read_text);
}

}  // namespace okod
