#pragma once
// Which year a yearly report covers, from the day it is due: a report due before July
// looks back on the year before (the spring memo, "voorjaarsnota"); one due from July
// on reports on its own year so far (before the budget debate in the autumn).
#include <string>

#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod {

inline int annual_report_year(Date due) {
    const int year = static_cast<int>(due.year());
    return static_cast<unsigned>(due.month()) < 7 ? year - 1 : year;
}

// "jaarrapportage-GM0935-2026" / "annual-report-GM0935-2026": the report's file name
// without extension, for the files okod writes, mails and serves.
inline std::string annual_report_basename(const std::string& municipality, int year,
                                          Language language) {
    return (language == Language::en ? "annual-report-" : "jaarrapportage-") + municipality + "-" +
           std::to_string(year);
}

}  // namespace okod
