#pragma once
// Whether the store is exactly as okod left it at its last clean stop, so that the
// integrity check at start (PRAGMA quick_check reads every page: 0.4 s warm, 2.9 s cold
// for a 171 MiB store, BENCHMARKS.md) can be skipped on the common restart. After a
// clean stop okod writes the store file's and its WAL's device, inode, size and
// modification time into "<store>.clean"; at start it removes that file, so a crash,
// kill -9 or power loss leaves none. A store changed while okod was down (restored,
// replaced, written by okoctl) no longer matches, and is checked.
#include <filesystem>
#include <string>

namespace okod {

// What the store's files are now, in one line ("" when the store does not exist).
std::string store_fingerprint(const std::filesystem::path& store);

// True when okod stopped cleanly last time and the store is untouched since. Removes
// the mark either way: from now on okod runs, and only a clean stop writes it again.
bool take_clean_stop_mark(const std::filesystem::path& store);

// After a clean stop, once the store is closed.
void write_clean_stop_mark(const std::filesystem::path& store);

}  // namespace okod
