#include "support/sample_mail.hpp"

namespace okod::test {

OutboxItem sample_mail(const std::string& key, Instant created, OutboxStatus status,
                       std::optional<Instant> sent_at) {
    OutboxItem o;
    o.key = key;
    o.created_at = created;
    o.municipality = "GM0935";
    o.task_id = 1;
    o.kind = OutboxKind::reminder;
    o.role = "regisseur";
    o.person_id = "maastricht-sanne";
    o.recipient = "sanne@maastricht.example";
    o.status = status;
    o.sent_at = sent_at;
    return o;
}

}  // namespace okod::test
