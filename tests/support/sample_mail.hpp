#pragma once
// An outbox row as the engine writes one: a reminder to demo Maastricht's regisseur, for
// tests that put e-mail into a store by hand (retention, okoctl outbox).
#include <optional>
#include <string>

#include "model/instance.hpp"

namespace okod::test {

OutboxItem sample_mail(const std::string& key, Instant created, OutboxStatus status,
                       std::optional<Instant> sent_at = std::nullopt);

}  // namespace okod::test
