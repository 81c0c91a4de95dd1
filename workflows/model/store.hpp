#pragma once
// The Store port: everything the engine keeps durably, as the aggregate of one small
// port per area (model/store/). The SQLite adapter implements it (adapters/sqlite/);
// the core never sees SQL. A function that needs one area takes that port (a report
// that reads the event log takes an EventLog&), so a second implementation or a test
// fake can start with the areas it needs.
//
// Reads are named for what bounds them: `_of_municipality`, `_of_year`, `_of_person`,
// `_by_key`, a single row by its id, or `all_` when nothing does (those are listed in
// each port's comment; issue 18 bounds the ones that grow).
//
// Transactions: an engine step calls begin(), does its reads and writes, and commits.
// A StoreTransaction that is destroyed without commit() rolls back, so a crash or an
// exception in the middle of a step leaves the last committed state. begin() inside an
// open transaction nests (a savepoint): a driver may open one transaction around
// several steps that are due together (group commit, Engine::step_due), so they
// become durable together with one sync; each step still applies whole or not at all.
// Not thread-safe: one Store belongs to one engine strand.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/personal_data.hpp"
#include "model/store/calendar_store.hpp"
#include "model/store/definition_store.hpp"
#include "model/store/event_log.hpp"
#include "model/store/instance_store.hpp"
#include "model/store/mail_link_store.hpp"
#include "model/store/measurement_store.hpp"
#include "model/store/municipality_store.hpp"
#include "model/store/outbox_store.hpp"
#include "model/store/people_store.hpp"
#include "model/store/plan_store.hpp"
#include "model/store/session_store.hpp"
#include "model/store/store_refusal.hpp"
#include "model/store/task_store.hpp"
#include "model/store/timer_store.hpp"
#include "model/store/token_store.hpp"

namespace okod {

class StoreTransaction {
public:
    virtual ~StoreTransaction() = default;  // rolls back unless committed
    virtual void commit() = 0;
};

class Store : public DefinitionStore,
              public MunicipalityStore,
              public PeopleStore,
              public InstanceStore,
              public TaskStore,
              public TimerStore,
              public EventLog,
              public OutboxStore,
              public TokenStore,
              public MailLinkStore,
              public PlanStore,
              public MeasurementStore,
              public CalendarStore,
              public SessionStore {
public:
    ~Store() override = default;

    virtual std::unique_ptr<StoreTransaction> begin() = 0;

    // Has another process (okoctl) committed to the store since the last call? The
    // daemon asks when the store's files change, to act on what okoctl wrote at once.
    virtual bool changed_elsewhere() = 0;

    // Small named values the daemon keeps across restarts (e.g. the demo clock's anchor).
    virtual std::optional<std::string> meta(const std::string& key) = 0;
    virtual void set_meta(const std::string& key, const std::string& value) = 0;

    // The one write across areas (model/personal_data.hpp): the person's row, their
    // outbox rows, the event log (the one sanctioned rewrite, see migration 8) and every
    // other text column. Call it inside the transaction that also logs the erasure.
    virtual ErasureCounts erase_person(const PersonErasure& erasure) = 0;
};

}  // namespace okod
