#pragma once
// Who a browser is (issue 19): the okod_session cookie, beside bearer tokens.
//
// A request with `Authorization: Bearer` is a token's (token_auth.hpp), whatever cookie
// it carries. Otherwise its okod_session cookie is looked up by hash:
//
//   no cookie, unknown or logged-out session   401 "not signed in ..."
//   past its idle or absolute expiry (wall     401 "your session ended at ...: sign in
//     clock, like a token's)                       again"
//   the person holds no role today and is no   401 "... holds no role today ..."
//     administrator
//   a write (not GET/HEAD) without header      403 "... X-CSRF-Token ..."
//     X-CSRF-Token equal to the session's
//     token, or with an Origin that is not
//     okod's own ([http] public_url or the
//     request's Host)
//
// and answers with the ApiToken the person's roles of the day amount to
// (model/session_access.hpp): id 0, so every route and isolation rule asks api_access
// as for a token. The session's idle expiry moves on at most once a minute, after the
// response (ApiContext::defer), like a token's last_used_at.
//
// The cookie: `okod_session=<secret>; HttpOnly; Secure; SameSite=Lax; Path=/`, Max-Age
// its absolute lifetime. Secure always: browsers take Secure cookies from
// http://127.0.0.1 and http://localhost (secure contexts), so a test or a laptop works
// without TLS, while anything else must be served over https (a TLS proxy in front, as
// README says for [http]) or the browser drops the cookie, never sending it in clear.
//
// Runs on okod's strand or a read thread, with that thread's store.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/api_token.hpp"
#include "model/session.hpp"

namespace okod {

struct ApiContext;
struct HttpRequest;
struct Runtime;

inline constexpr std::string_view kSessionCookie = "okod_session";

struct SignedIn {
    Session session;
    std::string csrf_token;  // what writes must send as X-CSRF-Token (GET /api/v1/me)
};

struct Caller {
    ApiToken token;
    std::optional<SignedIn> session;  // set when the cookie, not a bearer token, said who
};

// As above; throws ApiError 401 or 403.
Caller authenticate_request(const HttpRequest& request, ApiContext& context);

// The session that the okod_session cookie names, as it is stored: nullopt without one.
// For logout, which ends even a session whose person lost their roles.
std::optional<Session> session_of_cookie(const HttpRequest& request, Runtime& runtime);

// THE ENTRY POINT FOR SIGNING IN, whatever proved who the person is (the e-mail link of
// sign_in_routes.cpp; OpenID Connect): opens a session for `person_id` and returns the
// response headers that hand it to the browser, {"Set-Cookie", "okod_session=..."}, to
// add to the response (a 303 to "/", say). A write: call it on okod's strand, with the
// writer's store (ApiContext::runtime()). Throws ApiError 401, opening nothing, when the
// person is unknown, erased, or holds no role today and is no administrator ([auth]
// admins): a login only opens what their roles allow. Ended sessions are cleared on
// the way. Expiry from [auth] session_idle_minutes and session_max_minutes, wall clock.
std::vector<std::pair<std::string, std::string>> open_session(ApiContext& context,
                                                              const std::string& person_id);

// The first cookie called `name` in the request's Cookie header ("a=1; okod_session=...").
std::optional<std::string> cookie_value(const HttpRequest& request, std::string_view name);

// {"Set-Cookie", ...} that makes the browser forget the session (logout).
std::pair<std::string, std::string> forget_session_cookie();

// The ApiToken `person_id`'s roles amount to on okod's today (session_access.hpp), with
// [auth] admins applied; nullopt when none. For sessions and for who may get a link.
std::optional<ApiToken> access_today(ApiContext& context, const std::string& person_id);

// Whether the request's Origin header, when it has one, is okod's own: [http] public_url,
// or the scheme and the request's Host. For the CSRF check and the sign-in link's POST.
bool origin_is_own(const HttpRequest& request, const Runtime& runtime);

}  // namespace okod
