#pragma once
// The one way SqliteStore runs SQL. A statement's text is a StoreSql constant next to
// the function that runs it; SqliteStore::query() hands out its prepared statement,
// prepared on first use and kept; bind_all() binds ?1, ?2, ... in the order written;
// read_one() and read_all() turn rows into model values with a typed row reader.
//
//     const StoreSql kTimerDelete{"DELETE FROM timers WHERE id = ?1"};
//     StatementUse s{query(kTimerDelete)};
//     bind_all(*s, id);
//     s->run();
//
// SQL built at run time (the task filters' shapes, the erasure's per-column updates)
// goes through query(std::string), the same cache keyed by its text.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sqlite/sqlite_db.hpp"

namespace okod {

// Each StoreSql gets a slot when the program starts, so the store finds the prepared
// statement by index, not by hashing the text: an engine step runs some twenty. Define
// them at namespace scope only (their slots are handed out during static init).
class StoreSql {
public:
    explicit StoreSql(std::string text);
    StoreSql(const StoreSql&) = delete;
    StoreSql& operator=(const StoreSql&) = delete;

    const std::string& text() const noexcept { return text_; }
    std::size_t slot() const noexcept { return slot_; }

private:
    std::string text_;
    std::size_t slot_;
};

// "SELECT <columns> <rest>": the columns in the order a row reader expects them.
std::string select_from(std::string_view columns, std::string_view rest);

// Binds `values` to ?1, ?2, ... in order; a nullopt binds NULL.
template <typename... V>
void bind_all(SqliteStatement& s, const V&... values) {
    int index = 0;
    (s.bind(++index, values), ...);
}

template <typename T, typename Read>
std::optional<T> read_one(SqliteStatement& s, Read read) {
    if (!s.step()) return std::nullopt;
    return read(s);
}

template <typename T, typename Read>
std::vector<T> read_all(SqliteStatement& s, Read read) {
    std::vector<T> rows;
    while (s.step()) rows.push_back(read(s));
    return rows;
}

// The single number a count(*), max() or EXISTS query answers; `otherwise` for no row.
inline std::int64_t read_number(SqliteStatement& s, std::int64_t otherwise = 0) {
    return s.step() ? s.column_int64(0) : otherwise;
}

}  // namespace okod
