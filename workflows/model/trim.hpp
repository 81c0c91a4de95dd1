#pragma once
// `s` without the spaces and tabs around it: a header value, a CSV field, a list item.
#include <string_view>

namespace okod {

inline std::string_view trim_blanks(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace okod
