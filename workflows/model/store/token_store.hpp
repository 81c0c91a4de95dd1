#pragma once
// The secrets people present: API tokens (okoctl tokens) and calendar feed secrets.
// Only a secret's SHA-256 is kept; a request's secret is found by hashing what it
// presents.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/api_token.hpp"
#include "model/store/store_refusal.hpp"
#include "time/instant.hpp"

namespace okod {

class TokenStore {
public:
    virtual ~TokenStore() = default;

    // Tokens are never deleted, only revoked, so the list keeps who had access when.
    virtual std::int64_t add_token(const ApiToken& t) = 0;  // returns the new id
    virtual std::optional<ApiToken> token_by_hash(const std::string& hash) = 0;  // revoked too
    // Unbounded: every token ever made, by id (a few per person).
    virtual std::vector<ApiToken> all_tokens() = 0;
    // Sets revoked_at unless already set (the first revocation stands, and still counts
    // as done); refused (not_found) when no token has that id.
    virtual StoreWrite revoke_token(std::int64_t id, Instant at) = 0;
    // Records when a token was last used (the API calls it at most once a minute per
    // token, so a busy client does not cost a write per request).
    virtual void set_token_last_used(std::int64_t id, Instant at) = 0;

    // Calendar feed secrets (issue 16): one per person, read-only. Setting one replaces
    // the person's previous secret, which stops working at once.
    virtual void set_feed_secret(const std::string& person_id, const std::string& hash,
                                 Instant at) = 0;
    virtual std::optional<std::string> person_by_feed_hash(const std::string& hash) = 0;
    virtual std::optional<Instant> feed_secret_created(const std::string& person_id) = 0;
};

}  // namespace okod
