#include "definition/roles.hpp"

namespace okod {

std::string RoleCatalog::name(const std::string& id, Language l) const {
    auto it = roles.find(id);
    return it == roles.end() ? id : it->second.in(l);
}

std::string RoleCatalog::ids() const {
    std::string out;
    for (const auto& [id, _] : roles) {
        if (!out.empty()) out += ", ";
        out += id;
    }
    return out;
}

}  // namespace okod
