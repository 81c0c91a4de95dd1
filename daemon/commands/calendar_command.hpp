#pragma once
// `okoctl calendar ...`: the calendars okod plans with.
//   elections               the council election days (Kieswet, plus a municipality's
//                           herindeling elections) in a range of years
//   import-school-holidays  a government open-data file into the store, which then
//                           replaces the shipped file's holidays for the years it covers
#include <filesystem>
#include <iosfwd>
#include <string>

namespace okod {

struct ElectionsArgs {
    int from_year = 0;
    int to_year = 0;
    std::string municipality;  // empty: the Kieswet rule only, no config needed
    bool json = false;
    std::filesystem::path config;
};

// One YYYY-MM-DD per line, or with --json one array of {"date", "kind"} where kind is
// "regular" or "herindeling". Returns 0; 1 when the config does not load or has no
// such municipality; 2 for a bad range or a malformed municipality code.
int run_calendar_elections(const ElectionsArgs& args, std::ostream& out, std::ostream& err);

struct ImportSchoolHolidaysArgs {
    std::filesystem::path file;
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
};

// All or nothing: any problem in the file is printed as file:line:col: message and
// nothing is written. Otherwise the school years in the file are replaced in the store
// in one transaction and a summary is printed. Returns 0, or 1 on any error.
int run_import_school_holidays(const ImportSchoolHolidaysArgs& args, std::ostream& out,
                               std::ostream& err);

}  // namespace okod
