#include "adapters/sqlite/sqlite_values.hpp"

#include <charconv>
#include <cstdio>

namespace okod::sqlite_values {

std::string format_day(Date d) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text;
}

std::optional<std::string> format_day(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return format_day(*d);
}

Date parse_day(std::string_view text, const char* column) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    auto r = std::from_chars(p, end, y);
    bool ok = r.ec == std::errc{} && r.ptr != end && *r.ptr == '-';
    if (ok) r = std::from_chars(r.ptr + 1, end, m);
    ok = ok && r.ec == std::errc{} && r.ptr != end && *r.ptr == '-';
    if (ok) r = std::from_chars(r.ptr + 1, end, d);
    ok = ok && r.ec == std::errc{} && r.ptr == end;
    if (!ok)
        throw std::runtime_error(std::string("bad date in ") + column + ": '" + std::string{text} +
                                 "'");
    return Date{date::year{y}, date::month{m}, date::day{d}};
}

}  // namespace okod::sqlite_values
