#pragma once
// Survey results (issue 6): one value per (municipality, indicator, population, year);
// saving the same key again replaces it.
#include <string>
#include <vector>

#include "model/measurement.hpp"

namespace okod {

class MeasurementStore {
public:
    virtual ~MeasurementStore() = default;

    virtual void save_measurement(const Measurement& m) = 0;
    virtual std::vector<Measurement> measurements_of_municipality(
        const std::string& municipality) = 0;  // by indicator, population, year
};

}  // namespace okod
