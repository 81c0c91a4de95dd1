#pragma once
// The municipalities okod serves, as the configuration last set them.
#include <optional>
#include <string>
#include <vector>

#include "model/municipality.hpp"
#include "time/instant.hpp"

namespace okod {

// The configuration files okod last synced and planned from (their fingerprint, see
// adapters/config/config_fingerprint.hpp) and the municipalities they configured.
struct ConfigSnapshot {
    std::string fingerprint;
    std::vector<std::string> codes;  // by code
};

// A municipality's settings as changed in the browser or with okoctl (issue 19): the
// settings part of its file (dates, budget lines, lists, capacity, ...) as TOML text.
// They win over the file's until dropped (`okoctl municipalities settings reset`);
// `version` counts the changes, for an optimistic check (a file alone is version 0).
struct StoredSettings {
    std::string code;
    std::string toml;
    int version = 0;
    std::string changed_by;  // person id or token label
    Instant changed_at{};
};

class MunicipalityStore {
public:
    virtual ~MunicipalityStore() = default;

    virtual void upsert_municipality(const Municipality& m) = 0;
    virtual std::optional<Municipality> municipality(const std::string& code) = 0;
    // Unbounded, but one row per municipality served (hundreds at most); by code.
    virtual std::vector<Municipality> all_municipalities() = 0;

    virtual std::optional<ConfigSnapshot> config_snapshot() = 0;
    virtual void save_config_snapshot(const ConfigSnapshot& snapshot) = 0;
    // A page of them by code, the first `limit` after `code` ("" for the first page).
    virtual std::vector<Municipality> municipalities_after(const std::string& code, int limit) = 0;
    // The codes only, sorted (an admin's list without reading every municipality's data),
    // and whether one is served.
    virtual std::vector<std::string> municipality_codes() = 0;
    virtual bool has_municipality(const std::string& code) = 0;

    // The settings kept over the files (StoredSettings), by code.
    virtual std::optional<StoredSettings> stored_settings(const std::string& code) = 0;
    virtual std::vector<StoredSettings> all_stored_settings() = 0;
    virtual void save_stored_settings(const StoredSettings& s) = 0;
    // False when there were none.
    virtual bool drop_stored_settings(const std::string& code) = 0;
};

}  // namespace okod
