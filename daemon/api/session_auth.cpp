#include "daemon/api/session_auth.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "adapters/auth/token_secret.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/runtime.hpp"
#include "model/session_access.hpp"
#include "model/text.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

ApiError unauthorized(const std::string& message) { return {401, "unauthorized", message}; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// "https://oko.gemeente.nl/okod" -> "https://oko.gemeente.nl": what a browser sends as
// Origin.
std::string_view origin_of(std::string_view url) {
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return url;
    return url.substr(0, url.find('/', scheme_end + 3));
}

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD"; }

void check_csrf(const HttpRequest& request, const Runtime& runtime, const std::string& csrf) {
    if (!origin_is_own(request, runtime))
        throw forbidden(fmt::format(
            "this change comes from a page of another site ({}), not from okod's own: refused",
            request.headers.at("origin")));
    const auto it = request.headers.find("x-csrf-token");
    if (it == request.headers.end())
        throw forbidden(
            "a change made with a sign-in session needs header X-CSRF-Token: the csrf_token "
            "of GET /api/v1/me");
    if (it->second != csrf)
        throw forbidden(
            "X-CSRF-Token is not this session's csrf_token (GET /api/v1/me): reload the page "
            "and try again");
}

bool is_admin(const AuthConfig& auth, const std::string& email) {
    if (email.empty()) return false;
    const std::string address = ascii_lower(email);
    return std::any_of(auth.admins.begin(), auth.admins.end(),
                       [&](const std::string& a) { return ascii_lower(a) == address; });
}

}  // namespace

bool origin_is_own(const HttpRequest& request, const Runtime& runtime) {
    const auto it = request.headers.find("origin");
    if (it == request.headers.end()) return true;
    const std::string& origin = it->second;
    const std::string& public_url = runtime.config.http.public_url;
    if (!public_url.empty() && origin == origin_of(public_url)) return true;
    const auto host = request.headers.find("host");
    if (host == request.headers.end()) return false;
    return origin == "http://" + host->second || origin == "https://" + host->second;
}

std::optional<ApiToken> access_today(ApiContext& c, const std::string& person_id) {
    Store& store = *c.runtime().store;
    const auto person = store.person(person_id);
    if (!person || store.person_erased_at(person_id)) return std::nullopt;
    return access_of_person(
        person_id, store.assignments_of_person(person_id), local_date(c.clock->now()),
        is_admin(c.runtime().config.auth, person->email), "signed in: " + person->name);
}

std::optional<std::string> cookie_value(const HttpRequest& request, std::string_view name) {
    const auto it = request.headers.find("cookie");
    if (it == request.headers.end()) return std::nullopt;
    std::string_view rest = it->second;
    while (!rest.empty()) {
        const auto semicolon = rest.find(';');
        const std::string_view pair = trim(rest.substr(0, semicolon));
        rest =
            semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos || trim(pair.substr(0, equals)) != name) continue;
        const std::string_view value = trim(pair.substr(equals + 1));
        if (!value.empty()) return std::string(value);
    }
    return std::nullopt;
}

std::optional<Session> session_of_cookie(const HttpRequest& request, Runtime& runtime) {
    const auto secret = cookie_value(request, kSessionCookie);
    if (!secret) return std::nullopt;
    return runtime.store->session_by_hash(hash_token(*secret));
}

Caller authenticate_request(const HttpRequest& request, ApiContext& c) {
    if (request.headers.contains("authorization")) return {authenticate_bearer(request, c), {}};
    const auto secret = cookie_value(request, kSessionCookie);
    if (!secret)
        throw unauthorized(
            "not signed in: sign in on okod's start page (a sign-in link by e-mail), or send "
            "Authorization: Bearer <token>");
    Runtime& runtime = c.runtime();
    const auto s = runtime.store->session_by_hash(hash_token(*secret));
    if (!s) throw unauthorized("your session has ended (signed out, or unknown): sign in again");
    const Instant wall_now = SystemClock().now();
    if (s->expired(wall_now))
        throw unauthorized(fmt::format("your session ended at {}: sign in again",
                                       format_local_minutes(s->ends_at())));
    auto token = access_today(c, s->person_id);
    if (!token)
        throw unauthorized(fmt::format(
            "{} holds no role in any municipality today, and a session only opens what a role "
            "allows: ask the regisseur",
            s->person_id));
    token->expires_at = s->ends_at();
    std::string csrf = csrf_token_of(*secret);
    if (changes_state(request.method)) check_csrf(request, runtime, csrf);
    if (c.session_usage && c.session_usage->due(s->id, wall_now)) {
        const std::int64_t id = s->id;
        const Instant idle_end =
            wall_now + std::chrono::minutes(runtime.config.auth.session_idle_minutes);
        // The store passed in is the writer's: this request may run on a read thread.
        auto touch = [id, wall_now, idle_end](Store& writer) {
            try {
                writer.touch_session(id, wall_now, idle_end);
            } catch (const std::exception& e) {
                // Bookkeeping only: a busy or full store must not fail the request.
                spdlog::warn("cannot record when session {} was last used: {}", id, e.what());
            }
        };
        if (c.defer)
            c.defer(std::move(touch));
        else
            touch(*runtime.store);
    }
    return {std::move(*token), SignedIn{*s, std::move(csrf)}};
}

std::vector<std::pair<std::string, std::string>> open_session(ApiContext& c,
                                                              const std::string& person_id) {
    if (!access_today(c, person_id))
        throw unauthorized(fmt::format(
            "{} holds no role in any municipality today: okod opens no session for them",
            person_id));
    Store& store = *c.runtime().store;
    const AuthConfig& auth = c.runtime().config.auth;
    const Instant now = SystemClock().now();
    const std::string secret = new_session_secret();
    Session s;
    s.hash = hash_token(secret);
    s.person_id = person_id;
    s.created_at = now;
    s.last_seen_at = now;
    s.idle_expires_at = now + std::chrono::minutes(auth.session_idle_minutes);
    s.expires_at = now + std::chrono::minutes(auth.session_max_minutes);
    auto tx = store.begin();
    store.delete_ended_sessions(now);
    s.id = store.add_session(s);
    tx->commit();
    // Just seen: the first touch is a minute from now (it would only repeat these times).
    if (c.session_usage) c.session_usage->due(s.id, now);
    spdlog::info("session {} opened for {}", s.id, person_id);
    return {{"Set-Cookie", fmt::format("{}={}; Max-Age={}; Path=/; HttpOnly; Secure; SameSite=Lax",
                                       kSessionCookie, secret, auth.session_max_minutes * 60)}};
}

std::pair<std::string, std::string> forget_session_cookie() {
    return {"Set-Cookie",
            fmt::format("{}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax", kSessionCookie)};
}

}  // namespace okod
