#pragma once
// Reading okod's JSON answers for a person at a terminal: a missing field or null reads
// as empty, numbers as text, times in Amsterdam local minutes. okod may add fields; a
// reader takes what it knows and ignores the rest.
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace okod {

// The field as text: strings as they are, integers in decimal, FTE-like decimals as
// "0,4" (format_fte), booleans "yes"/"no"; "" when missing or null.
std::string json_text(const boost::json::value& v, std::string_view key);
std::int64_t json_int(const boost::json::value& v, std::string_view key);  // 0 when missing
bool json_bool(const boost::json::value& v, std::string_view key);         // false when missing
// A number field (an FTE, say); nullopt when missing, null or not a number.
std::optional<double> json_decimal(const boost::json::value& v, std::string_view key);
// An ISO time field as "2026-03-31 17:00" (Amsterdam); `none` when missing or null.
std::string json_local_minutes(const boost::json::value& v, std::string_view key,
                               const std::string& none = "-");
// A task's title: Dutch, else English (the API sends both).
std::string json_title(const boost::json::value& task);
// The array under `key`, or an empty one.
const boost::json::array& json_array(const boost::json::value& v, std::string_view key);

// --json output: one value on one line.
void print_json_line(const boost::json::value& v, std::ostream& out);
// A list: one element per line, as `okoctl outbox --json` prints.
void print_json_lines(const boost::json::array& items, std::ostream& out);

}  // namespace okod
