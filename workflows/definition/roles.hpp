#pragma once
// The catalogue of roles work can be addressed to (workflows/definitions/roles.toml).
#include <map>
#include <string>

#include "model/text.hpp"

namespace okod {

struct RoleCatalog {
    std::map<std::string, Text> roles;  // id -> display name

    bool contains(const std::string& id) const { return roles.count(id) != 0; }
    // The display name, or the id itself when unknown.
    std::string name(const std::string& id, Language l) const;
    // "regisseur, ggd-contact, ..." for error messages.
    std::string ids() const;
};

}  // namespace okod
