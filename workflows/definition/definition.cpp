#include "definition/definition.hpp"

namespace okod {

const StateSpec* Definition::state(std::string_view state_id) const {
    for (const auto& s : states)
        if (s.id == state_id) return &s;
    return nullptr;
}

}  // namespace okod
