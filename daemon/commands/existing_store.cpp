#include "daemon/commands/existing_store.hpp"

#include <fmt/format.h>

#include <ostream>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {

namespace fs = std::filesystem;

std::optional<fs::path> existing_store_path(const fs::path& config, const fs::path& store,
                                            const std::string& command, std::ostream& err) {
    fs::path path = store;
    if (path.empty()) {
        auto loaded = load_config(config);
        if (!loaded.config) {
            for (const auto& e : loaded.errors) err << e.to_string() << '\n';
            return std::nullopt;
        }
        path = loaded.config->store_path;
    }
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        err << fmt::format(
            "okoctl {}: no store at {} (start okod once: it creates the store and loads the "
            "config)\n",
            command, path.string());
        return std::nullopt;
    }
    return path;
}

std::unique_ptr<SqliteStore> open_existing_store(const fs::path& config, const fs::path& store,
                                                 const std::string& command, std::ostream& err) {
    const auto path = existing_store_path(config, store, command, err);
    if (!path) return nullptr;
    return SqliteStore::open(*path);
}

}  // namespace okod
