#pragma once
// Stored settings over a parsed municipality file (municipality_settings.hpp). Internal
// to adapters/config: include only from .cpp files that parse TOML.
#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "definition/load_error.hpp"
#include "model/store/municipality_store.hpp"

namespace okod {

// `doc` (the municipality file `file`) with its settings keys replaced by those of
// `stored` (a key `stored` lacks is taken out), as the text effective_municipality_toml
// gives, parsed again under the name effective_settings_source(): so that the loader's
// errors point at lines of that text, which okoctl municipalities export shows. A
// stored text that does not parse, or names a key that is no setting, is an error
// naming stored_settings_source(); nullopt then.
std::optional<toml::table> overlay_settings(const toml::table& doc,
                                            const std::filesystem::path& file,
                                            const StoredSettings& stored,
                                            std::vector<LoadError>& errors);

}  // namespace okod
