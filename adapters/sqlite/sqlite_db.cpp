#include "adapters/sqlite/sqlite_db.hpp"

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <utility>

namespace okod {
namespace {

// SQLite counts every allocation under a process-wide mutex for sqlite3_memory_used(),
// which okod never asks: some 8 % of an engine step. Only possible before SQLite
// initializes, so it is done before the first connection opens; if something else
// initialized SQLite first, the call fails harmlessly and the counting stays.
void configure_sqlite_once() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

std::string describe(int code, const std::string& message, const std::string& sql) {
    std::string text = "sqlite error " + std::to_string(code) + " (" + sqlite3_errstr(code) + ")";
    if (!message.empty() && message != sqlite3_errstr(code)) text += ": " + message;
    if (!sql.empty()) text += "; SQL: " + sql;
    return text;
}

std::atomic<StatementObserver> statement_observer{nullptr};

}  // namespace

void observe_statements(StatementObserver observer) noexcept { statement_observer = observer; }

SqliteError::SqliteError(int code, std::string message, std::string sql)
    : std::runtime_error(describe(code, message, sql)),
      code_(code),
      message_(std::move(message)),
      sql_(std::move(sql)) {}

bool SqliteError::is_storage_fault() const noexcept {
    switch (primary_code()) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_NOMEM:
        case SQLITE_READONLY:
        case SQLITE_IOERR:
        case SQLITE_CORRUPT:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_PROTOCOL:
        case SQLITE_NOTADB:
            return true;
        default:
            return false;
    }
}

// --- SqliteDb ---------------------------------------------------------------------

SqliteDb::SqliteDb(const std::string& file) {
    configure_sqlite_once();
    // NOMUTEX: a connection is owned by one strand, so SQLite's own locking is waste.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw SqliteError(rc, "cannot open " + file + ": " + message, "");
    }
    sqlite3_extended_result_codes(db_, 1);
}

SqliteDb::~SqliteDb() {
    // close_v2 defers the close until stray statements are finalized instead of failing.
    if (db_) sqlite3_close_v2(db_);
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
    if (this != &other) {
        if (db_) sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

void SqliteDb::exec(std::string_view sql) {
    const std::string text{sql};
    char* error = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw SqliteError(sqlite3_extended_errcode(db_), std::move(message), text);
    }
}

int SqliteDb::try_exec(std::string_view sql) noexcept {
    try {
        const std::string text{sql};
        return sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    } catch (...) {  // only std::bad_alloc can get here
        return SQLITE_NOMEM;
    }
}

SqliteStatement SqliteDb::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throw SqliteError(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_), std::string{sql});
    }
    SqliteStatement statement{db_, stmt};
    statement.text_.resize(static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt)));
    return statement;
}

std::int64_t SqliteDb::last_insert_rowid() const noexcept { return sqlite3_last_insert_rowid(db_); }

int SqliteDb::changes() const noexcept { return sqlite3_changes(db_); }

bool SqliteDb::in_transaction() const noexcept { return sqlite3_get_autocommit(db_) == 0; }

void SqliteDb::set_busy_timeout(int milliseconds) {
    const int rc = sqlite3_busy_timeout(db_, milliseconds);
    if (rc != SQLITE_OK) throw SqliteError(rc, sqlite3_errmsg(db_), "");
}

// --- SqliteStatement --------------------------------------------------------------

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      text_(std::move(other.text_)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
        text_ = std::move(other.text_);
    }
    return *this;
}

void SqliteStatement::fail(int code) const { throw SqliteError(code, sqlite3_errmsg(db_), sql()); }

void SqliteStatement::bind(int index, int value) {
    const int rc = sqlite3_bind_int(stmt_, index, value);
    if (rc != SQLITE_OK) fail(rc);
}

void SqliteStatement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) fail(rc);
}

void SqliteStatement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) fail(rc);
}

void SqliteStatement::bind(int index, std::string_view value) {
    if (index < 1 || static_cast<std::size_t>(index) > text_.size()) fail(SQLITE_RANGE);
    // SQLite refuses to rebind a running statement; refuse before touching the buffer
    // its current binding points at.
    if (sqlite3_stmt_busy(stmt_)) fail(SQLITE_MISUSE);
    // STATIC: the copy in text_ outlives the binding (until the next bind or reset).
    std::string& copy = text_[static_cast<std::size_t>(index) - 1];
    copy.assign(value.data(), value.size());
    const int rc =
        sqlite3_bind_text64(stmt_, index, copy.data(), copy.size(), SQLITE_STATIC, SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(rc);
}

void SqliteStatement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) fail(rc);
}

bool SqliteStatement::step() {
    if (const auto observe = statement_observer.load(std::memory_order_relaxed);
        observe && !sqlite3_stmt_busy(stmt_))
        observe(sqlite3_sql(stmt_));
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(rc);
}

void SqliteStatement::run() {
    while (step()) {
    }
}

void SqliteStatement::reset() noexcept {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool SqliteStatement::is_null(int column) const noexcept {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int SqliteStatement::column_int(int column) const noexcept {
    return sqlite3_column_int(stmt_, column);
}

std::int64_t SqliteStatement::column_int64(int column) const noexcept {
    return sqlite3_column_int64(stmt_, column);
}

double SqliteStatement::column_double(int column) const noexcept {
    return sqlite3_column_double(stmt_, column);
}

std::optional<double> SqliteStatement::column_optional_double(int column) const noexcept {
    if (is_null(column)) return std::nullopt;
    return column_double(column);
}

std::string SqliteStatement::column_text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    if (!text) return {};
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return std::string(reinterpret_cast<const char*>(text), size);
}

std::optional<std::int64_t> SqliteStatement::column_optional_int64(int column) const noexcept {
    if (is_null(column)) return std::nullopt;
    return column_int64(column);
}

std::optional<std::string> SqliteStatement::column_optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_text(column);
}

std::string SqliteStatement::sql() const {
    const char* text = stmt_ ? sqlite3_sql(stmt_) : nullptr;
    return text ? std::string{text} : std::string{};
}

}  // namespace okod
