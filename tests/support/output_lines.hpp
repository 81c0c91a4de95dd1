#pragma once
// A command's output read the way a user reads it: line by line, or one JSON value
// per line (okoctl --json).
#include <boost/json/value.hpp>
#include <string>
#include <vector>

namespace okod::test {

std::vector<std::string> lines_of(const std::string& text);
// Fails the test (by throwing) when a line is not JSON.
std::vector<boost::json::value> json_lines(const std::string& text);
// The cells of an aligned table line: text apart by two spaces or more.
std::vector<std::string> table_cells(const std::string& line);
// Whether `s` is well-formed UTF-8 (no sequence cut in half, e.g. by line folding).
bool valid_utf8(const std::string& s);

}  // namespace okod::test
