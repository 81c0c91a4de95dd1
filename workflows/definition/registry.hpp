#pragma once
// All loaded definitions, every version. New instances start on the newest version of
// a definition; running instances look up the exact version they pinned.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "definition/definition.hpp"
#include "definition/roles.hpp"

namespace okod {

class DefinitionRegistry {
public:
    // Adds a definition; a second copy of the same (id, version) replaces nothing.
    void add(Definition d);
    void set_roles(RoleCatalog roles) { roles_ = std::move(roles); }

    const Definition* latest(const std::string& id) const;
    const Definition* get(const std::string& id, int version) const;
    std::vector<std::string> ids() const;  // sorted
    const RoleCatalog& roles() const { return roles_; }

private:
    std::map<std::pair<std::string, int>, Definition> by_version_;
    RoleCatalog roles_;
};

}  // namespace okod
