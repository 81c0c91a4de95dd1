// SqliteStore: who belongs where (person_memberships) and the calendar feed secrets
// (feed_secrets), issue 16. Kept apart from sqlite_store.cpp: they are about access,
// not about the engine's work. Fixed SQL through the statement cache, prepared once.
#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {
namespace {

std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }

}  // namespace

void SqliteStore::add_membership(const std::string& person_id, const std::string& municipality) {
    StatementUse s{query(std::string(
        "INSERT OR IGNORE INTO person_memberships(person_id, municipality) VALUES (?1, ?2)"))};
    s->bind(1, person_id);
    s->bind(2, municipality);
    s->run();
}

bool SqliteStore::remove_membership(const std::string& person_id, const std::string& municipality) {
    StatementUse s{query(
        std::string("DELETE FROM person_memberships WHERE person_id = ?1 AND municipality = ?2"))};
    s->bind(1, person_id);
    s->bind(2, municipality);
    s->run();
    return db_.changes() > 0;
}

std::vector<std::string> SqliteStore::memberships(const std::string& person_id) {
    StatementUse s{query(std::string(
        "SELECT municipality FROM person_memberships WHERE person_id = ?1 ORDER BY municipality"))};
    s->bind(1, person_id);
    std::vector<std::string> codes;
    while (s->step()) codes.push_back(s->column_text(0));
    return codes;
}

std::vector<std::string> SqliteStore::members(const std::string& municipality) {
    StatementUse s{query(std::string(
        "SELECT person_id FROM person_memberships WHERE municipality = ?1 ORDER BY person_id"))};
    s->bind(1, municipality);
    std::vector<std::string> ids;
    while (s->step()) ids.push_back(s->column_text(0));
    return ids;
}

void SqliteStore::set_feed_secret(const std::string& person_id, const std::string& hash,
                                  Instant at) {
    StatementUse s{query(
        std::string("INSERT INTO feed_secrets(person_id, hash, created_at) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT(person_id) DO UPDATE SET hash = excluded.hash, created_at = "
                    "excluded.created_at"))};
    s->bind(1, person_id);
    s->bind(2, hash);
    s->bind(3, seconds_of(at));
    s->run();
}

std::optional<std::string> SqliteStore::person_by_feed_hash(const std::string& hash) {
    StatementUse s{query(std::string("SELECT person_id FROM feed_secrets WHERE hash = ?1"))};
    s->bind(1, hash);
    if (!s->step()) return std::nullopt;
    return s->column_text(0);
}

std::optional<Instant> SqliteStore::feed_secret_created(const std::string& person_id) {
    StatementUse s{query(std::string("SELECT created_at FROM feed_secrets WHERE person_id = ?1"))};
    s->bind(1, person_id);
    if (!s->step()) return std::nullopt;
    return Instant{std::chrono::seconds{s->column_int64(0)}};
}

}  // namespace okod
