#include "support/delivery_world.hpp"

namespace okod::test {

OutboxSender& DeliveryWorld::sender() {
    if (!sender_)
        sender_ = std::make_unique<OutboxSender>(
            *store_, registry_, clock_, MailIdentity{"oko@maastricht.nl", "OKO Maastricht"},
            policy_);
    return *sender_;
}

void DeliveryWorld::live_until(Date day) {
    const Instant end = at_local(day, TimeOfDay{23 * 60});
    Engine& e = engine();
    for (int guard = 0; guard < 10000; ++guard) {
        const auto engine_next = e.next_due();
        const auto outbox_next = sender().next_attempt();
        std::optional<Instant> next = engine_next;
        if (outbox_next && (!next || *outbox_next < *next)) next = outbox_next;
        if (!next || *next > end) break;
        clock_.advance_to(*next);
        while (e.step()) {
        }
        sender().deliver_ready(transport_);
    }
    clock_.advance_to(end);
}

std::vector<std::string> DeliveryWorld::deliveries() const {
    std::vector<std::string> out;
    for (const auto& s : transport_.sent)
        out.push_back(format_local_minutes(s.at) + " " + s.message.to_address);
    return out;
}

}  // namespace okod::test
