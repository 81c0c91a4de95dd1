#include "daemon/commands/validate_command.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "adapters/definitions/toml_definition_loader.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

bool has_errors(const DefinitionSet& set, const std::string& file) {
    return std::any_of(set.errors.begin(), set.errors.end(),
                       [&](const LoadError& e) { return e.file == file; });
}

// The catalogue is parsed again only to count its roles for the "ok" line.
std::size_t count_roles(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<LoadError> ignored;
    return parse_roles(text.str(), file.string(), ignored).roles.size();
}

std::size_t count_tasks(const Definition& d) {
    std::size_t n = 0;
    for (const auto& s : d.states) n += s.tasks.size();
    return n;
}

}  // namespace

int run_validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    if (files.empty()) {
        err << "validate: no files given\n";
        return 1;
    }
    std::vector<fs::path> paths(files.begin(), files.end());
    const DefinitionSet set = load_definition_files(paths);
    for (const LoadError& e : set.errors) err << e.to_string() << '\n';

    for (const fs::path& path : paths) {
        const std::string file = path.string();
        if (has_errors(set, file)) continue;
        if (path.filename() == "roles.toml") {
            out << file << ": ok (role catalogue, " << count_roles(path) << " roles)\n";
            continue;
        }
        // A definition checked against a broken catalogue is not known to be ok.
        if (has_errors(set, (path.parent_path() / "roles.toml").string())) continue;
        auto d = std::find_if(set.definitions.begin(), set.definitions.end(),
                              [&](const Definition& def) { return def.source_file == file; });
        if (d == set.definitions.end()) continue;
        out << file << ": ok (" << d->id << " version " << d->version << ", " << d->states.size()
            << " states, " << count_tasks(*d) << " tasks)\n";
    }
    return set.ok() ? 0 : 1;
}

}  // namespace okod
