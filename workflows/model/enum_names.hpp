#pragma once
// The one way stored enums meet their names: a table of (value, name) pairs per enum,
// looked up both ways, so to_string and parse can never disagree.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace okod {

template <typename E, std::size_t N>
std::optional<E> find_name(const std::array<std::pair<E, std::string_view>, N>& names,
                           std::string_view text) {
    for (const auto& [value, name] : names)
        if (name == text) return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
    for (const auto& [v, name] : names)
        if (v == value) return name;
    return "?";
}

}  // namespace okod
