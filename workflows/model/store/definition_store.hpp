#pragma once
// The definition sources okod has run, kept so that instances pinned to an old version
// can still be driven after the file on disk moved on.
#include <optional>
#include <string>
#include <vector>

namespace okod {

struct StoredDefinition {
    std::string id;
    int version = 0;
    std::string source_file;
    std::string source_text;
};

class DefinitionStore {
public:
    virtual ~DefinitionStore() = default;

    virtual void save_definition(const StoredDefinition& d) = 0;  // no-op if (id, version) exists
    virtual std::optional<StoredDefinition> definition(const std::string& id, int version) = 0;
    // Unbounded: every version of every definition (a few dozen rows), by id, version.
    virtual std::vector<StoredDefinition> all_definitions() = 0;
};

}  // namespace okod
