#pragma once
// The uses of the signed links in okod's e-mails (adapters/auth/mail_link.hpp): a link
// completes its task once. Only the link's SHA-256 is kept, with what it was used for.
#include <cstdint>
#include <string>

#include "time/instant.hpp"

namespace okod {

struct MailLinkUse {
    std::string link_id;  // SHA-256 of the token, hex
    std::int64_t task_id = 0;
    std::string person_id;
    Instant used_at{};
};

class MailLinkStore {
public:
    virtual ~MailLinkStore() = default;

    virtual bool mail_link_used(const std::string& link_id) = 0;
    // Records the use; false (and nothing written) when the link was used before.
    virtual bool record_mail_link_use(const MailLinkUse& use) = 0;
};

}  // namespace okod
