#pragma once
// okod's store for an okoctl command that works on it directly, if it exists: okoctl
// never creates it (a store made by okoctl, run as root say, would not be okod's).
// `store` overrides the config's store path; `command` names the command in messages
// ("tokens create", "import survey"). Null, with the reason on `err`, when there is none.
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

namespace okod {

class SqliteStore;

// The path alone, not opened (for a check of a store that may be damaged).
std::optional<std::filesystem::path> existing_store_path(const std::filesystem::path& config,
                                                         const std::filesystem::path& store,
                                                         const std::string& command,
                                                         std::ostream& err);

std::unique_ptr<SqliteStore> open_existing_store(const std::filesystem::path& config,
                                                 const std::filesystem::path& store,
                                                 const std::string& command, std::ostream& err);

}  // namespace okod
