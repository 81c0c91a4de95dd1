#pragma once
// Which school holidays okod runs on: the shipped file's, except for the school years
// an operator imported (`okoctl calendar import-school-holidays`), where the import
// replaces the file's holidays of that year in every region. A school year runs from
// 1 August to 31 July (school_year_of), so an import of 2026-2027 leaves 2025-2026 as
// the file has it.
#include <vector>

#include "calendar/school_holidays.hpp"

namespace okod {

std::vector<SchoolHoliday> merge_school_holidays(const std::vector<SchoolHoliday>& file,
                                                 const std::vector<SchoolHoliday>& imported);

}  // namespace okod
