#include "support/recording_transport.hpp"

namespace okod::test {

SendResult RecordingTransport::send(const MailMessage& m) {
    if (failures > 0) {
        --failures;
        return {SendResult::Outcome::retry, "cannot connect to 127.0.0.1:25: Connection refused"};
    }
    if (reject) return {SendResult::Outcome::rejected, "550 5.1.1 mailbox unavailable"};
    sent.push_back({clock_.now(), m});
    return {};
}

}  // namespace okod::test
