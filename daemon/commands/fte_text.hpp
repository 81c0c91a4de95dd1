#pragma once
// FTE as municipalities write it: "0,4" or "0.4". One reading for every okoctl option that
// takes an FTE figure (the validator in cli_validators.hpp and the execution plan's
// change), so what the command line accepts is exactly what the command then reads.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace okod {

// The figure, or nullopt when `text` is not a plain decimal: no blanks, sign "+", hex,
// "inf" or "nan" (std::strtod would take those; a municipality never means them).
inline std::optional<double> parse_fte(std::string_view text) {
    std::string dotted(text);
    std::replace(dotted.begin(), dotted.end(), ',', '.');
    double value = 0;
    const auto [end, ec] = std::from_chars(dotted.data(), dotted.data() + dotted.size(), value,
                                           std::chars_format::fixed);
    if (dotted.empty() || ec != std::errc{} || end != dotted.data() + dotted.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

}  // namespace okod
