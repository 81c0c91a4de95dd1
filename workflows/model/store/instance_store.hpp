#pragma once
// The workflow instances running for each municipality.
#include <optional>
#include <string>
#include <vector>

#include "model/instance.hpp"
#include "model/store/store_refusal.hpp"

namespace okod {

class InstanceStore {
public:
    virtual ~InstanceStore() = default;

    virtual InstanceId insert_instance(const Instance& i) = 0;  // returns the new id
    // The row with i.id; throws StoreRefusal (not_found) when there is none.
    virtual void update_instance(const Instance& i) = 0;
    virtual std::optional<Instance> instance(InstanceId id) = 0;
    // The one instance of `definition_id` with `key` in `municipality`.
    virtual std::optional<Instance> instance_by_key(const std::string& municipality,
                                                    const std::string& definition_id,
                                                    const std::string& key) = 0;
    virtual std::vector<Instance> instances_of_municipality(
        const std::string& municipality) = 0;  // by id
    // Those not finished, by id: what okod still drives, without the years behind it.
    virtual std::vector<Instance> open_instances_of_municipality(
        const std::string& municipality) = 0;
};

}  // namespace okod
