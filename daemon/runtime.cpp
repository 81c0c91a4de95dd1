#include "daemon/runtime.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "adapters/calendar/school_holidays_json.hpp"
#include "adapters/config/config_fingerprint.hpp"
#include "adapters/definitions/toml_definition_loader.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "calendar/school_holiday_merge.hpp"
#include "definition/municipality_check.hpp"
#include "version.hpp"

namespace okod {
namespace {

// Stores each definition version's text so instances pinned to it survive file
// changes, and loads the versions only the store still knows.
void sync_definitions(Store& store, const DefinitionSet& files, DefinitionRegistry& registry,
                      std::vector<LoadError>& errors) {
    for (const auto& d : files.definitions) {
        auto stored = store.definition(d.id, d.version);
        if (stored && stored->source_text != d.source_text) {
            errors.push_back(
                {d.source_file, 0, 0,
                 fmt::format("'{}' version {} differs from the version {} okod already "
                             "runs (stored from {}); bump 'version' when you change a "
                             "definition",
                             d.id, d.version, d.version, stored->source_file)});
            continue;
        }
        if (!stored) store.save_definition({d.id, d.version, d.source_file, d.source_text});
    }
    for (const auto& s : store.all_definitions()) {
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

// What a config needs before it touches the store: its definitions, checked, and the
// calendar file's school holidays.
struct Prepared {
    DefinitionSet files;
    DefinitionRegistry definitions;
    std::vector<SchoolHoliday> school_holidays;
};

// `checked`: the municipalities and their people were checked against these very
// definitions when the store's config snapshot was saved (open_runtime_at_start).
std::optional<Prepared> prepare(const Config& config, std::vector<LoadError>& errors,
                                bool checked = false) {
    Prepared p;
    p.files = load_definition_dir(config.definitions_dir);
    if (!p.files.ok()) {
        errors = std::move(p.files.errors);
        return std::nullopt;
    }
    p.definitions.set_roles(p.files.roles);
    for (const auto& d : p.files.definitions) p.definitions.add(d);
    if (!config.school_holidays_file.empty()) {
        p.school_holidays = load_school_holidays_file(config.school_holidays_file, errors);
    }
    if (!checked)
        for (auto& e : check_municipalities(config.municipalities, config.assignments,
                                            p.definitions, config.municipalities_dir.string()))
            errors.push_back(std::move(e));
    check_plan_tasks(config.plans, config.municipalities, p.definitions, errors);
    if (!errors.empty()) return std::nullopt;
    return p;
}

// One transaction: definitions (version pinning), municipalities, people, roles, and
// which municipality each configured person belongs to.
bool sync_into_store(Store& store, const Config& config, Prepared& p,
                     std::vector<LoadError>& errors, const std::function<void(Store&)>& also = {}) {
    auto tx = store.begin();
    if (also) also(store);
    sync_definitions(store, p.files, p.definitions, errors);
    if (!errors.empty()) return false;  // tx rolls back
    for (const auto& m : config.municipalities) store.upsert_municipality(m);
    // An erased person still in a municipality file stays erased: their row keeps the
    // pseudonym (upsert_person leaves it) and their roles in the file are not taken up.
    for (const auto& person : config.people) store.upsert_person(person);
    for (const auto& a : config.assignments)
        if (!store.person_erased_at(a.person_id)) store.add_assignment(a);
    for (const auto& m : config.memberships)
        if (!store.person_erased_at(m.person_id)) store.add_membership(m.person_id, m.municipality);
    tx->commit();
    return true;
}

// The file's school holidays, with the years imported into the store replacing the
// file's (`okoctl calendar import-school-holidays`; a reload picks up a new import).
Calendar calendar_for(const Prepared& p, Store& store) {
    auto holidays = merge_school_holidays(p.school_holidays, store.imported_school_holidays());
    return Calendar(SchoolHolidays(std::move(holidays)));
}

// The runtime on `store`, with `config` synced into it (or only the definitions, when
// the store has the config already).
RuntimeResult runtime_on(std::unique_ptr<Store> store, Config config, Prepared prepared,
                         bool config_in_store) {
    RuntimeResult result;
    auto rt = std::make_unique<Runtime>();
    rt->store = std::move(store);
    if (config_in_store) {
        auto tx = rt->store->begin();
        sync_definitions(*rt->store, prepared.files, prepared.definitions, result.errors);
        if (!result.errors.empty()) return result;
        tx->commit();
    } else if (!sync_into_store(*rt->store, config, prepared, result.errors)) {
        return result;
    }
    rt->definitions = std::move(prepared.definitions);
    rt->calendar = calendar_for(prepared, *rt->store);
    rt->config = std::move(config);
    rt->planned = config_in_store;
    result.runtime = std::move(rt);
    return result;
}

// The municipalities of `snapshot` as the store has them, in code order; nullopt when
// one is missing (then the files are read).
std::optional<std::vector<Municipality>> stored_municipalities(Store& store,
                                                               const ConfigSnapshot& snapshot) {
    std::vector<Municipality> out;
    for (auto& m : store.all_municipalities())
        if (std::binary_search(snapshot.codes.begin(), snapshot.codes.end(), m.code))
            out.push_back(std::move(m));
    if (out.size() != snapshot.codes.size()) return std::nullopt;
    return out;
}

}  // namespace

RuntimeResult open_runtime(Config config, const std::filesystem::path& store_path) {
    RuntimeResult result;
    auto prepared = prepare(config, result.errors);
    if (!prepared) return result;
    return runtime_on(SqliteStore::open(store_path), std::move(config), std::move(*prepared),
                      false);
}

std::string start_fingerprint(const Config& settings) {
    std::string stored;
    for (const auto& s : settings.stored_settings)
        stored += fmt::format("stored settings {} version {}\n", s.code, s.version);
    return fmt::format("okod {}\n{}{}", kVersion, config_fingerprint(settings), stored);
}

ConfigResult load_config_over_store(const std::filesystem::path& file, Store& store,
                                    const SettingsReload* change, std::string* fingerprint) {
    ConfigResult loaded = load_settings(file);
    if (!loaded.config) return loaded;
    auto& stored = loaded.config->stored_settings;
    stored = store.all_stored_settings();
    if (change) {
        const std::string& code = change->settings ? change->settings->code : change->drop;
        std::erase_if(stored, [&](const auto& s) { return s.code == code; });
        if (change->settings) stored.push_back(*change->settings);
        std::sort(stored.begin(), stored.end(),
                  [](const auto& a, const auto& b) { return a.code < b.code; });
    }
    if (fingerprint) *fingerprint = start_fingerprint(*loaded.config);
    if (!load_municipalities(*loaded.config, loaded.errors)) loaded.config.reset();
    return loaded;
}

std::vector<LoadError> check_config(const Config& config) {
    std::vector<LoadError> errors;
    prepare(config, errors);
    return errors;
}

RuntimeResult open_runtime_at_start(Config config, const std::filesystem::path& store_path) {
    std::unique_ptr<Store> store = SqliteStore::open(store_path);
    config.stored_settings = store->all_stored_settings();
    // Taken before the files are read: a file changed meanwhile makes it differ next
    // time, never the other way round.
    const std::string fingerprint = start_fingerprint(config);
    RuntimeResult result;
    std::optional<std::vector<Municipality>> stored;
    if (const auto snapshot = store->config_snapshot();
        snapshot && snapshot->fingerprint == fingerprint)
        stored = stored_municipalities(*store, *snapshot);
    if (stored) {
        config.municipalities = std::move(*stored);
        if (!load_plans(config, result.errors)) return result;
    } else if (!load_municipalities(config, result.errors)) {
        return result;
    }
    auto prepared = prepare(config, result.errors, stored.has_value());
    if (!prepared) return result;
    result =
        runtime_on(std::move(store), std::move(config), std::move(*prepared), stored.has_value());
    if (result.runtime) result.runtime->config_fingerprint = fingerprint;
    return result;
}

void plan_runtime(Runtime& rt, Engine& engine) {
    if (rt.planned) return;
    ConfigSnapshot snapshot{rt.config_fingerprint, {}};
    for (const auto& m : rt.config.municipalities) snapshot.codes.push_back(m.code);
    auto tx = rt.store->begin();
    engine.plan_all(rt.config.municipalities);
    rt.store->save_config_snapshot(snapshot);
    tx->commit();
    rt.planned = true;
}

std::vector<LoadError> reload_runtime(Runtime& rt, Config config,
                                      const std::function<void(Store&)>& also) {
    std::vector<LoadError> errors;
    auto prepared = prepare(config, errors);
    if (!prepared) return errors;
    if (!sync_into_store(*rt.store, config, *prepared, errors, also)) return errors;
    rt.definitions = std::move(prepared->definitions);
    rt.calendar = calendar_for(*prepared, *rt.store);
    rt.config = std::move(config);
    return errors;
}

}  // namespace okod
