#pragma once
// The directory transport's .eml files under the retention setting and an erasure
// (README "Persoonsgegevens / personal data"). Only files the transport names
// (YYYYMMDDTHHMMSS-<hash>.eml, the stamp okod's clock showed when it sent) are touched.
#include <filesystem>
#include <string>

#include "time/instant.hpp"

namespace okod {

// Removes the messages sent before `cutoff` (by the stamp in their name, so the demo's
// accelerated clock counts as well as the wall clock); returns how many.
int remove_eml_sent_before(const std::filesystem::path& dir, Instant cutoff);

// Removes the messages whose text contains `needle` (an erased person's address);
// returns how many. An empty or missing directory is none.
int remove_eml_containing(const std::filesystem::path& dir, const std::string& needle);

}  // namespace okod
