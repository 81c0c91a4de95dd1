#pragma once
// Reminders end to end on the virtual clock, without a process: the engine's steps and
// the outbox's deliveries interleaved in time order as the daemon does them, with a
// transport that records what would go over SMTP.
#include <memory>
#include <string>
#include <vector>

#include "daemon/outbox/outbox_sender.hpp"
#include "support/engine_world.hpp"
#include "support/recording_transport.hpp"

namespace okod::test {

class DeliveryWorld : public EngineWorld {
protected:
    DeliveryWorld() : transport_(clock_) {}

    OutboxSender& sender();
    // The daemon's loop on a virtual clock: whatever is due first, engine timer or
    // outbox attempt, happens first; until 23:00 on `day`.
    void live_until(Date day);
    // "2022-09-16 09:00 carla@example.org", one per message sent.
    std::vector<std::string> deliveries() const;

    RetryPolicy policy_{std::chrono::seconds{60}, std::chrono::seconds{600}};
    RecordingTransport transport_;
    std::unique_ptr<OutboxSender> sender_;
};

}  // namespace okod::test
