// SqliteStore as a whole: opening, the schema migrations, transactions, the statement
// cache, and the small values kept across restarts. Each area of the Store port has
// its own file (sqlite_<area>_store.cpp), all in the style of sqlite_query.hpp; only
// scripts (the migrations, the pragmas set at open) and the rollbacks that must not
// throw go through SqliteDb::exec and try_exec.
#include "adapters/sqlite/sqlite_store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace okod {
namespace {

const StoreSql kBegin{"BEGIN IMMEDIATE"};
const StoreSql kCommit{"COMMIT"};
const StoreSql kDataVersion{"PRAGMA data_version"};
const StoreSql kSchemaVersion{"PRAGMA user_version"};
const StoreSql kJournalModeWal{"PRAGMA journal_mode=WAL"};
const StoreSql kMetaGet{"SELECT value FROM meta WHERE key = ?1"};
const StoreSql kMetaSet{
    "INSERT INTO meta(key, value) VALUES (?1, ?2) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"};

}  // namespace

// --- transactions -----------------------------------------------------------------------

// Rolls back in its destructor unless commit() ran. Detached (store_ == nullptr) once
// committed, or when the store is closed underneath it. The outermost one is a BEGIN
// IMMEDIATE ... COMMIT; one opened inside it is a SAVEPOINT that commit() releases into
// the outer transaction and the destructor rolls back to, leaving the outer one open.
class SqliteTransaction final : public StoreTransaction {
public:
    SqliteTransaction(SqliteStore& store, std::size_t depth) : store_(&store), depth_(depth) {}
    ~SqliteTransaction() override {
        if (!store_) return;
        auto& open = store_->open_transactions_;
        const auto self = std::find(open.begin(), open.end(), this);
        if (self == open.end()) return;
        // Anything still open inside this one goes with it.
        for (auto inner = self + 1; inner != open.end(); ++inner) (*inner)->detach();
        open.erase(self, open.end());
        store_->municipality_cache_.clear();  // it may hold rows this rollback undoes
        // SQLite may already have rolled back by itself (after SQLITE_FULL, say).
        if (!store_->db_.in_transaction()) return;
        // A step whose savepoint cannot be rolled back must not fold its half-done
        // writes into the group: then the whole group goes, and its commit() throws.
        if (depth_ == 0 || store_->db_.try_exec("ROLLBACK TO " + savepoint()) != SQLITE_OK)
            store_->db_.try_exec("ROLLBACK");
        else
            store_->db_.try_exec("RELEASE " + savepoint());
    }
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

    void commit() override {
        if (!store_)
            throw std::logic_error(
                "StoreTransaction::commit: not open (committed already, or the store was "
                "closed)");
        if (store_->open_transactions_.back() != this)
            throw std::logic_error(
                "StoreTransaction::commit: a transaction opened inside this one is still open");
        // On failure the transaction stays open and the destructor rolls back.
        if (depth_ == 0) {
            StatementUse s{store_->query(kCommit)};
            s->run();
        } else {
            StatementUse s{store_->query("RELEASE " + savepoint())};
            s->run();
        }
        store_->open_transactions_.pop_back();
        store_ = nullptr;
    }

    void detach() noexcept { store_ = nullptr; }

    std::string savepoint() const { return "okod_step_" + std::to_string(depth_); }

private:
    SqliteStore* store_;
    std::size_t depth_;  // 0: the outer transaction; n: the n-th savepoint inside it
};

// --- SqliteStore --------------------------------------------------------------------------

std::unique_ptr<SqliteStore> SqliteStore::open(const std::filesystem::path& file) {
    const std::string name = file.string();
    const bool is_file = !name.empty() && name != ":memory:";
    if (is_file && file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    std::unique_ptr<SqliteStore> store{new SqliteStore(SqliteDb{name}, name)};
    store->configure(is_file);
    store->migrate();
    store->changed_elsewhere();  // from here on, count other connections' commits
    return store;
}

std::unique_ptr<SqliteStore> SqliteStore::open_reader(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::unique_ptr<SqliteStore> store{new SqliteStore(SqliteDb{name}, name)};
    // Shorter than the writer's 5 s: a reader that waits that long answers 503 instead
    // (a reader waits only while a checkpoint resets the WAL, or on a damaged file).
    store->db_.set_busy_timeout(2000);
    store->db_.exec("PRAGMA query_only=1; PRAGMA cache_size=-16384; PRAGMA temp_store=MEMORY;");
    if (const int version = store->schema_version(); version != latest_schema_version())
        throw std::runtime_error(name + ": schema version " + std::to_string(version) +
                                 " is not this build's " + std::to_string(latest_schema_version()) +
                                 " (a reader never migrates)");
    return store;
}

SqliteStore::SqliteStore(SqliteDb db, std::string name)
    : db_(std::move(db)), name_(std::move(name)) {}

SqliteStore::~SqliteStore() {
    if (!open_transactions_.empty()) {
        for (auto* t : open_transactions_) t->detach();
        db_.try_exec("ROLLBACK");
    }
}

std::int64_t SqliteStore::rows_changed() const { return sqlite3_total_changes64(db_.handle()); }

int SqliteStore::latest_schema_version() { return static_cast<int>(sqlite_migrations().size()); }

void SqliteStore::configure(bool is_file) {
    // The busy timeout first, so that the pragmas below wait for other writers too.
    db_.set_busy_timeout(5000);
    if (is_file) {
        // WAL: readers (okoctl) never block the engine, and a commit is one append.
        StatementUse s{query(kJournalModeWal)};
        const std::string mode = s->step() ? s->column_text(0) : std::string{};
        if (mode != "wal")
            throw std::runtime_error(name_ + ": cannot switch to WAL journal mode (got '" + mode +
                                     "')");
    }
    // A 16 MiB page cache (SQLite's default is 2 MiB): a group of steps touches pages
    // all over the task, timer and outbox indexes; with the small cache they were read
    // again and again and spilled into the WAL mid-transaction (BENCHMARKS.md, decade).
    // Checkpoint at 10,000 WAL pages (~40 MiB; SQLite's default is 1,000): a group of
    // steps writes ~1,000 pages, so with the default every group commit was followed by
    // a checkpoint copying each page again, with two more syncs (BENCHMARKS.md, peer).
    // Savepoint journals in memory (temp_store): each step of a group is a savepoint, and
    // SQLite copies every page a step first touches into that journal; as a temp file that
    // was 20 pwrite() calls a step, a third of the decade's time (BENCHMARKS.md, decade).
    // The journal only serves rolling back a step; durability is the WAL's.
    db_.exec(
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384; "
        "PRAGMA wal_autocheckpoint=10000; PRAGMA temp_store=MEMORY;");
}

int SqliteStore::schema_version() {
    StatementUse s{query(kSchemaVersion)};
    return static_cast<int>(read_number(*s));
}

void SqliteStore::migrate() {
    const auto migrations = sqlite_migrations();
    const int latest = latest_schema_version();
    auto refuse_if_newer = [&](int version) {
        if (version > latest)
            throw std::runtime_error(
                name_ + ": database schema version " + std::to_string(version) +
                " is newer than this okod understands (" + std::to_string(latest) +
                "); run a newer okod or use another database file");
    };
    refuse_if_newer(schema_version());
    for (;;) {
        // One transaction per migration, with its version bump: a crash mid-migration
        // leaves the previous version, and the next start runs that migration again.
        // The version is re-read under the write lock in case another process migrated.
        db_.exec("BEGIN IMMEDIATE");
        try {
            const int version = schema_version();
            refuse_if_newer(version);
            if (version == latest) {
                db_.exec("COMMIT");
                return;
            }
            try {
                db_.exec(migrations[static_cast<std::size_t>(version)]);
            } catch (const SqliteError& e) {
                throw SqliteError(e.code(),
                                  name_ + ": migration " + std::to_string(version + 1) +
                                      " failed: " + e.message(),
                                  e.sql());
            }
            db_.exec("PRAGMA user_version = " + std::to_string(version + 1));
            db_.exec("COMMIT");
        } catch (...) {
            if (db_.in_transaction()) db_.try_exec("ROLLBACK");
            throw;
        }
    }
}

SqliteStatement& SqliteStore::query(const StoreSql& sql) {
    if (sql.slot() >= fixed_queries_.size()) fixed_queries_.resize(sql.slot() + 1);
    auto& slot = fixed_queries_[sql.slot()];
    if (!slot) slot = std::make_unique<SqliteStatement>(db_.prepare(sql.text()));
    return *slot;
}

SqliteStatement& SqliteStore::query(const std::string& sql) {
    auto it = dynamic_queries_.find(sql);
    if (it == dynamic_queries_.end()) it = dynamic_queries_.emplace(sql, db_.prepare(sql)).first;
    return it->second;
}

std::unique_ptr<StoreTransaction> SqliteStore::begin() {
    auto transaction = std::make_unique<SqliteTransaction>(*this, open_transactions_.size());
    try {
        // BEGIN IMMEDIATE fails with SQLITE_BUSY when another writer holds the lock past
        // the busy timeout: then nothing is open and nothing is recorded.
        if (open_transactions_.empty()) {
            StatementUse s{query(kBegin)};
            s->run();
        } else {
            StatementUse s{query("SAVEPOINT " + transaction->savepoint())};
            s->run();
        }
        if (open_transactions_.empty()) forget_cache_if_changed_elsewhere();
    } catch (...) {
        if (open_transactions_.empty() && db_.in_transaction()) db_.try_exec("ROLLBACK");
        transaction->detach();
        throw;
    }
    open_transactions_.push_back(transaction.get());
    return transaction;
}

std::int64_t SqliteStore::data_version() {
    // Changes only when another connection commits (see the SQLite docs of PRAGMA
    // data_version); our own commits leave it as it is.
    StatementUse s{query(kDataVersion)};
    return read_number(*s, -1);
}

void SqliteStore::forget_cache_if_changed_elsewhere() {
    // Under the write lock: what data_version says now stays true until the commit.
    const std::int64_t version = data_version();
    if (version != cache_data_version_) municipality_cache_.clear();
    cache_data_version_ = version;
}

// --- meta ---------------------------------------------------------------------------------

bool SqliteStore::changed_elsewhere() {
    const std::int64_t now = data_version();
    const bool changed = data_version_ >= 0 && now != data_version_;
    data_version_ = now;
    return changed;
}

std::optional<std::string> SqliteStore::meta(const std::string& key) {
    StatementUse s{query(kMetaGet)};
    bind_all(*s, key);
    if (!s->step()) return std::nullopt;
    return s->column_text(0);
}

void SqliteStore::set_meta(const std::string& key, const std::string& value) {
    StatementUse s{query(kMetaSet)};
    bind_all(*s, key, value);
    s->run();
}

void SqliteStore::expect_changed(const char* method, const std::string& what) const {
    if (db_.changes() == 0)
        throw StoreRefusal(Refusal::not_found,
                           std::string("SqliteStore::") + method + ": no " + what);
}

}  // namespace okod
