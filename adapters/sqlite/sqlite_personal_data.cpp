// SqliteStore's part of the personal-data operations (issue 16): export queries, the
// erasure, and the retention prune. Rare requests, so plain prepared statements, not the
// cached ones of sqlite_store.cpp.
#include <fmt/format.h>
#include <sqlite3.h>

#include <set>

#include "adapters/sqlite/sqlite_rows.hpp"
#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {
namespace {

std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }

// Tables whose texts an erasure leaves alone: the log (rewritten on its own terms), the
// people rows (the erased one is set whole; another person may share a name), the
// definition files as okod read them, and the erasure marker itself.
bool kept_apart(const std::string& table) {
    return table == "events" || table == "people" || table == "definitions" ||
           table == "erasure_in_progress" || table.starts_with("sqlite_");
}

std::string quoted(const std::string& identifier) {
    std::string q = "\"";
    for (char c : identifier) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

}  // namespace

std::optional<Instant> SqliteStore::person_erased_at(const std::string& id) {
    auto s = db_.prepare("SELECT erased_at FROM people WHERE id = ?1");
    s.bind(1, id);
    if (!s.step() || s.is_null(0)) return std::nullopt;
    return Instant{std::chrono::seconds{s.column_int64(0)}};
}

std::int64_t SqliteStore::erased_people_count() {
    auto s = db_.prepare("SELECT count(*) FROM people WHERE erased_at IS NOT NULL");
    s.step();
    return s.column_int64(0);
}

std::vector<OutboxItem> SqliteStore::outbox_of_person(const std::string& person_id) {
    auto s = db_.prepare(fmt::format("SELECT {} FROM outbox WHERE person_id = ?1 ORDER BY id",
                                     sqlite_rows::outbox_columns));
    s.bind(1, person_id);
    std::vector<OutboxItem> rows;
    while (s.step()) rows.push_back(sqlite_rows::read_outbox(s));
    return rows;
}

std::vector<Event> SqliteStore::events_naming(const std::string& person_id,
                                              const std::vector<std::string>& texts) {
    std::string where = "person = ?1";
    for (std::size_t i = 0; i < texts.size(); ++i)
        where += fmt::format(" OR instr(title, ?{0}) > 0 OR instr(note, ?{0}) > 0", i + 2);
    auto s = db_.prepare(fmt::format("SELECT {} FROM events WHERE {} ORDER BY seq",
                                     sqlite_rows::event_columns, where));
    s.bind(1, person_id);
    for (std::size_t i = 0; i < texts.size(); ++i) s.bind(static_cast<int>(i + 2), texts[i]);
    std::vector<Event> rows;
    while (s.step()) rows.push_back(sqlite_rows::read_event(s));
    return rows;
}

ErasureCounts SqliteStore::erase_person(const PersonErasure& e) {
    ErasureCounts counts;
    auto tx = begin();
    // Cells the updates free are overwritten with zeros, not left in the file's pages.
    db_.exec("PRAGMA secure_delete = ON");
    struct SecureDeleteOff {
        SqliteDb& db;
        ~SecureDeleteOff() { db.try_exec("PRAGMA secure_delete = OFF"); }
    } off{db_};

    auto mark = db_.prepare("INSERT INTO erasure_in_progress(id, person) VALUES (1, ?1)");
    mark.bind(1, e.person_id);
    mark.run();

    auto person =
        db_.prepare("UPDATE people SET name = ?2, email = '', erased_at = ?3 WHERE id = ?1");
    person.bind(1, e.person_id);
    person.bind(2, e.pseudonym);
    person.bind(3, seconds_of(e.at));
    person.run();

    // Pending messages to the person stop: there is no address left to send them to.
    auto stop = db_.prepare(
        "UPDATE outbox SET status = 'dead', next_attempt_at = NULL, "
        "last_error = 'ontvanger gewist (AVG)' WHERE person_id = ?1 AND status = 'pending'");
    stop.bind(1, e.person_id);
    stop.run();
    counts.outbox_stopped = db_.changes();
    auto addresses =
        db_.prepare("UPDATE outbox SET recipient = '' WHERE person_id = ?1 AND recipient <> ''");
    addresses.bind(1, e.person_id);
    addresses.run();
    counts.outbox_addresses = db_.changes();

    std::set<std::int64_t> seqs;
    for (const auto& r : e.replacements) {
        if (r.from.empty()) continue;
        auto which =
            db_.prepare("SELECT seq FROM events WHERE instr(title, ?1) > 0 OR instr(note, ?1) > 0");
        which.bind(1, r.from);
        while (which.step()) seqs.insert(which.column_int64(0));
        auto rewrite = db_.prepare(
            "UPDATE events SET title = replace(title, ?1, ?2), note = replace(note, ?1, ?2) "
            "WHERE instr(title, ?1) > 0 OR instr(note, ?1) > 0");
        rewrite.bind(1, r.from);
        rewrite.bind(2, r.to);
        rewrite.run();
    }
    counts.event_seqs.assign(seqs.begin(), seqs.end());

    // Every other text column: whatever tables the schema has now (and gets later).
    std::vector<std::pair<std::string, std::string>> columns;
    {
        auto tables =
            db_.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        std::vector<std::string> names;
        while (tables.step()) names.push_back(tables.column_text(0));
        for (const auto& table : names) {
            if (kept_apart(table)) continue;
            auto info = db_.prepare("SELECT name, upper(type) FROM pragma_table_info(?1)");
            info.bind(1, table);
            while (info.step())
                if (info.column_text(1).find("TEXT") != std::string::npos)
                    columns.emplace_back(table, info.column_text(0));
        }
    }
    for (const auto& r : e.replacements) {
        if (r.from.empty()) continue;
        for (const auto& [table, column] : columns) {
            auto s = db_.prepare(
                fmt::format("UPDATE {0} SET {1} = replace({1}, ?1, ?2) WHERE instr({1}, ?1) > 0",
                            quoted(table), quoted(column)));
            s.bind(1, r.from);
            s.bind(2, r.to);
            s.run();
            counts.fields += db_.changes();
        }
    }

    db_.exec("DELETE FROM erasure_in_progress");
    municipality_cache_.clear();
    tx->commit();
    return counts;
}

std::int64_t SqliteStore::forget_mail_recipients(Instant before, int limit) {
    // The same expression as the outbox_kept index (migration 9), so that index serves it.
    auto s = db_.prepare(
        "UPDATE outbox SET recipient = '', last_error = '' WHERE id IN ("
        "SELECT id FROM outbox WHERE recipient <> '' AND status <> 'pending' "
        "AND COALESCE(sent_at, created_at) < ?1 ORDER BY COALESCE(sent_at, created_at) "
        "LIMIT ?2)");
    s.bind(1, seconds_of(before));
    s.bind(2, limit);
    s.run();
    return db_.changes();
}

bool SqliteStore::checkpoint_truncate() {
    int log = 0;
    int done = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    return rc == SQLITE_OK && log == done;
}

}  // namespace okod
