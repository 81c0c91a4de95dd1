#pragma once
// The yearly report's fixed words and formats in Dutch (default) or English, shared by
// its HTML and Markdown forms so both say the same.
#include <cstdint>
#include <optional>
#include <string>

#include "model/process_monitor.hpp"
#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod::report_words {

struct Words {
    Language language;
    std::string operator()(const char* nl, const char* en) const {
        return language == Language::en ? en : nl;
    }
};

std::string long_date(Date d, Language l);              // "15 oktober 2026" / "15 October 2026"
std::string date_time(Instant t, Language l);           // "15 oktober 2026, 17:00"
std::string verdict(const ProcessStep& s, Language l);  // "te laat (12 dagen)"
std::string money(double euros, Language l);            // "€ 40.000" / "€40,000"
// An action's resources (execution plan): "€ 2.500 · 0,2 fte · zaal"; "–" when none.
std::string fte_number(double fte, Language l);  // "0,2" / "0.2"
std::string resources(const std::optional<std::int64_t>& euros, const std::optional<double>& fte,
                      const std::string& other, Language l);

}  // namespace okod::report_words
