#include "model/holiday_rules.hpp"

namespace okod {

std::string_view to_string(LiberationDay d) {
    switch (d) {
        case LiberationDay::lustrum:
            return "lustrum";
        case LiberationDay::never:
            return "never";
        case LiberationDay::every_year:
            break;
    }
    return "every_year";
}

std::optional<LiberationDay> parse_liberation_day(std::string_view text) {
    for (auto d : {LiberationDay::every_year, LiberationDay::lustrum, LiberationDay::never})
        if (to_string(d) == text) return d;
    return std::nullopt;
}

}  // namespace okod
