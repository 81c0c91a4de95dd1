#pragma once
// One survey result a municipality's policy goals are measured against: the value of an
// indicator for a population in a year (the GGD youth monitor / OKO survey), e.g. 21.4
// for alcohol_last_month among pupils aged 13 in 2023 in GM0935. Imported with
// `okoctl import survey`; a later import of the same key replaces the value.
// A plain value: copy freely.
#include <algorithm>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod {

struct Measurement {
    // The key: one value per municipality, indicator, population and year.
    std::string municipality;  // CBS code, GM0935
    std::string indicator;     // lowercase letters, digits and _, e.g. cannabis_last_month
    std::string population;    // free text: "13", "13-16", "klas 2"
    int year = 0;
    double value = 0;    // as the survey reports it (a share in %, a mean, ...)
    std::string source;  // the file it was imported from
    Instant imported_at{};
    friend bool operator==(const Measurement&, const Measurement&) = default;
};

// An indicator's name, as survey files and year plans must write it to match: lowercase
// letters, digits and _, starting with a letter, at most 64 characters.
inline bool is_indicator_name(std::string_view s) {
    if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

}  // namespace okod
