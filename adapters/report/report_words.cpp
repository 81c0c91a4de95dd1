#include "adapters/report/report_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "model/capacity.hpp"
#include "time/amsterdam.hpp"

namespace okod::report_words {

namespace {
constexpr std::array<const char*, 12> kMonthsNl{"januari",   "februari", "maart",    "april",
                                                "mei",       "juni",     "juli",     "augustus",
                                                "september", "oktober",  "november", "december"};
constexpr std::array<const char*, 12> kMonthsEn{"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};
}  // namespace

std::string long_date(Date d, Language l) {
    const auto month = static_cast<unsigned>(d.month()) - 1;
    return fmt::format("{} {} {}", static_cast<unsigned>(d.day()),
                       l == Language::en ? kMonthsEn[month] : kMonthsNl[month],
                       static_cast<int>(d.year()));
}

std::string date_time(Instant t, Language l) {
    const std::string minutes = format_local_minutes(t);  // "2026-10-15 17:00"
    return fmt::format("{}, {}", long_date(local_date(t), l), minutes.substr(11));
}

std::string verdict(const ProcessStep& s, Language l) {
    const Words w{l};
    const std::string days = s.days_late == 1
                                 ? w("1 dag", "1 day")
                                 : fmt::format("{} {}", s.days_late, w("dagen", "days"));
    switch (s.verdict) {
        case StepVerdict::on_time:
            return w("op tijd", "on time");
        case StepVerdict::late:
            return fmt::format("{} ({})", w("te laat", "late"), days);
        case StepVerdict::overdue:
            return fmt::format("{} ({})", w("open, over de deadline", "open, overdue"), days);
        case StepVerdict::skipped:
            return w("overgeslagen", "skipped");
        case StepVerdict::open:
            return w("open", "open");
    }
    return "";
}

std::string money(double euros, Language l) {
    const auto whole = static_cast<long long>(std::llround(euros));
    std::string digits = std::to_string(whole), grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += l == Language::en ? ',' : '.';
        grouped += digits[i];
    }
    return l == Language::en ? "€" + grouped : "€ " + grouped;
}

std::string fte_number(double fte, Language l) {
    std::string number = format_fte(fte);  // Dutch: "0,2"
    if (l == Language::en) std::replace(number.begin(), number.end(), ',', '.');
    return number;
}

std::string resources(const std::optional<std::int64_t>& euros, const std::optional<double>& fte,
                      const std::string& other, Language l) {
    std::string text;
    auto add = [&](const std::string& part) { text += (text.empty() ? "" : " · ") + part; };
    if (euros) add(money(static_cast<double>(*euros), l));
    if (fte) add(fte_number(*fte, l) + " fte");
    if (other.find_first_not_of(" \t\r\n") != std::string::npos) add(other);
    return text.empty() ? "–" : text;
}

}  // namespace okod::report_words
