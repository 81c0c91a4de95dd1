#include "definition/registry.hpp"

namespace okod {

// NOLINTNEXTLINE(performance-unnecessary-value-param): d is moved into the map below.
void DefinitionRegistry::add(Definition d) {
    auto key = std::make_pair(d.id, d.version);
    by_version_.try_emplace(std::move(key), std::move(d));
}

const Definition* DefinitionRegistry::latest(const std::string& id) const {
    const Definition* best = nullptr;
    for (const auto& [key, def] : by_version_)
        if (key.first == id) best = &def;  // map order: highest version last
    return best;
}

const Definition* DefinitionRegistry::get(const std::string& id, int version) const {
    auto it = by_version_.find({id, version});
    return it == by_version_.end() ? nullptr : &it->second;
}

std::vector<std::string> DefinitionRegistry::ids() const {
    std::vector<std::string> out;
    for (const auto& [key, _] : by_version_)
        if (out.empty() || out.back() != key.first) out.push_back(key.first);
    return out;
}

}  // namespace okod
