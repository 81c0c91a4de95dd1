#pragma once
// `okoctl import survey` and `okoctl survey list`: survey results (GGD youth monitor /
// OKO survey) in okod's store, the values policy goals are measured against.
//   import survey FILE  a CSV file (docs/survey-csv.md) into the store, all or nothing
//   survey list         a municipality's stored values
//
// Works on okod's store (the config's, or --store), which must exist: okoctl never
// creates it. A running okod needs no reload: it reads measurements when it uses them.
//
// Exit codes: 0 done; 1 refused (any error in the file, a municipality okod does not
// know, no store, a config that does not load); 2 bad arguments (CLI11).
#include <filesystem>
#include <iosfwd>
#include <string>

namespace okod {

struct SurveyCommon {
    std::filesystem::path config;
    std::filesystem::path store;  // overrides the config's store path
};

struct ImportSurveyArgs {
    SurveyCommon common;
    std::filesystem::path file;
    std::string lang = "nl";  // of the problems: nl (default) or en
};

// Every problem is printed as file:line: column N (name): message, then a count, and
// nothing is written. Otherwise every row is saved in one transaction (a value already
// stored for the same municipality, indicator, population and year is replaced) and the
// summary goes to stdout: values per municipality and indicator, and each replaced
// value as old → new.
int run_import_survey(const ImportSurveyArgs& args, std::ostream& out, std::ostream& err);

struct SurveyListArgs {
    SurveyCommon common;
    std::string municipality;  // CBS code, checked by the command line
    bool json = false;
};

// A table (indicator, population, year, value; values with a decimal comma), or with
// --json one object per line: {municipality, indicator, population, year, value (a
// number), source, imported_at}.
int run_survey_list(const SurveyListArgs& args, std::ostream& out, std::ostream& err);

}  // namespace okod
