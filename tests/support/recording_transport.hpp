#pragma once
// A mail transport for tests: keeps every message it is given, with the (virtual) time,
// instead of sending it; can play a mail server that is down or refuses.
#include <vector>

#include "outbox/mail.hpp"
#include "time/clock.hpp"

namespace okod::test {

struct Sent {
    Instant at;
    MailMessage message;
};

// Records every message; fails the first `failures` attempts, refuses all if `reject`.
class RecordingTransport final : public MailTransport {
public:
    explicit RecordingTransport(const Clock& clock) : clock_(clock) {}
    SendResult send(const MailMessage& m) override;
    int failures = 0;
    bool reject = false;
    std::vector<Sent> sent;

private:
    const Clock& clock_;
};

}  // namespace okod::test
