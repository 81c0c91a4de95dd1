#pragma once
// okod keeps a `school_time` rule out of the school holidays it knows; past the last
// school year in its data it can only keep it off weekends and public holidays. This
// finds the municipalities for which that is about to happen, so okod can say so (log
// at start and reload, a warning in the API and the dashboard) instead of silently
// treating every business day as a school day. Pure.
#include <optional>

#include "calendar/school_holidays.hpp"
#include "definition/registry.hpp"
#include "model/municipality.hpp"

namespace okod {

// How far ahead a municipality's school_time deadlines are looked for: a year of work.
inline constexpr date::days kSchoolDataHorizon{366};

struct SchoolDataGap {
    std::optional<Date> known_until;  // nullopt: no school-holiday data at all
};

// The gap when `m` runs a workflow with a school_time rule and the school holidays
// okod knows end before `today` + kSchoolDataHorizon; nullopt otherwise.
std::optional<SchoolDataGap> school_data_gap(const Municipality& m,
                                             const DefinitionRegistry& definitions,
                                             const SchoolHolidays& holidays, Date today);

// "schoolvakanties bekend t/m 2030-09-01: ..." in Dutch or English, for logs and the API.
std::string describe(const SchoolDataGap& gap, const Municipality& m, Language language);

}  // namespace okod
