#pragma once
// Aligned columns for a terminal: the first row is the header, cells are padded by
// what a terminal shows (a UTF-8 "ë" takes one column), two spaces between columns,
// no trailing blanks. A short row leaves its last columns empty.
#include <iosfwd>
#include <string>
#include <vector>

namespace okod {

using TextRow = std::vector<std::string>;

void print_table(const std::vector<TextRow>& rows, std::ostream& out);

// Columns a terminal uses for `s`: UTF-8 continuation bytes take none.
std::size_t display_width(const std::string& s);

}  // namespace okod
