#pragma once
// The municipalities okod serves, as the configuration last set them.
#include <optional>
#include <string>
#include <vector>

#include "model/municipality.hpp"

namespace okod {

// The configuration files okod last synced and planned from (their fingerprint, see
// adapters/config/config_fingerprint.hpp) and the municipalities they configured.
struct ConfigSnapshot {
    std::string fingerprint;
    std::vector<std::string> codes;  // by code
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
};

}  // namespace okod
