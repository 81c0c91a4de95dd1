#pragma once
// Survey results as CSV (docs/survey-csv.md): one row per municipality, indicator,
// population and year with its value, as the GGD youth monitor / OKO survey reports it.
//
//   gemeente;indicator;populatie;jaar;waarde;eenheid
//   GM0935;alcohol_last_month;13;2023;21,4 %;procent
//
// The header names the columns, in Dutch or English, in any order, any case:
// gemeente|municipality, indicator, populatie|population|leeftijd|age, jaar|year,
// waarde|value, and optionally eenheid|unit (ignored). Any other column is an error, so
// a typo in a header is not silently dropped. Separator ';' when the header has one,
// else ','; values take a decimal point, or in a ';' file also a decimal comma, and may
// end in '%'. The CSV itself is read by csv_reader.hpp (quotes, BOM, CRLF, blank lines).
//
// All or nothing: every problem is collected (the header's first; rows are not looked at
// when the header is wrong) and any problem means no rows. Pure: no I/O, no store.
#include <string>
#include <string_view>
#include <vector>

#include "model/measurement.hpp"
#include "model/text.hpp"

namespace okod {

// A problem pinned to the user's file, in Dutch and English (the caller's language picks):
// "survey.csv:7: kolom 5 (waarde): '12,3,4' is geen getal" / "survey.csv:7: column 5
// (waarde): '12,3,4' is not a number". Column 0: the line as a whole ("survey.csv:7:
// ..."); line 0: the file as a whole ("survey.csv: ...").
struct SurveyError {
    std::string file;
    int line = 0;
    int column = 0;           // 1-based
    std::string column_name;  // as the header spells it; "" when the header has none there
    Text message;

    std::string to_string(Language l) const;
    friend bool operator==(const SurveyError&, const SurveyError&) = default;
};

struct SurveyRow {
    int line = 0;             // where it is in the file
    Measurement measurement;  // source and imported_at left empty: the importer sets them
};

struct SurveyParse {
    std::vector<SurveyRow> rows;  // in file order; empty when there are errors
    std::vector<SurveyError> errors;
    // Where the municipality is, so the importer can pin "okod knows no GM9999" to it.
    int municipality_column = 0;
    std::string municipality_column_name;
    bool ok() const { return errors.empty(); }

    // An error about `row` in the municipality column (for checks against the store).
    SurveyError municipality_error(const std::string& file, const SurveyRow& row,
                                   Text message) const {
        return {file, row.line, municipality_column, municipality_column_name, std::move(message)};
    }
};

// `file` is only used in the errors (the name as the user gave it).
SurveyParse parse_survey_csv(std::string_view text, const std::string& file);

}  // namespace okod
