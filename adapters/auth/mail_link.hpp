#pragma once
// Signed links in okod's e-mails (issue 19): "{public_url}/mail/afgerond/<token>" lets
// the person a reminder is for complete that one task without signing in. The token is
// the credential, so it says exactly what it allows and is useless for anything else:
//
//   <base64url(payload)>.<base64url(HMAC-SHA256(key, payload))>
//   payload = "v1|<purpose>|<task id>|<person id>|<expires, unix seconds>"
//
// one purpose (complete), one task, one person, an end. The key is okod's own, made once
// and kept in the store (mail_link_key()); the API tokens have nothing to do with it.
// That a link was used is recorded in the store (MailLinkStore), so it works once.
//
// Thread-safe: no state of its own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "time/instant.hpp"

namespace okod {

class Store;

// What a link may do. Only one today; the purpose is signed, so a link made for another
// one (a sign-in link, say) never completes a task.
inline constexpr std::string_view kCompleteTaskLink = "afgerond";

struct MailLinkClaim {
    std::string purpose;  // kCompleteTaskLink
    std::int64_t task_id = 0;
    std::string person_id;  // who it was sent to: the one person it completes the task as
    Instant expires{};
};

// The token for `claim`, signed with `key`. The same claim and key give the same token,
// so a mail sent again after a failure carries the same link. Throws
// std::invalid_argument for a person id or purpose with '|' in it.
std::string sign_mail_link(const MailLinkClaim& claim, std::string_view key);

enum class MailLinkFault {
    malformed,      // not a token okod makes
    forged,         // the signature does not match: altered, or made with another key
    other_purpose,  // genuine, but for something else
    expired,
};

struct MailLinkCheck {
    std::optional<MailLinkClaim> claim;  // set when the signature is genuine (expired too)
    std::optional<MailLinkFault> fault;  // nullopt: the link may be used now
    bool ok() const { return claim && !fault; }
};

// Checks `token` against `key` for `purpose` at `now`. Signatures are compared in
// constant time.
MailLinkCheck check_mail_link(std::string_view token, std::string_view key,
                              std::string_view purpose, Instant now);

// The SHA-256 of a token, by which its use is recorded (the store never holds a token).
std::string mail_link_id(std::string_view token);

// okod's key for mail links: read from the store, or made (32 random bytes) and kept
// there in a transaction of its own the first time. Call it where the store is written.
std::string mail_link_key(Store& store);
// The key as the store has it, for a reader; nullopt before okod ever made one.
std::optional<std::string> stored_mail_link_key(Store& store);

}  // namespace okod
