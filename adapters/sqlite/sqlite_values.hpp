#pragma once
// How model values are kept in SQLite columns, shared by the files that implement
// SqliteStore: instants as Unix seconds, days as 'YYYY-MM-DD' (text order is date
// order), enums by their names, maps and lists as JSON. A value that does not read
// back throws std::runtime_error naming the column, never a guess.
#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod::sqlite_values {

inline std::int64_t to_seconds(Instant t) { return t.time_since_epoch().count(); }
inline Instant to_instant(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }

inline std::optional<std::int64_t> to_seconds(const std::optional<Instant>& t) {
    if (!t) return std::nullopt;
    return to_seconds(*t);
}

inline std::optional<Instant> to_instant(const std::optional<std::int64_t>& seconds) {
    if (!seconds) return std::nullopt;
    return to_instant(*seconds);
}

// Out-of-range fields are written as they are, so a default-constructed Date survives
// a round trip.
std::string format_day(Date d);
std::optional<std::string> format_day(const std::optional<Date>& d);
Date parse_day(std::string_view text, const char* column);

template <typename E>
E parse_enum(std::optional<E> (*parse)(std::string_view), const std::string& text,
             const char* column) {
    if (auto value = parse(text)) return *value;
    throw std::runtime_error(std::string("unknown value in ") + column + ": '" + text + "'");
}

template <typename T>
T from_json(const std::string& text, const char* column) {
    try {
        return boost::json::value_to<T>(boost::json::parse(text));
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("corrupt JSON in ") + column + ": " + e.what());
    }
}

template <typename T>
std::string to_json(const T& value) {
    return boost::json::serialize(boost::json::value_from(value));
}

// Empty keys mean "no key": stored as NULL, which a UNIQUE column never compares equal.
inline std::optional<std::string> key_or_null(const std::string& key) {
    if (key.empty()) return std::nullopt;
    return key;
}

}  // namespace okod::sqlite_values
