#include "support/query_plan.hpp"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

namespace okod::test {

std::vector<std::string> query_plan(const std::filesystem::path& db, const std::string& sql) {
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    const std::unique_ptr<sqlite3, decltype(&sqlite3_close)> connection(raw, &sqlite3_close);
    if (opened != SQLITE_OK)
        throw std::runtime_error("cannot open " + db.string() + ": " + sqlite3_errmsg(raw));
    sqlite3_stmt* s = nullptr;
    const std::string explain = "EXPLAIN QUERY PLAN " + sql;
    if (sqlite3_prepare_v2(raw, explain.c_str(), -1, &s, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string(sqlite3_errmsg(raw)) + " in: " + sql);
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(s,
                                                                               &sqlite3_finalize);
    std::vector<std::string> lines;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const auto* detail = sqlite3_column_text(s, 3);  // id, parent, notused, detail
        lines.emplace_back(detail ? reinterpret_cast<const char*>(detail) : "");
    }
    return lines;
}

std::vector<std::string> full_scans(const std::vector<std::string>& plan,
                                    std::initializer_list<std::string_view> tables) {
    std::vector<std::string> scans;
    for (const auto& line : plan)
        for (const auto table : tables) {
            const std::string scan = "SCAN " + std::string(table);
            if (line == scan || line.starts_with(scan + " ")) scans.push_back(line);
        }
    return scans;
}

}  // namespace okod::test
