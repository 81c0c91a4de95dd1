#pragma once
// The municipalities okod serves, as the configuration last set them.
#include <optional>
#include <string>
#include <vector>

#include "model/municipality.hpp"

namespace okod {

class MunicipalityStore {
public:
    virtual ~MunicipalityStore() = default;

    virtual void upsert_municipality(const Municipality& m) = 0;
    virtual std::optional<Municipality> municipality(const std::string& code) = 0;
    // Unbounded, but one row per municipality served (hundreds at most); by code.
    virtual std::vector<Municipality> all_municipalities() = 0;
};

}  // namespace okod
