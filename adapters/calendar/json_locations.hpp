#pragma once
// Where each value of a JSON text starts, by path ("[0].content[2].vacations[1].type"),
// so that errors found in the parsed document can name the line and column the user
// wrote. Boost.JSON keeps no positions; this scans the text once more.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace okod {

struct JsonPosition {
    int line = 0;    // 1-based; 0 when the path is not in the text
    int column = 0;  // 1-based, in bytes
};

class JsonLocations {
public:
    // `text` must be JSON that Boost.JSON accepted; a duplicate key keeps its last place.
    explicit JsonLocations(std::string_view text);
    // The root is "" (the whole document).
    JsonPosition at(const std::string& path) const;

private:
    std::string_view text_;
    std::unordered_map<std::string, std::size_t> offsets_;
};

// 1-based line and column of byte `offset` in `text`.
JsonPosition position_in(std::string_view text, std::size_t offset);

}  // namespace okod
