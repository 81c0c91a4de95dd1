#pragma once
// Browser sessions and the one-time sign-in links that open them (model/session.hpp).
// Only hashes of their secrets are kept. Sessions are deleted when they end (logout,
// expiry); links stay, used or not, until they are cleared with the expired sessions.
#include <cstdint>
#include <optional>
#include <string>

#include "model/session.hpp"
#include "time/instant.hpp"

namespace okod {

class SessionStore {
public:
    virtual ~SessionStore() = default;

    virtual std::int64_t add_session(const Session& s) = 0;  // returns the new id
    virtual std::optional<Session> session_by_hash(const std::string& hash) = 0;
    // Moves the idle expiry on (the API calls it at most once a minute per session).
    virtual void touch_session(std::int64_t id, Instant last_seen, Instant idle_expires_at) = 0;
    // Logout: true when there was such a session.
    virtual bool delete_session(const std::string& hash) = 0;
    // Housekeeping: sessions that ended and links that expired before `now`; how many.
    virtual std::int64_t delete_ended_sessions(Instant now) = 0;

    virtual void add_sign_in_link(const SignInLink& link) = 0;
    virtual std::optional<SignInLink> sign_in_link(const std::string& hash) = 0;
    // Marks the link used at `at`, once: true only for the one call that found it unused
    // and not expired at `at`, so two clicks at once open one session.
    virtual bool consume_sign_in_link(const std::string& hash, Instant at) = 0;

    // When a link was last asked for this person (the rate limit), and recording it.
    virtual std::optional<Instant> last_sign_in_request(const std::string& person_id) = 0;
    virtual void set_sign_in_request(const std::string& person_id, Instant at) = 0;
};

}  // namespace okod
