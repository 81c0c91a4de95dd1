#include "daemon/runtime.hpp"

#include "adapters/calendar/school_holidays_json.hpp"
#include "adapters/definitions/toml_definition_loader.hpp"
#include "adapters/sqlite/sqlite_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace okod {
namespace {

// The municipalities must only ask for what the definitions offer.
void check_config_against_definitions(const Config& c, const DefinitionRegistry& defs,
                                      std::vector<LoadError>& errors) {
    const std::string dir = c.municipalities_dir.string();
    for (const auto& m : c.municipalities) {
        for (const auto& id : m.workflows) {
            const Definition* d = defs.latest(id);
            if (!d) {
                errors.push_back({dir, 0, 0,
                                  fmt::format("{} runs unknown workflow '{}' (known: {})", m.code, id,
                                              fmt::join(defs.ids(), ", "))});
                continue;
            }
            for (const auto& date : d->required_dates)
                if (!m.dates.count(date))
                    errors.push_back({dir, 0, 0,
                                      fmt::format("{} runs '{}', which needs [dates] {}", m.code, id, date)});
            for (const auto& list : d->required_lists)
                if (!m.lists.count(list))
                    errors.push_back({dir, 0, 0,
                                      fmt::format("{} runs '{}', which needs [lists] {}", m.code, id, list)});
            const std::string& at = d->start.at;
            if (at != "trajectory_start" && at != "trajectory_end" && at != "election" &&
                !m.dates.count(at))
                errors.push_back({dir, 0, 0,
                                  fmt::format("{} runs '{}', which starts at [dates] {}", m.code, id, at)});
        }
    }
    for (const auto& a : c.assignments)
        if (!defs.roles().contains(a.role))
            errors.push_back({dir, 0, 0,
                              fmt::format("{}: person '{}' holds unknown role '{}' (known roles: {})",
                                          a.municipality, a.person_id, a.role, defs.roles().ids())});
}

// Stores each definition version's text so instances pinned to it survive file
// changes, and loads the versions only the store still knows.
void sync_definitions(Store& store, const DefinitionSet& files, DefinitionRegistry& registry,
                      std::vector<LoadError>& errors) {
    for (const auto& d : files.definitions) {
        auto stored = store.definition(d.id, d.version);
        if (stored && stored->source_text != d.source_text) {
            errors.push_back({d.source_file, 0, 0,
                              fmt::format("'{}' version {} differs from the version {} okod already "
                                          "runs (stored from {}); bump 'version' when you change a "
                                          "definition",
                                          d.id, d.version, d.version, stored->source_file)});
            continue;
        }
        if (!stored) store.save_definition({d.id, d.version, d.source_file, d.source_text});
    }
    for (const auto& s : store.definitions()) {
        if (registry.get(s.id, s.version)) continue;
        std::vector<LoadError> old_errors;
        auto d = parse_definition(s.source_text, s.source_file, files.roles, old_errors);
        if (d) registry.add(std::move(*d));
        // An old version that no longer validates (a role was removed, say) cannot
        // drive its instances; say so, but let the current definitions run.
        for (auto& e : old_errors) {
            e.message = fmt::format("stored '{}' version {}: {}", s.id, s.version, e.message);
            errors.push_back(std::move(e));
        }
    }
}

}  // namespace

RuntimeResult open_runtime(Config config, const std::filesystem::path& store_path) {
    RuntimeResult result;
    auto rt = std::make_unique<Runtime>();

    DefinitionSet defs = load_definition_dir(config.definitions_dir);
    if (!defs.ok()) {
        result.errors = std::move(defs.errors);
        return result;
    }
    rt->definitions.set_roles(defs.roles);
    for (const auto& d : defs.definitions) rt->definitions.add(d);

    if (!config.school_holidays_file.empty()) {
        auto holidays = load_school_holidays_file(config.school_holidays_file, result.errors);
        rt->calendar = Calendar(SchoolHolidays(std::move(holidays)));
    }
    check_config_against_definitions(config, rt->definitions, result.errors);
    if (!result.errors.empty()) return result;

    rt->store = SqliteStore::open(store_path);
    auto tx = rt->store->begin();
    sync_definitions(*rt->store, defs, rt->definitions, result.errors);
    if (!result.errors.empty()) return result;  // tx rolls back
    for (const auto& m : config.municipalities) rt->store->upsert_municipality(m);
    for (const auto& p : config.people) rt->store->upsert_person(p);
    for (const auto& a : config.assignments) rt->store->add_assignment(a);
    tx->commit();

    rt->config = std::move(config);
    result.runtime = std::move(rt);
    return result;
}

}  // namespace okod
