#pragma once
// The outbox: messages the engine decided to send, until they are sent or given up.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/instance.hpp"
#include "model/store/store_refusal.hpp"

namespace okod {

class OutboxStore {
public:
    virtual ~OutboxStore() = default;

    // Returns false (and changes nothing) when the key exists: enqueueing is idempotent.
    virtual bool enqueue(const OutboxItem& item) = 0;
    // The row with item.id; throws StoreRefusal (not_found) when there is none.
    virtual void update_outbox(const OutboxItem& item) = 0;
    virtual std::optional<OutboxItem> outbox_item(std::int64_t id) = 0;
    // At most `limit` items with `status` (any status when nullopt), ready-to-send first
    // (by next attempt, then id). Bounded only by the limit.
    virtual std::vector<OutboxItem> outbox_by_status(std::optional<OutboxStatus> status,
                                                     int limit) = 0;
    // Keyset paging within one municipality's e-mails (an index): at most `limit` with
    // id > `after_id`, with `status` (any when nullopt), in id order (as they were made).
    virtual std::vector<OutboxItem> outbox_of_municipality(const std::string& code,
                                                           std::optional<OutboxStatus> status,
                                                           std::int64_t after_id, int limit) = 0;
    // Pending items whose next attempt is due at `now` (never tried: due at once),
    // in the order they became ready.
    virtual std::vector<OutboxItem> outbox_ready(Instant now, int limit) = 0;
    // A digest (daemon/outbox/outbox_digest.cpp): the pending reminders to `person_id`
    // never tried yet and in no digest, at most `limit`, by id; and every row of the
    // digest `digest_id` (the rows whose digest_id it is), by id.
    virtual std::vector<OutboxItem> outbox_digest_candidates(const std::string& person_id,
                                                             int limit) = 0;
    virtual std::vector<OutboxItem> outbox_digest(std::int64_t digest_id) = 0;
    // When the earliest pending item may next be tried; nullopt when nothing is pending.
    virtual std::optional<Instant> next_outbox_attempt() = 0;
    // How many items have each status (none: absent); kept as rows change, not counted.
    virtual std::map<OutboxStatus, std::int64_t> outbox_counts() = 0;
    virtual std::vector<OutboxItem> outbox_of_person(const std::string& person_id) = 0;  // by id
    // Retention: clears the address (and last error) of up to `limit` outbox rows that
    // are no longer pending and were sent, or given up, before `before`; returns how
    // many. Reads only rows that still have an address (an index), oldest first.
    virtual std::int64_t forget_mail_recipients(Instant before, int limit) = 0;
};

}  // namespace okod
