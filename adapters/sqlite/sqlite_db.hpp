#pragma once
// A small RAII layer over the SQLite C API, in the style of SQLiteCpp: a connection
// (SqliteDb), a prepared statement (SqliteStatement) and an exception (SqliteError)
// that carries SQLite's error code and the SQL that failed. sqlite3.h stays in the .cpp.
//
// Not thread-safe: a connection and its statements belong to one thread (or strand).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace okod {

// An error reported by SQLite. code() is the extended result code (e.g. 2067 for
// SQLITE_CONSTRAINT_UNIQUE); primary_code() the primary one (19, SQLITE_CONSTRAINT).
class SqliteError : public std::runtime_error {
public:
    SqliteError(int code, std::string message, std::string sql);

    int code() const noexcept { return code_; }
    int primary_code() const noexcept { return code_ & 0xff; }
    const std::string& message() const noexcept { return message_; }
    const std::string& sql() const noexcept { return sql_; }  // empty when not about SQL
    // The file, not the statement, is at fault: full disk, I/O error, locked by another
    // process past the busy timeout, read-only, damaged. Trying again later may work.
    bool is_storage_fault() const noexcept;

private:
    int code_;
    std::string message_;
    std::string sql_;
};

class SqliteStatement;

// For tests that hold every read to an index (tests/api/read_plans_test.cpp): when set,
// called with the SQL text of each statement as it starts to run (its first step), on
// every connection and thread. Off (nullptr) by default; then a step costs one relaxed
// atomic load more. The observer must be thread-safe if statements run on several threads.
using StatementObserver = void (*)(std::string_view sql);
void observe_statements(StatementObserver observer) noexcept;

// One open connection. Closing happens in the destructor; uncommitted work is lost
// (SQLite rolls it back), which is exactly what a crash would do.
class SqliteDb {
public:
    // Opens (creating if needed) `file`; ":memory:" gives a private in-memory database.
    explicit SqliteDb(const std::string& file);
    ~SqliteDb();
    SqliteDb(SqliteDb&& other) noexcept;
    SqliteDb& operator=(SqliteDb&& other) noexcept;
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    // Runs one or more statements that return no rows we need.
    void exec(std::string_view sql);
    // The noexcept twin: returns the SQLite result code (0 = SQLITE_OK).
    int try_exec(std::string_view sql) noexcept;

    SqliteStatement prepare(std::string_view sql);

    std::int64_t last_insert_rowid() const noexcept;
    int changes() const noexcept;  // rows changed by the last INSERT/UPDATE/DELETE
    bool in_transaction() const noexcept;
    void set_busy_timeout(int milliseconds);

    sqlite3* handle() const noexcept { return db_; }

private:
    sqlite3* db_ = nullptr;
};

// A prepared statement. Parameters are 1-based (?1, ?2, ...), columns 0-based.
// Bind, then step() until it returns false; reset() makes it ready for the next use
// and drops the bindings. Bound text is copied into buffers the statement keeps and
// reuses, so callers may bind temporaries and a cached statement binds without a
// malloc per value (SQLite's own copy would be one: Debian builds it without lookaside).
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bind(int index, int value);
    void bind(int index, std::int64_t value);
    void bind(int index, double value);
    void bind(int index, std::string_view value);
    void bind(int index, const std::string& value) { bind(index, std::string_view{value}); }
    void bind(int index, const char* value) { bind(index, std::string_view{value}); }
    void bind_null(int index);
    template <typename T>
    void bind(int index, const std::optional<T>& value) {
        if (value)
            bind(index, *value);
        else
            bind_null(index);
    }

    // True when a row is ready, false when the statement has finished.
    bool step();
    // Steps a statement that returns no rows to completion.
    void run();
    void reset() noexcept;

    bool is_null(int column) const noexcept;
    int column_int(int column) const noexcept;
    std::int64_t column_int64(int column) const noexcept;
    double column_double(int column) const noexcept;
    std::string column_text(int column) const;  // NULL reads as ""
    std::optional<std::int64_t> column_optional_int64(int column) const noexcept;
    std::optional<std::string> column_optional_text(int column) const;
    std::optional<double> column_optional_double(int column) const noexcept;

    std::string sql() const;

private:
    friend class SqliteDb;
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    [[noreturn]] void fail(int code) const;

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    // One per parameter; a vector's move keeps the strings (and their characters,
    // also short ones) where SQLite was told they are.
    std::vector<std::string> text_;
};

// Resets a (cached) statement when a use of it ends, also when that use throws, so a
// half-read SELECT never keeps a read transaction open.
class StatementUse {
public:
    explicit StatementUse(SqliteStatement& s) : s_(s) {}
    ~StatementUse() { s_.reset(); }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;
    SqliteStatement* operator->() const { return &s_; }
    SqliteStatement& operator*() const { return s_; }

private:
    SqliteStatement& s_;
};

}  // namespace okod
