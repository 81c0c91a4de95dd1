#pragma once
// The Store port: everything the engine keeps durably. The SQLite adapter implements
// it (adapters/sqlite/); the core never sees SQL.
//
// Transactions: an engine step calls begin(), does its reads and writes, and commits.
// A StoreTransaction that is destroyed without commit() rolls back, so a crash or an
// exception in the middle of a step leaves the last committed state. begin() inside an
// open transaction nests (a savepoint): a driver may open one transaction around
// several steps that are due together (group commit, Engine::step_due), so they
// become durable together with one sync; each step still applies whole or not at all.
// Not thread-safe: one Store belongs to one engine strand.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/school_holidays.hpp"
#include "model/activity_status.hpp"
#include "model/api_token.hpp"
#include "model/execution_plan.hpp"
#include "model/instance.hpp"
#include "model/measurement.hpp"
#include "model/municipality.hpp"
#include "model/people.hpp"
#include "model/personal_data.hpp"

namespace okod {

class StoreTransaction {
public:
    virtual ~StoreTransaction() = default;  // rolls back unless committed
    virtual void commit() = 0;
};

// The source text of a definition, kept so that instances pinned to an old version
// can still be driven after the file on disk moved on.
struct StoredDefinition {
    std::string id;
    int version = 0;
    std::string source_file;
    std::string source_text;
};

struct TaskFilter {
    std::optional<std::string> municipality;
    std::optional<InstanceId> instance_id;
    std::optional<std::string> role;
    std::optional<TaskStatus> status;
    std::optional<Instant> due_before;  // due < due_before
    std::optional<Instant> due_after;   // due >= due_after
    std::optional<Instant> closed_after;  // done or skipped at or after this moment
};

class Store {
public:
    virtual ~Store() = default;

    virtual std::unique_ptr<StoreTransaction> begin() = 0;

    // Definitions (version pinning).
    virtual void save_definition(const StoredDefinition& d) = 0;  // no-op if (id, version) exists
    virtual std::optional<StoredDefinition> definition(const std::string& id, int version) = 0;
    virtual std::vector<StoredDefinition> definitions() = 0;

    // Municipalities, people and role assignments.
    virtual void upsert_municipality(const Municipality& m) = 0;
    virtual std::optional<Municipality> municipality(const std::string& code) = 0;
    virtual std::vector<Municipality> municipalities() = 0;  // ordered by code
    virtual void upsert_person(const Person& p) = 0;
    virtual std::optional<Person> person(const std::string& id) = 0;
    virtual std::vector<Person> people() = 0;  // ordered by id
    // Inserts, or, when an assignment with the same municipality, role, person and from
    // exists, sets its end date (a holder who announced leaving); returns the row's id.
    virtual std::int64_t add_assignment(const RoleAssignment& a) = 0;
    virtual void update_assignment(const RoleAssignment& a) = 0;
    virtual std::vector<RoleAssignment> assignments(const std::string& municipality) = 0;
    // People holding `role` in `municipality` on day `on`, ordered by person id.
    virtual std::vector<Person> holders(const std::string& municipality, const std::string& role,
                                        Date on) = 0;

    // Instances.
    virtual InstanceId insert_instance(const Instance& i) = 0;  // returns the new id
    virtual void update_instance(const Instance& i) = 0;
    virtual std::optional<Instance> instance(InstanceId id) = 0;
    virtual std::optional<Instance> find_instance(const std::string& municipality,
                                                  const std::string& definition_id,
                                                  const std::string& key) = 0;
    virtual std::vector<Instance> instances(const std::string& municipality) = 0;  // by id

    // Tasks.
    virtual TaskId insert_task(const Task& t) = 0;
    virtual void update_task(const Task& t) = 0;
    virtual std::optional<Task> task(TaskId id) = 0;
    virtual std::vector<Task> tasks(const TaskFilter& f) = 0;  // ordered by due, then id
    // The engine's two questions per step, answered without reading whole tasks: does
    // the instance have a task with this key; does it have one, made in state entry
    // `state_entry`, that is neither done nor skipped.
    virtual bool task_key_taken(InstanceId instance, const std::string& key) = 0;
    virtual bool has_open_task(InstanceId instance, std::int64_t state_entry) = 0;

    // Timers: the index the scheduler sleeps on.
    // Returns false (and changes nothing) when a timer with the same key exists.
    virtual bool add_timer(const Timer& t) = 0;
    virtual std::optional<Timer> next_timer() = 0;  // earliest (due, id)
    virtual std::vector<Timer> due_timers(Instant now, int limit) = 0;  // due <= now, in order
    virtual void delete_timer(std::int64_t id) = 0;
    virtual void delete_task_timers(TaskId task) = 0;
    virtual void delete_instance_timers(InstanceId instance) = 0;
    virtual std::int64_t timer_count() = 0;

    // The append-only event log.
    virtual std::int64_t append_event(const Event& e) = 0;  // returns seq
    virtual std::vector<Event> events_after(std::int64_t seq, int limit) = 0;  // seq order
    virtual std::int64_t last_event_seq() = 0;  // 0 when the log is empty
    virtual std::int64_t count_events_after(std::int64_t seq) = 0;

    // The outbox. Returns false (and changes nothing) when the key exists.
    virtual bool enqueue(const OutboxItem& item) = 0;
    virtual std::vector<OutboxItem> outbox(std::optional<OutboxStatus> status, int limit) = 0;
    virtual void update_outbox(const OutboxItem& item) = 0;
    // Pending items whose next attempt is due at `now` (never tried: due at once),
    // in the order they became ready.
    virtual std::vector<OutboxItem> outbox_ready(Instant now, int limit) = 0;
    virtual std::optional<OutboxItem> outbox_item(std::int64_t id) = 0;
    // When the earliest pending item may next be tried; nullopt when nothing is pending.
    virtual std::optional<Instant> next_outbox_attempt() = 0;
    virtual std::map<OutboxStatus, std::int64_t> outbox_counts() = 0;

    // School holidays imported with `okoctl calendar import-school-holidays`. An import
    // replaces every school year it covers; the years it does not cover keep their data.
    virtual void replace_school_holidays(const std::vector<SchoolHoliday>& holidays) = 0;
    virtual std::vector<SchoolHoliday> imported_school_holidays() = 0;  // by first day

    // Has another process (okoctl) committed to the store since the last call? The
    // daemon asks when the store's files change, to act on what okoctl wrote at once.
    virtual bool changed_elsewhere() = 0;

    // Small named values the daemon keeps across restarts (e.g. the demo clock's anchor).
    virtual std::optional<std::string> meta(const std::string& key) = 0;
    virtual void set_meta(const std::string& key, const std::string& value) = 0;

    // API tokens (okoctl tokens). Only the secret's hash is kept; a request's token is
    // found by hashing what it presents. Tokens are never deleted, only revoked, so the
    // list keeps who had access when.
    virtual std::int64_t add_token(const ApiToken& t) = 0;  // returns the new id
    virtual std::optional<ApiToken> token_by_hash(const std::string& hash) = 0;  // revoked too
    virtual std::vector<ApiToken> tokens() = 0;  // ordered by id
    // Sets revoked_at unless already set (the first revocation stands); false when no
    // token has that id.
    virtual bool revoke_token(std::int64_t id, Instant at) = 0;
    // Records when a token was last used (the API calls it at most once a minute per
    // token, so a busy client does not cost a write per request).
    virtual void set_token_last_used(std::int64_t id, Instant at) = 0;

    // Memberships (issue 16): the municipalities a person belongs to. A regisseur reads,
    // assigns and changes only people of its own municipalities; an admin links a person
    // into another one. Adding one that exists changes nothing; the person must exist.
    virtual void add_membership(const std::string& person_id, const std::string& municipality) = 0;
    virtual bool remove_membership(const std::string& person_id,
                                   const std::string& municipality) = 0;  // false: was none
    virtual std::vector<std::string> memberships(const std::string& person_id) = 0;  // by code
    virtual std::vector<std::string> members(
        const std::string& municipality) = 0;  // person ids, sorted

    // Calendar feed secrets (issue 16): one per person, read-only, only the SHA-256 kept
    // (as for tokens). Setting one replaces the person's previous secret, which stops
    // working at once.
    virtual void set_feed_secret(const std::string& person_id, const std::string& hash,
                                 Instant at) = 0;
    virtual std::optional<std::string> person_by_feed_hash(const std::string& hash) = 0;
    virtual std::optional<Instant> feed_secret_created(const std::string& person_id) = 0;

    // Year plans (issue 6): an activity's traffic light set by hand. One per
    // (municipality, year, activity); setting it again replaces it.
    virtual void set_activity_status(const ActivityOverride& o) = 0;
    virtual std::vector<ActivityOverride> activity_overrides(const std::string& municipality,
                                                             int year) = 0;  // by activity

    // Survey results (issue 6): one value per (municipality, indicator, population,
    // year); saving the same key again replaces it.
    virtual void save_measurement(const Measurement& m) = 0;
    virtual std::vector<Measurement> measurements(
        const std::string& municipality) = 0;  // by indicator, population, year

    // The execution plan after a Scanner (issue 6): its actions. Ids come from the store
    // and are never reused, so an id in the event log names one action for good.
    virtual std::int64_t insert_execution_action(const ExecutionAction& a) = 0;  // returns the id
    virtual void update_execution_action(const ExecutionAction& a) = 0;  // the row with a.id
    virtual bool delete_execution_action(std::int64_t id) = 0;  // false when there is none
    virtual std::optional<ExecutionAction> execution_action(std::int64_t id) = 0;
    virtual std::vector<ExecutionAction> execution_actions(
        const std::string& municipality) = 0;  // by id (model/execution_plan.hpp groups them)

    // Personal data (issue 16, model/personal_data.hpp). An erased person's row stays as
    // a tombstone with a pseudonym: upsert_person leaves it as it is, so neither a config
    // file nor okoctl brings the person back under that id.
    virtual std::optional<Instant> person_erased_at(const std::string& id) = 0;
    virtual std::int64_t erased_people_count() = 0;
    virtual std::vector<OutboxItem> outbox_of_person(const std::string& person_id) = 0;  // by id
    // Event log lines about the person (`person` is their id) or with one of `texts`
    // in their title or note; in seq order. Reads the whole log: for rare requests.
    virtual std::vector<Event> events_naming(const std::string& person_id,
                                             const std::vector<std::string>& texts) = 0;
    // The one sanctioned rewrite of the event log (see migration 8); call it inside the
    // transaction that also logs the erasure.
    virtual ErasureCounts erase_person(const PersonErasure& erasure) = 0;
    // Retention: clears the address (and last error) of up to `limit` outbox rows that
    // are no longer pending and were sent, or given up, before `before`; returns how
    // many. Reads only rows that still have an address (an index), oldest first.
    virtual std::int64_t forget_mail_recipients(Instant before, int limit) = 0;
};

}  // namespace okod
