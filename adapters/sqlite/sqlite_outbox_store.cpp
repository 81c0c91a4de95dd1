// SqliteStore: the outbox of messages to send (model/store/outbox_store.hpp).
#include "adapters/sqlite/sqlite_rows.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {

using namespace sqlite_values;

const std::string_view sqlite_rows::outbox_columns =
    "id, key, created_at, municipality, task_id, kind, role, person_id, recipient, language, "
    "lead_days, due, late, status, attempts, next_attempt_at, last_error, sent_at, digest_id";

OutboxItem sqlite_rows::read_outbox(const SqliteStatement& s) {
    OutboxItem o;
    o.id = s.column_int64(0);
    o.key = s.column_text(1);
    o.created_at = to_instant(s.column_int64(2));
    o.municipality = s.column_text(3);
    o.task_id = s.column_int64(4);
    o.kind = parse_enum(parse_outbox_kind, s.column_text(5), "outbox.kind");
    o.role = s.column_text(6);
    o.person_id = s.column_text(7);
    o.recipient = s.column_text(8);
    o.language = parse_enum(parse_language, s.column_text(9), "outbox.language");
    o.lead_days = s.column_int(10);
    o.due = to_instant(s.column_optional_int64(11));
    o.late = s.column_int(12) != 0;
    o.status = parse_enum(parse_outbox_status, s.column_text(13), "outbox.status");
    o.attempts = s.column_int(14);
    o.next_attempt_at = to_instant(s.column_optional_int64(15));
    o.last_error = s.column_text(16);
    o.sent_at = to_instant(s.column_optional_int64(17));
    o.digest_id = s.column_optional_int64(18);
    return o;
}

namespace {

using sqlite_rows::outbox_columns;
using sqlite_rows::read_outbox;

const StoreSql kInsert{
    "INSERT INTO outbox(key, created_at, municipality, task_id, kind, role, "
    "person_id, recipient, language, lead_days, due, late, status, attempts, "
    "next_attempt_at, last_error, sent_at, digest_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) ON CONFLICT(key) DO NOTHING"};
const StoreSql kUpdate{
    "UPDATE outbox SET key = ?1, created_at = ?2, municipality = ?3, "
    "task_id = ?4, kind = ?5, role = ?6, person_id = ?7, recipient = ?8, "
    "language = ?9, lead_days = ?10, due = ?11, late = ?12, status = ?13, "
    "attempts = ?14, next_attempt_at = ?15, last_error = ?16, sent_at = ?17, "
    "digest_id = ?18 WHERE id = ?19"};
const StoreSql kById{select_from(outbox_columns, "FROM outbox WHERE id = ?1")};
// Ready-to-send first: NULL next_attempt_at sorts before any time.
const StoreSql kAll{
    select_from(outbox_columns, "FROM outbox ORDER BY next_attempt_at, id LIMIT ?1")};
const StoreSql kByStatus{select_from(outbox_columns,
                                     "FROM outbox WHERE status = ?1 ORDER BY next_attempt_at, id "
                                     "LIMIT ?2")};
// Both use the (status, next_attempt_at) index; a never-tried item has NULL and is
// ready at once.
const StoreSql kReady{
    select_from(outbox_columns,
                "FROM outbox WHERE status = 'pending' AND (next_attempt_at IS NULL "
                "OR next_attempt_at <= ?1) ORDER BY next_attempt_at, id LIMIT ?2")};
// A person's reminders never tried and in no digest yet: read from the partial index
// outbox_digest_candidates (migration 19), which holds exactly these rows. Named, since
// the planner would rather take outbox_status (two equalities) and read every waiting row.
const StoreSql kDigestCandidates{
    select_from(outbox_columns,
                "FROM outbox INDEXED BY outbox_digest_candidates WHERE status = 'pending' AND "
                "next_attempt_at IS NULL "
                "AND person_id = ?1 AND kind = 'reminder' AND digest_id IS NULL "
                "ORDER BY id LIMIT ?2")};
const StoreSql kDigest{select_from(outbox_columns, "FROM outbox WHERE digest_id = ?1 ORDER BY id")};
const StoreSql kNextAttempt{
    "SELECT coalesce(next_attempt_at, created_at) FROM outbox "
    "WHERE status = 'pending' ORDER BY next_attempt_at, id LIMIT 1"};
// outbox_municipality (migration 10) serves these; with a status, the municipality's
// rows are read in id order and the others skipped (outbox_municipality_status went
// again in migration 12: its cost at every e-mail queued was more than it saved).
const StoreSql kOfMunicipality{select_from(
    outbox_columns, "FROM outbox WHERE municipality = ?1 AND id > ?2 ORDER BY id LIMIT ?3")};
const StoreSql kOfMunicipalityWithStatus{
    select_from(outbox_columns,
                "FROM outbox WHERE municipality = ?1 AND status = ?2 AND id > ?3 "
                "ORDER BY id LIMIT ?4")};
// Kept by the outbox_counts triggers (migration 10).
const StoreSql kCounts{"SELECT status, n FROM outbox_counts WHERE n > 0"};
const StoreSql kOfPerson{
    select_from(outbox_columns, "FROM outbox WHERE person_id = ?1 ORDER BY id")};
// The same expression as the outbox_kept index (migration 9), so that index serves it.
const StoreSql kForgetRecipients{
    "UPDATE outbox SET recipient = '', last_error = '' WHERE id IN ("
    "SELECT id FROM outbox WHERE recipient <> '' AND status <> 'pending' "
    "AND COALESCE(sent_at, created_at) < ?1 ORDER BY COALESCE(sent_at, created_at) "
    "LIMIT ?2)"};

void bind_outbox(SqliteStatement& s, const OutboxItem& o) {
    bind_all(s, key_or_null(o.key), to_seconds(o.created_at), o.municipality, o.task_id,
             to_string(o.kind), o.role, o.person_id, o.recipient, to_string(o.language),
             o.lead_days, to_seconds(o.due), o.late ? 1 : 0, to_string(o.status), o.attempts,
             to_seconds(o.next_attempt_at), o.last_error, to_seconds(o.sent_at), o.digest_id);
}

}  // namespace

bool SqliteStore::enqueue(const OutboxItem& item) {
    StatementUse s{query(kInsert)};
    bind_outbox(*s, item);
    s->run();
    return db_.changes() > 0;
}

void SqliteStore::update_outbox(const OutboxItem& item) {
    StatementUse s{query(kUpdate)};
    bind_outbox(*s, item);
    s->bind(19, item.id);
    s->run();
    expect_changed("update_outbox", "outbox item with id " + std::to_string(item.id));
}

std::optional<OutboxItem> SqliteStore::outbox_item(std::int64_t id) {
    StatementUse s{query(kById)};
    bind_all(*s, id);
    return read_one<OutboxItem>(*s, read_outbox);
}

std::vector<OutboxItem> SqliteStore::outbox_by_status(std::optional<OutboxStatus> status,
                                                      int limit) {
    if (status) {
        StatementUse s{query(kByStatus)};
        bind_all(*s, to_string(*status), limit);
        return read_all<OutboxItem>(*s, read_outbox);
    }
    StatementUse s{query(kAll)};
    bind_all(*s, limit);
    return read_all<OutboxItem>(*s, read_outbox);
}

std::vector<OutboxItem> SqliteStore::outbox_of_municipality(const std::string& code,
                                                            std::optional<OutboxStatus> status,
                                                            std::int64_t after_id, int limit) {
    if (status) {
        StatementUse s{query(kOfMunicipalityWithStatus)};
        bind_all(*s, code, to_string(*status), after_id, limit);
        return read_all<OutboxItem>(*s, read_outbox);
    }
    StatementUse s{query(kOfMunicipality)};
    bind_all(*s, code, after_id, limit);
    return read_all<OutboxItem>(*s, read_outbox);
}

std::vector<OutboxItem> SqliteStore::outbox_ready(Instant now, int limit) {
    StatementUse s{query(kReady)};
    bind_all(*s, to_seconds(now), limit);
    return read_all<OutboxItem>(*s, read_outbox);
}

std::vector<OutboxItem> SqliteStore::outbox_digest_candidates(const std::string& person_id,
                                                              int limit) {
    StatementUse s{query(kDigestCandidates)};
    bind_all(*s, person_id, limit);
    return read_all<OutboxItem>(*s, read_outbox);
}

std::vector<OutboxItem> SqliteStore::outbox_digest(std::int64_t digest_id) {
    StatementUse s{query(kDigest)};
    bind_all(*s, digest_id);
    return read_all<OutboxItem>(*s, read_outbox);
}

std::optional<Instant> SqliteStore::next_outbox_attempt() {
    StatementUse s{query(kNextAttempt)};
    if (!s->step()) return std::nullopt;
    return to_instant(s->column_int64(0));
}

std::map<OutboxStatus, std::int64_t> SqliteStore::outbox_counts() {
    StatementUse s{query(kCounts)};
    std::map<OutboxStatus, std::int64_t> counts;
    while (s->step())
        counts[parse_enum(parse_outbox_status, s->column_text(0), "outbox.status")] =
            s->column_int64(1);
    return counts;
}

std::vector<OutboxItem> SqliteStore::outbox_of_person(const std::string& person_id) {
    StatementUse s{query(kOfPerson)};
    bind_all(*s, person_id);
    return read_all<OutboxItem>(*s, read_outbox);
}

std::int64_t SqliteStore::forget_mail_recipients(Instant before, int limit) {
    StatementUse s{query(kForgetRecipients)};
    bind_all(*s, to_seconds(before), limit);
    s->run();
    return db_.changes();
}

}  // namespace okod
