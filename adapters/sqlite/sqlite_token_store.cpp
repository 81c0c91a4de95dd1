// SqliteStore: API tokens (api_tokens) and calendar feed secrets (feed_secrets), the
// secrets people present; model/store/token_store.hpp.
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

constexpr std::string_view kColumns =
    "id, hash, role, municipalities, person_id, label, created_at, revoked_at, last_used_at, "
    "expires_at";

const StoreSql kInsert{
    "INSERT INTO api_tokens(hash, role, municipalities, person_id, label, "
    "created_at, revoked_at, last_used_at, expires_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"};
const StoreSql kByHash{select_from(kColumns, "FROM api_tokens WHERE hash = ?1")};
const StoreSql kAll{select_from(kColumns, "FROM api_tokens ORDER BY id")};
const StoreSql kRevoke{"UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1"};
const StoreSql kLastUsed{"UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1"};

const StoreSql kFeedSecretSet{
    "INSERT INTO feed_secrets(person_id, hash, created_at) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(person_id) DO UPDATE SET hash = excluded.hash, "
    "created_at = excluded.created_at"};
const StoreSql kPersonByFeedHash{"SELECT person_id FROM feed_secrets WHERE hash = ?1"};
const StoreSql kFeedSecretCreated{"SELECT created_at FROM feed_secrets WHERE person_id = ?1"};

ApiToken read_token(const SqliteStatement& s) {
    ApiToken t;
    t.id = s.column_int64(0);
    t.hash = s.column_text(1);
    t.role = parse_enum(parse_api_role, s.column_text(2), "api_tokens.role");
    t.municipalities =
        from_json<std::vector<std::string>>(s.column_text(3), "api_tokens.municipalities");
    t.person_id = s.column_text(4);
    t.label = s.column_text(5);
    t.created_at = to_instant(s.column_int64(6));
    t.revoked_at = to_instant(s.column_optional_int64(7));
    t.last_used_at = to_instant(s.column_optional_int64(8));
    t.expires_at = to_instant(s.column_optional_int64(9));
    return t;
}

}  // namespace

std::int64_t SqliteStore::add_token(const ApiToken& t) {
    StatementUse s{query(kInsert)};
    bind_all(*s, t.hash, to_string(t.role), to_json(t.municipalities), t.person_id, t.label,
             to_seconds(t.created_at), to_seconds(t.revoked_at), to_seconds(t.last_used_at),
             to_seconds(t.expires_at));
    s->run();
    return db_.last_insert_rowid();
}

std::optional<ApiToken> SqliteStore::token_by_hash(const std::string& hash) {
    StatementUse s{query(kByHash)};
    bind_all(*s, hash);
    return read_one<ApiToken>(*s, read_token);
}

std::vector<ApiToken> SqliteStore::all_tokens() {
    StatementUse s{query(kAll)};
    return read_all<ApiToken>(*s, read_token);
}

StoreWrite SqliteStore::revoke_token(std::int64_t id, Instant at) {
    StatementUse s{query(kRevoke)};
    bind_all(*s, id, to_seconds(at));
    s->run();
    // SQLite counts a row the WHERE matched even when coalesce kept its value, so an
    // already revoked token still counts as done.
    return db_.changes() > 0 ? StoreWrite::done() : StoreWrite::refused(Refusal::not_found);
}

void SqliteStore::set_token_last_used(std::int64_t id, Instant at) {
    StatementUse s{query(kLastUsed)};
    bind_all(*s, id, to_seconds(at));
    s->run();
}

void SqliteStore::set_feed_secret(const std::string& person_id, const std::string& hash,
                                  Instant at) {
    StatementUse s{query(kFeedSecretSet)};
    bind_all(*s, person_id, hash, to_seconds(at));
    s->run();
}

std::optional<std::string> SqliteStore::person_by_feed_hash(const std::string& hash) {
    StatementUse s{query(kPersonByFeedHash)};
    bind_all(*s, hash);
    if (!s->step()) return std::nullopt;
    return s->column_text(0);
}

std::optional<Instant> SqliteStore::feed_secret_created(const std::string& person_id) {
    StatementUse s{query(kFeedSecretCreated)};
    bind_all(*s, person_id);
    if (!s->step()) return std::nullopt;
    return to_instant(s->column_int64(0));
}

}  // namespace okod
