#pragma once
// Who an API request is: its bearer token looked up by hash and checked for everything
// that ends a token (issue 16), in one place for the API and the calendar feeds.
//
//   unknown or revoked                       401 "unknown or revoked token"
//   past its expiry (wall clock)             401 "token N expired on ..."
//   a person who holds no role today or      401 "... holds no role ... any more": a
//   later in the token's municipalities          person's tokens end with their last day
//
// It also notes when each token was last used, writing last_used_at at most once a
// minute per token and after the response (ApiContext::defer), so a busy client costs
// no write per request and a read route does not wait for a sync.
//
// authenticate_bearer runs on okod's strand or a read thread, with that thread's store;
// TokenUsage is shared by them and thread-safe.
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "model/api_token.hpp"

namespace okod {

struct ApiContext;
struct HttpRequest;

class TokenUsage {
public:
    // True when `now` is a minute or more after the last recorded use (or none was): the
    // caller records it. Remembers `now` as recorded.
    bool due(std::int64_t token_id, Instant now);

private:
    std::mutex mutex_;
    std::unordered_map<std::int64_t, Instant> recorded_;
};

// The token of `Authorization: Bearer <secret>`; throws ApiError 401 as above.
ApiToken authenticate_bearer(const HttpRequest& request, ApiContext& context);

}  // namespace okod
