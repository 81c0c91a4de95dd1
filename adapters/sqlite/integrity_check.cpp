#include "adapters/sqlite/integrity_check.hpp"

#include <fmt/format.h>

#include "adapters/sqlite/sqlite_db.hpp"

namespace okod {

IntegrityReport check_store_integrity(const std::filesystem::path& store, IntegrityDepth depth,
                                      int max_problems) {
    IntegrityReport report;
    try {
        SqliteDb db(store.string());
        db.set_busy_timeout(5000);
        auto check = db.prepare(fmt::format(
            "PRAGMA {}({})", depth == IntegrityDepth::quick ? "quick_check" : "integrity_check",
            max_problems));
        while (check.step()) {
            const auto line = check.column_text(0);
            if (line != "ok") report.problems.push_back(line);
        }
    } catch (const SqliteError& e) {
        report.problems.push_back(e.message());
    }
    return report;
}

std::string damaged_store_advice(const std::filesystem::path& store) {
    const auto s = store.string();
    return fmt::format(
        "Restore the last backup: stop okod, move {0}, {0}-wal and {0}-shm aside, copy the backup "
        "to {0} and "
        "start okod. Without a backup, `sqlite3 {0} .recover | sqlite3 {0}.recovered` saves what "
        "can be read; "
        "check that with `okoctl store check --store {0}.recovered` before putting it in place. "
        "`okoctl store check` lists every problem",
        s);
}

}  // namespace okod
