#pragma once
// A small RFC 4180 reader for the CSV files people export from Excel or a GGD portal.
//
// Hand-written on purpose: Debian's one C/C++ CSV library (libcsv) reports neither the
// line a record starts on nor where a quote was left open, and those are what an
// operator needs to fix a file (`survey.csv:7: column 5 (waarde): ...`), so we would be
// counting lines around it anyway. The format is small enough to read in one pass here.
//
// What it accepts: a UTF-8 byte-order mark; CRLF or LF line ends; ',' or ';' as the
// separator, ';' when the first line has one (Dutch Excel writes ';' because ',' is the
// decimal separator); fields in double quotes, which may hold the separator, line breaks
// and "" for one quote, with blanks allowed around the quotes. Blank lines, and lines of
// only separators (Excel's empty rows), are skipped. Unquoted fields are kept as written,
// blanks included: the caller trims what it interprets.
//
// Problems: a quote inside an unquoted field, or text after a closing quote, is reported
// and the field kept as written; an unterminated quote ends the reading (everything after
// it would be inside the quote) and is reported at the line where the quote opened.
// Pure: no I/O.
#include <string>
#include <string_view>
#include <vector>

#include "model/text.hpp"

namespace okod {

struct CsvRecord {
    int line = 0;  // 1-based line the record starts on
    std::vector<std::string> fields;
};

struct CsvProblem {
    int line = 0;
    int field = 0;  // 1-based field number in its record
    Text message;   // Dutch and English (survey_csv.hpp picks one per caller)
    friend bool operator==(const CsvProblem&, const CsvProblem&) = default;
};

struct CsvContent {
    char separator = ',';
    std::vector<CsvRecord> records;  // blank lines left out
    std::vector<CsvProblem> problems;
};

CsvContent read_csv(std::string_view text);

}  // namespace okod
