#pragma once
// Loads workflow definitions and the role catalogue from TOML files (the format is
// workflows/README.md). Syntax and structure are checked here, meaning by
// definition/validate.hpp; every problem becomes a LoadError carrying the file, line
// and column the user wrote, and all of them are collected, not just the first.
// toml++ stays inside the .cpp. Stateless functions: safe to call from any thread.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "definition/definition.hpp"
#include "definition/load_error.hpp"
#include "definition/roles.hpp"

namespace okod {

// Parses a roles.toml. Appends problems to `errors` and returns the roles that could
// be read (possibly none).
RoleCatalog parse_roles(std::string_view text, const std::string& file,
                        std::vector<LoadError>& errors);

// Parses and validates one definition file; `file` is the name used in errors and
// kept in Definition::source_file. Returns nullopt, with every problem appended to
// `errors`, unless the definition is entirely valid. An empty `roles` skips the role
// checks (see validate()).
std::optional<Definition> parse_definition(std::string_view text, const std::string& file,
                                           const RoleCatalog& roles,
                                           std::vector<LoadError>& errors);

// A role catalogue and the definitions that use it, with everything wrong with them.
struct DefinitionSet {
    RoleCatalog roles;
    std::vector<Definition> definitions;  // those that loaded without errors, in file order
    std::vector<LoadError> errors;

    bool ok() const { return errors.empty(); }
};

// Reads `dir/roles.toml` (required), then every other `*.toml` in `dir` in file-name
// order. Definition ids must be unique over the files. Errors name files as `dir / name`.
DefinitionSet load_definition_dir(const std::filesystem::path& dir);

// For `okoctl validate FILE...`: each definition is checked against the roles.toml in
// its own directory; a listed roles.toml is checked as a role catalogue. `roles` holds
// every catalogue read (the first wins for an id defined in several directories).
DefinitionSet load_definition_files(const std::vector<std::filesystem::path>& files);

}  // namespace okod
