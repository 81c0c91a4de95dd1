#pragma once
// A dead letter sent again: `okoctl outbox retry` on the store and POST
// /api/v1/outbox/{id}/retry both put it back in the queue the same way. Its attempts
// and last error stay, so the table still says what happened before.
#include <optional>
#include <string>

#include "model/instance.hpp"
#include "model/people.hpp"

namespace okod {

// Why `item` cannot be sent again ("it is sent"), or nullopt when it is a dead letter.
inline std::optional<std::string> not_retryable(const OutboxItem& item) {
    if (item.status == OutboxStatus::dead) return std::nullopt;
    return "it is " + std::string(to_string(item.status));
}

// The item as it goes back in the queue: pending, to be tried at once, to the address
// `person` (its recipient) has now: a dead letter is usually sent again because that
// address was missing or wrong and has been corrected since.
inline OutboxItem requeued(OutboxItem item, const std::optional<Person>& person) {
    item.status = OutboxStatus::pending;
    item.next_attempt_at.reset();
    if (person && !person->email.empty()) {
        item.recipient = person->email;
        item.language = person->language;
    }
    return item;
}

}  // namespace okod
