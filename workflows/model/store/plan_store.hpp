#pragma once
// The plans of a municipality (issue 6): the year plan's traffic lights set by hand,
// and the execution plan after a Scanner.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/activity_status.hpp"
#include "model/execution_plan.hpp"
#include "model/store/store_refusal.hpp"

namespace okod {

// A year plan drafted in okod (issue 19) rather than written as a file: the TOML text a
// plans/<CODE>-<YEAR>.toml file would hold, read by the same loader.
struct StoredYearPlan {
    std::string municipality;
    int year = 0;
    std::string toml;
    int drafted_from = 0;  // the year whose overview it was drawn up from
    std::string drafted_by;
    Instant drafted_at{};
    friend bool operator==(const StoredYearPlan&, const StoredYearPlan&) = default;
};

class PlanStore {
public:
    virtual ~PlanStore() = default;

    // One override per (municipality, year, activity); setting it again replaces it.
    virtual void set_activity_status(const ActivityOverride& o) = 0;
    virtual std::vector<ActivityOverride> activity_overrides_of_year(
        const std::string& municipality, int year) = 0;  // by activity

    // One plan per (municipality, year): refused (conflict) when there is one already.
    virtual StoreWrite insert_year_plan(const StoredYearPlan& p) = 0;
    virtual std::optional<StoredYearPlan> stored_year_plan(const std::string& municipality,
                                                           int year) = 0;
    virtual std::vector<int> stored_year_plan_years(const std::string& municipality) = 0;

    // Ids come from the store and are never reused, so an id in the event log names one
    // action for good.
    virtual std::int64_t insert_execution_action(const ExecutionAction& a) = 0;  // the id
    // The row with a.id; throws StoreRefusal (not_found) when there is none.
    virtual void update_execution_action(const ExecutionAction& a) = 0;
    // Refused (not_found) when there is no action with that id.
    virtual StoreWrite delete_execution_action(std::int64_t id) = 0;
    virtual std::optional<ExecutionAction> execution_action(std::int64_t id) = 0;
    virtual std::vector<ExecutionAction> execution_actions_of_municipality(
        const std::string& municipality) = 0;  // by id (model/execution_plan.hpp groups them)
};

}  // namespace okod
