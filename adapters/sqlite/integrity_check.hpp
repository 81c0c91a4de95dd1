#pragma once
// Is a store file sound? SQLite's own checks, on a connection of their own:
// `PRAGMA quick_check` (every page read once, b-tree structure and record formats; okod
// runs it at every start, BENCHMARKS.md says what it costs) or `PRAGMA integrity_check`
// (also indexes against their tables; `okoctl store check`).
#include <filesystem>
#include <string>
#include <vector>

namespace okod {

enum class IntegrityDepth { quick, full };

struct IntegrityReport {
    std::vector<std::string> problems;  // SQLite's lines, at most `max_problems`; empty: sound
    bool ok() const { return problems.empty(); }
};

// Checks an existing store file. A file SQLite cannot read as a database at all is one
// problem ("file is not a database"), not an exception.
IntegrityReport check_store_integrity(const std::filesystem::path& store, IntegrityDepth depth,
                                      int max_problems = 100);

// What to tell an administrator whose store is damaged: how to restore a backup, how to
// salvage without one, how to see every problem.
std::string damaged_store_advice(const std::filesystem::path& store);

}  // namespace okod
