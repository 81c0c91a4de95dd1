#pragma once
// The Store port on SQLite: one database file per okod installation.
//
// Owns one connection and its cached prepared statements. open() sets the pragmas
// (WAL for files, synchronous=FULL, foreign keys, a 5 s busy timeout) and brings the
// schema up to date with the migrations in migrations.cpp; a database written by a
// newer okod is refused rather than guessed at.
//
// Transactions: begin() issues BEGIN IMMEDIATE and returns an object that rolls back
// when destroyed without commit(). begin() inside an open transaction opens a SAVEPOINT
// in it (a step inside a group commit); they close innermost first. Methods called
// outside a transaction autocommit one by one. A transaction must not outlive the
// store; if the store is destroyed first, its work is rolled back.
//
// Not thread-safe: one SqliteStore belongs to one engine strand.
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_query.hpp"
#include "model/store.hpp"

namespace okod {

// The schema migrations, oldest first (defined in migrations.cpp). Their count is the
// schema version this build writes.
std::span<const std::string_view> sqlite_migrations();

class SqliteTransaction;

class SqliteStore final : public Store {
public:
    // Opens or creates `file` (":memory:" for a private in-memory database), creating
    // parent directories as needed. Throws SqliteError, or std::runtime_error when the
    // schema is newer than this build knows.
    static std::unique_ptr<SqliteStore> open(const std::filesystem::path& file);
    // A second connection to `file`, which open() made and migrated, that may only read
    // (PRAGMA query_only: a write fails with SQLITE_READONLY). Runs no migration; throws
    // when the schema is not the one this build writes. In WAL mode it reads the last
    // committed state while the writer works. For okod's read threads (daemon/run/
    // read_pool.hpp), one connection per thread at a time.
    static std::unique_ptr<SqliteStore> open_reader(const std::filesystem::path& file);

    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    // The schema version of the open database (PRAGMA user_version).
    int schema_version();
    // The schema version this build migrates to.
    static int latest_schema_version();
    // Rows inserted, updated or deleted through this connection since it opened
    // (sqlite3_total_changes64): what a benchmark counts as rows written.
    std::int64_t rows_changed() const;

    // sqlite_store.cpp: transactions, and what belongs to the store as a whole.
    std::unique_ptr<StoreTransaction> begin() override;
    bool changed_elsewhere() override;
    std::optional<std::string> meta(const std::string& key) override;
    void set_meta(const std::string& key, const std::string& value) override;

    // sqlite_definition_store.cpp
    void save_definition(const StoredDefinition& d) override;
    std::optional<StoredDefinition> definition(const std::string& id, int version) override;
    std::vector<StoredDefinition> all_definitions() override;

    // sqlite_municipality_store.cpp
    void upsert_municipality(const Municipality& m) override;
    std::optional<Municipality> municipality(const std::string& code) override;
    std::vector<Municipality> all_municipalities() override;
    std::optional<ConfigSnapshot> config_snapshot() override;
    void save_config_snapshot(const ConfigSnapshot& snapshot) override;
    std::vector<Municipality> municipalities_after(const std::string& code, int limit) override;
    std::vector<std::string> municipality_codes() override;
    bool has_municipality(const std::string& code) override;
    // sqlite_settings_store.cpp
    std::optional<StoredSettings> stored_settings(const std::string& code) override;
    std::vector<StoredSettings> all_stored_settings() override;
    void save_stored_settings(const StoredSettings& s) override;
    bool drop_stored_settings(const std::string& code) override;

    // sqlite_people_store.cpp
    void upsert_person(const Person& p) override;
    std::optional<Person> person(const std::string& id) override;
    std::vector<Person> all_people() override;
    std::optional<Instant> person_erased_at(const std::string& id) override;
    std::int64_t erased_people_count() override;
    std::int64_t add_assignment(const RoleAssignment& a) override;
    void update_assignment(const RoleAssignment& a) override;
    std::vector<RoleAssignment> assignments_of_municipality(
        const std::string& municipality) override;
    std::vector<RoleAssignment> assignments_of_person(const std::string& person_id) override;
    std::vector<Person> holders_of_role(const std::string& municipality, const std::string& role,
                                        Date on) override;
    void add_membership(const std::string& person_id, const std::string& municipality) override;
    StoreWrite remove_membership(const std::string& person_id,
                                 const std::string& municipality) override;
    std::vector<std::string> memberships_of_person(const std::string& person_id) override;
    std::vector<std::string> members_of_municipality(const std::string& municipality) override;

    // sqlite_instance_store.cpp
    InstanceId insert_instance(const Instance& i) override;
    void update_instance(const Instance& i) override;
    std::optional<Instance> instance(InstanceId id) override;
    std::optional<Instance> instance_by_key(const std::string& municipality,
                                            const std::string& definition_id,
                                            const std::string& key) override;
    std::vector<Instance> instances_of_municipality(const std::string& municipality) override;
    std::vector<Instance> open_instances_of_municipality(const std::string& municipality) override;

    // sqlite_task_store.cpp
    TaskId insert_task(const Task& t) override;
    void update_task(const Task& t) override;
    std::optional<Task> task(TaskId id) override;
    std::vector<Task> tasks_matching(const TaskFilter& f) override;
    bool task_key_taken(InstanceId instance, const std::string& key) override;
    bool has_open_task(InstanceId instance, std::int64_t state_entry) override;

    // sqlite_timer_store.cpp
    bool add_timer(const Timer& t) override;
    std::optional<Timer> next_timer() override;
    std::vector<Timer> due_timers(Instant now, int limit) override;
    void delete_timer(std::int64_t id) override;
    void delete_task_timers(TaskId task) override;
    void delete_instance_timers(InstanceId instance) override;
    std::int64_t timer_count() override;

    // sqlite_event_log.cpp
    std::int64_t append_event(const Event& e) override;
    std::vector<Event> events_after(std::int64_t seq, int limit) override;
    std::vector<Event> events_of_municipality(const std::string& code, std::int64_t seq,
                                              int limit) override;
    std::vector<Event> events_of_instance(InstanceId instance, std::int64_t seq,
                                          int limit) override;
    std::vector<Event> events_of_task(InstanceId instance, const std::string& task_key,
                                      std::int64_t seq, int limit) override;
    std::int64_t last_event_seq() override;
    std::int64_t count_events_after(std::int64_t seq) override;
    std::vector<Event> events_naming(const std::string& person_id,
                                     const std::vector<std::string>& texts) override;

    // sqlite_outbox_store.cpp
    bool enqueue(const OutboxItem& item) override;
    void update_outbox(const OutboxItem& item) override;
    std::optional<OutboxItem> outbox_item(std::int64_t id) override;
    std::vector<OutboxItem> outbox_by_status(std::optional<OutboxStatus> status,
                                             int limit) override;
    std::vector<OutboxItem> outbox_of_municipality(const std::string& code,
                                                   std::optional<OutboxStatus> status,
                                                   std::int64_t after_id, int limit) override;
    std::vector<OutboxItem> outbox_ready(Instant now, int limit) override;
    std::vector<OutboxItem> outbox_digest_candidates(const std::string& person_id,
                                                     int limit) override;
    std::vector<OutboxItem> outbox_digest(std::int64_t digest_id) override;
    std::optional<Instant> next_outbox_attempt() override;
    std::map<OutboxStatus, std::int64_t> outbox_counts() override;
    std::vector<OutboxItem> outbox_of_person(const std::string& person_id) override;
    std::int64_t forget_mail_recipients(Instant before, int limit) override;

    // sqlite_token_store.cpp: API tokens and calendar feed secrets.
    std::int64_t add_token(const ApiToken& t) override;
    std::optional<ApiToken> token_by_hash(const std::string& hash) override;
    std::vector<ApiToken> all_tokens() override;
    StoreWrite revoke_token(std::int64_t id, Instant at) override;
    void set_token_last_used(std::int64_t id, Instant at) override;
    void set_feed_secret(const std::string& person_id, const std::string& hash,
                         Instant at) override;
    std::optional<std::string> person_by_feed_hash(const std::string& hash) override;
    std::optional<Instant> feed_secret_created(const std::string& person_id) override;

    // sqlite_mail_link_store.cpp: the uses of the links in e-mails.
    bool mail_link_used(const std::string& link_id) override;
    bool record_mail_link_use(const MailLinkUse& use) override;

    // sqlite_plan_store.cpp: year plans and execution plans.
    void set_activity_status(const ActivityOverride& o) override;
    std::vector<ActivityOverride> activity_overrides_of_year(const std::string& municipality,
                                                             int year) override;
    StoreWrite insert_year_plan(const StoredYearPlan& p) override;
    std::optional<StoredYearPlan> stored_year_plan(const std::string& municipality,
                                                   int year) override;
    std::vector<int> stored_year_plan_years(const std::string& municipality) override;
    std::int64_t insert_execution_action(const ExecutionAction& a) override;
    void update_execution_action(const ExecutionAction& a) override;
    StoreWrite delete_execution_action(std::int64_t id) override;
    std::optional<ExecutionAction> execution_action(std::int64_t id) override;
    std::vector<ExecutionAction> execution_actions_of_municipality(
        const std::string& municipality) override;

    // sqlite_measurement_store.cpp
    void save_measurement(const Measurement& m) override;
    std::vector<Measurement> measurements_of_municipality(const std::string& municipality) override;

    // sqlite_calendar_store.cpp
    void replace_school_holidays(const std::vector<SchoolHoliday>& holidays) override;
    std::vector<SchoolHoliday> imported_school_holidays() override;

    // sqlite_session_store.cpp: browser sessions and sign-in links.
    std::int64_t add_session(const Session& s) override;
    std::optional<Session> session_by_hash(const std::string& hash) override;
    void touch_session(std::int64_t id, Instant last_seen, Instant idle_expires_at) override;
    bool delete_session(const std::string& hash) override;
    std::int64_t delete_ended_sessions(Instant now) override;
    void add_sign_in_link(const SignInLink& link) override;
    std::optional<SignInLink> sign_in_link(const std::string& hash) override;
    bool consume_sign_in_link(const std::string& hash, Instant at) override;
    std::optional<Instant> last_sign_in_request(const std::string& person_id) override;
    void set_sign_in_request(const std::string& person_id, Instant at) override;

    // sqlite_personal_data.cpp
    ErasureCounts erase_person(const PersonErasure& erasure) override;
    // Moves the write-ahead log into the file and truncates it, so that page images
    // from before an erasure are gone from disk; false when a reader kept part of it.
    bool checkpoint_truncate();

private:
    friend class SqliteTransaction;

    SqliteStore(SqliteDb db, std::string name);
    void configure(bool is_file);
    void migrate();
    std::int64_t data_version();
    void forget_cache_if_changed_elsewhere();
    // The prepared statement of a fixed query (sqlite_query.hpp), prepared on first use.
    SqliteStatement& query(const StoreSql& sql);
    // The prepared statement for SQL built at run time, cached by its text.
    SqliteStatement& query(const std::string& sql);
    // Throws StoreRefusal (not_found) when the last UPDATE changed no row: a lost update
    // must not pass in silence. `what` names the row, e.g. "task 12".
    void expect_changed(const char* method, const std::string& what) const;

    SqliteDb db_;                     // declared first: destroyed after the statements that use it
    std::string name_;                // the file, for error messages
    std::int64_t data_version_ = -1;  // PRAGMA data_version at the last changed_elsewhere()
    // By StoreSql slot; a pointer each, so a statement in use stays put when this grows.
    std::vector<std::unique_ptr<SqliteStatement>> fixed_queries_;
    std::unordered_map<std::string, SqliteStatement> dynamic_queries_;
    std::vector<SqliteTransaction*> open_transactions_;  // outermost first
    // Municipality rows as read before: every engine step reads its municipality, a
    // row with six JSON columns. Used inside transactions only, where nobody else can
    // write; begin() drops it when another connection has committed since it was
    // filled (PRAGMA data_version), and it is dropped on any rollback and updated by
    // upsert_municipality.
    std::unordered_map<std::string, Municipality> municipality_cache_;
    std::int64_t cache_data_version_ = -1;
};

}  // namespace okod
