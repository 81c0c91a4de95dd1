#include "definition/load_error.hpp"

namespace okod {

std::string LoadError::to_string() const {
    if (line <= 0) return file + ": " + message;
    std::string out = file + ":" + std::to_string(line) + ":";
    if (column > 0) out += std::to_string(column) + ":";
    return out + " " + message;
}

}  // namespace okod
