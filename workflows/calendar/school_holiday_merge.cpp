#include "calendar/school_holiday_merge.hpp"

#include <set>
#include <string>

namespace okod {

std::vector<SchoolHoliday> merge_school_holidays(const std::vector<SchoolHoliday>& file,
                                                 const std::vector<SchoolHoliday>& imported) {
    // A holiday belongs to the school year it starts in: the store files it that way.
    std::set<std::string> imported_years;
    for (const auto& h : imported) imported_years.insert(school_year_of(h.first));
    std::vector<SchoolHoliday> out;
    for (const auto& h : file)
        if (!imported_years.count(school_year_of(h.first))) out.push_back(h);
    out.insert(out.end(), imported.begin(), imported.end());
    return out;
}

}  // namespace okod
