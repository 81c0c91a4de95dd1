#pragma once
// A municipality (or a regional project acting as one) that runs the OKO approach.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/holiday_rules.hpp"
#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod {

// A funding line of the programme (e.g. a GIDS or NPO grant). When it ends the college
// has to decide how the work is paid for: okod makes that a deadline.
struct BudgetLine {
    std::string id;                // stable key, lowercase, e.g. "gids"
    std::string name;              // "GIDS-uitkering"
    std::optional<double> amount;  // euros per year, for the report
    Date until{};                  // inclusive last day the line pays for
    friend bool operator==(const BudgetLine&, const BudgetLine&) = default;
};

// The success condition "enough capacity": total FTE over the roles and the share
// of the project leader (regisseur). Defaults from the implementation plan.
struct CapacityNorm {
    double total_fte = 1.5;
    double regisseur_fte = 0.6;
    friend bool operator==(const CapacityNorm&, const CapacityNorm&) = default;
};

struct Municipality {
    std::string code;           // CBS code, "GM0935"
    std::string name;           // "Maastricht"
    std::string school_region;  // "noord" | "midden" | "zuid"
    Date trajectory_start{};    // first day of the implementation trajectory
    int trajectory_years = 4;
    int cycle_years = 1;         // 1 = yearly OKO cycle, 2 = two-yearly
    int survey_every_years = 2;  // youth survey rhythm, counted from trajectory_start
    int report_due_month = 10;   // yearly council report due on this day each year
    int report_due_day = 15;
    Language language = Language::nl;
    std::vector<std::string> workflows;                     // definition ids it runs
    std::map<std::string, Date> dates;                      // extra named dates
    std::map<std::string, std::vector<std::string>> lists;  // fan-out inputs
    // A merger (herindeling) votes in November; that election replaces a regular
    // March election that falls within the year after it.
    std::vector<Date> herindeling_elections;
    // Values for the numbers definitions declare in [settings] (e.g. lead times).
    std::map<std::string, int> settings;
    std::vector<BudgetLine> budget_lines;
    CapacityNorm capacity;
    // First day of the events (festival) season, as month and day; the election
    // playbook plans its kick-off with new administrators there.
    int events_season_month = 4;
    int events_season_day = 1;
    // Goede Vrijdag and Bevrijdingsdag as holidays or not ([holidays]; default: the
    // Algemene termijnenwet's).
    HolidayRules holidays;

    // Last day of the trajectory: trajectory_start + trajectory_years, minus one day.
    Date trajectory_end() const;

    friend bool operator==(const Municipality&, const Municipality&) = default;
};

// Is `code` shaped like a CBS municipality code (GM + four digits)?
bool is_cbs_code(std::string_view code);

}  // namespace okod
