#pragma once
// A municipality (or a regional project acting as one) that runs the OKO approach.
#include "model/text.hpp"
#include "time/instant.hpp"

#include <map>
#include <string>
#include <vector>

namespace okod {

struct Municipality {
    std::string code;           // CBS code, "GM0935"
    std::string name;           // "Maastricht"
    std::string school_region;  // "noord" | "midden" | "zuid"
    Date trajectory_start{};    // first day of the implementation trajectory
    int trajectory_years = 4;
    int cycle_years = 1;          // 1 = yearly OKO cycle, 2 = two-yearly
    int survey_every_years = 2;   // youth survey rhythm, counted from trajectory_start
    int report_due_month = 10;    // yearly council report due on this day each year
    int report_due_day = 15;
    Language language = Language::nl;
    std::vector<std::string> workflows;                         // definition ids it runs
    std::map<std::string, Date> dates;                          // extra named dates
    std::map<std::string, std::vector<std::string>> lists;      // fan-out inputs

    // Last day of the trajectory: trajectory_start + trajectory_years, minus one day.
    Date trajectory_end() const;
};

// Is `code` shaped like a CBS municipality code (GM + four digits)?
bool is_cbs_code(std::string_view code);

}  // namespace okod
