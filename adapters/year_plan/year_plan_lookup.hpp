#pragma once
// The one place okod looks up a municipality's year plan (jaarplan): the files in
// plans/ (config.plans, read at start and reload) and the plans drafted in okod and kept
// in the store ("jaarplan volgend jaar opstellen", issue 19). A stored plan wins over a
// file for the same municipality and year: it is the newer word, and okod never writes
// into plans/. The overview, the yearly report, its e-mail attachment and okoctl all ask
// here, so they cannot disagree about which plan a year has.
//
// A stored plan is read from the store at each lookup (a plan okoctl drafted is seen by
// a running okod at once) and parsed with the files' loader; its errors name it
// "store: GM0935-2027". Not thread-safe beyond its store: one per request or command.
#include <optional>
#include <string>
#include <vector>

#include "adapters/config/config.hpp"
#include "adapters/year_plan/year_plan_loader.hpp"
#include "model/store/plan_store.hpp"

namespace okod {

struct FoundYearPlan {
    LoadedYearPlan loaded;                 // loaded.file: the file, or "store: GM0935-2027"
    std::optional<StoredYearPlan> stored;  // when it comes from the store: who drafted it
    const YearPlan& plan() const { return loaded.plan; }
};

class YearPlans {
public:
    // `config` gives the plan files and the municipalities a stored plan is checked against.
    YearPlans(const Config& config, PlanStore& store) : config_(config), store_(store) {}

    // Throws std::runtime_error when the store's plan does not load (it was checked when
    // it was stored: the store was changed by hand).
    std::optional<FoundYearPlan> find(const std::string& municipality, int year) const;
    // The years with a plan, file or store, in order.
    std::vector<int> years(const std::string& municipality) const;

private:
    const Config& config_;
    PlanStore& store_;
};

// How errors name a stored plan: "store: GM0935-2027".
std::string stored_plan_source(const std::string& municipality, int year);

}  // namespace okod
