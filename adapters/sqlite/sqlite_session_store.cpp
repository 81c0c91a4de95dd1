// SqliteStore: browser sessions (sessions), sign-in links (sign_in_links) and when a
// link was last asked for (sign_in_requests); model/store/session_store.hpp.
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

constexpr std::string_view kSessionColumns =
    "id, hash, person_id, created_at, last_seen_at, idle_expires_at, expires_at";

const StoreSql kInsertSession{
    "INSERT INTO sessions(hash, person_id, created_at, last_seen_at, idle_expires_at, "
    "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"};
const StoreSql kSessionByHash{select_from(kSessionColumns, "FROM sessions WHERE hash = ?1")};
const StoreSql kTouchSession{
    "UPDATE sessions SET last_seen_at = ?2, idle_expires_at = max(idle_expires_at, ?3) "
    "WHERE id = ?1"};
const StoreSql kDeleteSession{"DELETE FROM sessions WHERE hash = ?1"};
const StoreSql kDeleteEndedSessions{
    "DELETE FROM sessions WHERE idle_expires_at <= ?1 OR expires_at <= ?1"};
const StoreSql kDeleteExpiredLinks{"DELETE FROM sign_in_links WHERE expires_at <= ?1"};

const StoreSql kInsertLink{
    "INSERT INTO sign_in_links(hash, person_id, created_at, expires_at, used_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)"};
const StoreSql kLinkByHash{
    "SELECT hash, person_id, created_at, expires_at, used_at FROM sign_in_links "
    "WHERE hash = ?1"};
const StoreSql kConsumeLink{
    "UPDATE sign_in_links SET used_at = ?2 "
    "WHERE hash = ?1 AND used_at IS NULL AND expires_at > ?2"};

const StoreSql kLastRequest{"SELECT requested_at FROM sign_in_requests WHERE person_id = ?1"};
const StoreSql kSetRequest{
    "INSERT INTO sign_in_requests(person_id, requested_at) VALUES (?1, ?2) "
    "ON CONFLICT(person_id) DO UPDATE SET requested_at = excluded.requested_at"};

Session read_session(const SqliteStatement& s) {
    Session r;
    r.id = s.column_int64(0);
    r.hash = s.column_text(1);
    r.person_id = s.column_text(2);
    r.created_at = to_instant(s.column_int64(3));
    r.last_seen_at = to_instant(s.column_int64(4));
    r.idle_expires_at = to_instant(s.column_int64(5));
    r.expires_at = to_instant(s.column_int64(6));
    return r;
}

SignInLink read_link(const SqliteStatement& s) {
    SignInLink l;
    l.hash = s.column_text(0);
    l.person_id = s.column_text(1);
    l.created_at = to_instant(s.column_int64(2));
    l.expires_at = to_instant(s.column_int64(3));
    l.used_at = to_instant(s.column_optional_int64(4));
    return l;
}

}  // namespace

std::int64_t SqliteStore::add_session(const Session& s) {
    StatementUse q{query(kInsertSession)};
    bind_all(*q, s.hash, s.person_id, to_seconds(s.created_at), to_seconds(s.last_seen_at),
             to_seconds(s.idle_expires_at), to_seconds(s.expires_at));
    q->run();
    return db_.last_insert_rowid();
}

std::optional<Session> SqliteStore::session_by_hash(const std::string& hash) {
    StatementUse q{query(kSessionByHash)};
    bind_all(*q, hash);
    return read_one<Session>(*q, read_session);
}

void SqliteStore::touch_session(std::int64_t id, Instant last_seen, Instant idle_expires_at) {
    StatementUse q{query(kTouchSession)};
    bind_all(*q, id, to_seconds(last_seen), to_seconds(idle_expires_at));
    q->run();
}

bool SqliteStore::delete_session(const std::string& hash) {
    StatementUse q{query(kDeleteSession)};
    bind_all(*q, hash);
    q->run();
    return db_.changes() > 0;
}

std::int64_t SqliteStore::delete_ended_sessions(Instant now) {
    std::int64_t n = 0;
    for (const StoreSql* sql : {&kDeleteEndedSessions, &kDeleteExpiredLinks}) {
        StatementUse q{query(*sql)};
        bind_all(*q, to_seconds(now));
        q->run();
        n += db_.changes();
    }
    return n;
}

void SqliteStore::add_sign_in_link(const SignInLink& link) {
    StatementUse q{query(kInsertLink)};
    bind_all(*q, link.hash, link.person_id, to_seconds(link.created_at),
             to_seconds(link.expires_at), to_seconds(link.used_at));
    q->run();
}

std::optional<SignInLink> SqliteStore::sign_in_link(const std::string& hash) {
    StatementUse q{query(kLinkByHash)};
    bind_all(*q, hash);
    return read_one<SignInLink>(*q, read_link);
}

bool SqliteStore::consume_sign_in_link(const std::string& hash, Instant at) {
    StatementUse q{query(kConsumeLink)};
    bind_all(*q, hash, to_seconds(at));
    q->run();
    return db_.changes() > 0;
}

std::optional<Instant> SqliteStore::last_sign_in_request(const std::string& person_id) {
    StatementUse q{query(kLastRequest)};
    bind_all(*q, person_id);
    if (!q->step()) return std::nullopt;
    return to_instant(q->column_int64(0));
}

void SqliteStore::set_sign_in_request(const std::string& person_id, Instant at) {
    StatementUse q{query(kSetRequest)};
    bind_all(*q, person_id, to_seconds(at));
    q->run();
}

}  // namespace okod
