#pragma once
// A signed-in browser (issue 19): a session belongs to a person, and what it may do is
// derived on every request from the roles that person holds that day
// (daemon/api/session_auth.hpp), so a hand-over ends access at once. A sign-in link is
// the one-time secret mailed to a person to open a session.
//
// Like a token's, a session's and a link's secrets are never stored: the store keeps
// their SHA-256 (adapters/auth/token_secret.hpp). Expiry is compared with the wall
// clock, also when okod runs on a demo clock: access is about real minutes.
#include <cstdint>
#include <optional>
#include <string>

#include "time/instant.hpp"

namespace okod {

struct Session {
    std::int64_t id = 0;
    std::string hash;  // hex SHA-256 of the cookie's secret
    std::string person_id;
    Instant created_at{};
    Instant last_seen_at{};     // recorded at most once a minute (session_auth.cpp)
    Instant idle_expires_at{};  // last_seen_at + [auth] session_idle_minutes
    Instant expires_at{};       // created_at + [auth] session_max_minutes: never later

    // The first moment it no longer works: the earlier of the two expiries.
    Instant ends_at() const { return idle_expires_at < expires_at ? idle_expires_at : expires_at; }
    bool expired(Instant wall_now) const { return wall_now >= ends_at(); }
};

struct SignInLink {
    std::string hash;  // hex SHA-256 of the secret in the mailed URL
    std::string person_id;
    Instant created_at{};
    Instant expires_at{};  // created_at + [auth] link_minutes
    std::optional<Instant> used_at;
};

}  // namespace okod
