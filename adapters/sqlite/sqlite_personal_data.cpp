// SqliteStore's erasure of a person (issue 16, model/personal_data.hpp): the one write
// across every area, and the checkpoint that takes the old pages off the disk. The
// export's reads and the retention prune live with their areas (people, event log,
// outbox).
#include <fmt/format.h>
#include <sqlite3.h>

#include <set>

#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using sqlite_values::to_seconds;

const StoreSql kMark{"INSERT INTO erasure_in_progress(id, person) VALUES (1, ?1)"};
const StoreSql kUnmark{"DELETE FROM erasure_in_progress"};
const StoreSql kPerson{"UPDATE people SET name = ?2, email = '', erased_at = ?3 WHERE id = ?1"};
// Pending messages to the person stop: there is no address left to send them to.
const StoreSql kStopOutbox{
    "UPDATE outbox SET status = 'dead', next_attempt_at = NULL, "
    "last_error = 'ontvanger gewist (AVG)' WHERE person_id = ?1 AND status = 'pending'"};
const StoreSql kOutboxAddresses{
    "UPDATE outbox SET recipient = '' WHERE person_id = ?1 AND recipient <> ''"};
const StoreSql kEventsWithText{
    "SELECT seq FROM events WHERE instr(title, ?1) > 0 OR instr(note, ?1) > 0"};
const StoreSql kRewriteEvents{
    "UPDATE events SET title = replace(title, ?1, ?2), note = replace(note, ?1, ?2) "
    "WHERE instr(title, ?1) > 0 OR instr(note, ?1) > 0"};
const StoreSql kTables{"SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"};
const StoreSql kTextColumns{"SELECT name, upper(type) FROM pragma_table_info(?1)"};

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

ErasureCounts SqliteStore::erase_person(const PersonErasure& e) {
    ErasureCounts counts;
    auto tx = begin();
    // Cells the updates free are overwritten with zeros, not left in the file's pages.
    db_.exec("PRAGMA secure_delete = ON");
    struct SecureDeleteOff {
        SqliteDb& db;
        ~SecureDeleteOff() { db.try_exec("PRAGMA secure_delete = OFF"); }
    } off{db_};

    {
        StatementUse s{query(kMark)};
        bind_all(*s, e.person_id);
        s->run();
    }
    {
        StatementUse s{query(kPerson)};
        bind_all(*s, e.person_id, e.pseudonym, to_seconds(e.at));
        s->run();
    }
    {
        StatementUse s{query(kStopOutbox)};
        bind_all(*s, e.person_id);
        s->run();
        counts.outbox_stopped = db_.changes();
    }
    {
        StatementUse s{query(kOutboxAddresses)};
        bind_all(*s, e.person_id);
        s->run();
        counts.outbox_addresses = db_.changes();
    }

    std::set<std::int64_t> seqs;
    for (const auto& r : e.replacements) {
        if (r.from.empty()) continue;
        {
            StatementUse which{query(kEventsWithText)};
            bind_all(*which, r.from);
            while (which->step()) seqs.insert(which->column_int64(0));
        }
        StatementUse rewrite{query(kRewriteEvents)};
        bind_all(*rewrite, r.from, r.to);
        rewrite->run();
    }
    counts.event_seqs.assign(seqs.begin(), seqs.end());

    // Every other text column: whatever tables the schema has now (and gets later).
    std::vector<std::pair<std::string, std::string>> columns;
    std::vector<std::string> tables;
    {
        StatementUse s{query(kTables)};
        while (s->step()) tables.push_back(s->column_text(0));
    }
    for (const auto& table : tables) {
        if (kept_apart(table)) continue;
        StatementUse info{query(kTextColumns)};
        bind_all(*info, table);
        while (info->step())
            if (info->column_text(1).find("TEXT") != std::string::npos)
                columns.emplace_back(table, info->column_text(0));
    }
    for (const auto& r : e.replacements) {
        if (r.from.empty()) continue;
        for (const auto& [table, column] : columns) {
            // Run-time SQL: one statement per text column of the schema.
            StatementUse s{query(
                fmt::format("UPDATE {0} SET {1} = replace({1}, ?1, ?2) WHERE instr({1}, ?1) > 0",
                            quoted(table), quoted(column)))};
            bind_all(*s, r.from, r.to);
            s->run();
            counts.fields += db_.changes();
        }
    }

    {
        StatementUse s{query(kUnmark)};
        s->run();
    }
    municipality_cache_.clear();
    tx->commit();
    return counts;
}

bool SqliteStore::checkpoint_truncate() {
    int log = 0;
    int done = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    return rc == SQLITE_OK && log == done;
}

}  // namespace okod
