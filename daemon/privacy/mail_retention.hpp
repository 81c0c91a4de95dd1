#pragma once
// The retention setting applied ([privacy] mail_retention_months): okod runs it once a
// day (on its own clock), `okoctl outbox prune` on demand. Outbox rows sent (or given
// up) before the cutoff lose their address; with the directory transport, the .eml
// files from before the cutoff go too. Cheap when there is nothing to do: the store
// reads only rows that still have an address (an index), and none past the cutoff.
#include <cstdint>

#include "adapters/config/config.hpp"
#include "model/store.hpp"

namespace okod {

// `months` calendar months before `now`, at local midnight.
Instant mail_retention_cutoff(Instant now, int months);

struct RetentionOutcome {
    Instant cutoff{};
    std::int64_t addresses = 0;  // outbox rows whose address was cleared
    int files = 0;               // .eml files removed
};

RetentionOutcome apply_mail_retention(Store& store, const Config& config, Instant now);

}  // namespace okod
