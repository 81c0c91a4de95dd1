#pragma once
// What okod's municipalities and their plan are made of, as one text: every file they
// come from (the municipality files, the year plans, the workflow definitions, the
// school holidays), each with its size and a hash of its bytes, and the [engine]
// settings of okod.toml. Equal fingerprints mean the
// same files with the same content, so okod's start can take the municipalities it
// stored from them last time instead of parsing every file again (issue 18: 342
// municipality files cost more than the rest of a start). The bytes are read, not
// trusted to a modification time: a file rewritten within the same clock tick with the
// same size would otherwise look unchanged.
#include <string>

#include "adapters/config/config.hpp"

namespace okod {

// `settings` as load_settings returns it (its paths are what is read).
std::string config_fingerprint(const Config& settings);

}  // namespace okod
