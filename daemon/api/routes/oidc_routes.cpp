// Signing in with the municipality's own account (issue 19): OpenID Connect, the
// authorization code flow with PKCE, against the identity provider of [oidc] (Entra ID,
// Keycloak, ...). The adapter (adapters/oidc/oidc_client.hpp) talks to the provider and
// checks the ID token; these routes carry the browser through it:
//
//   GET /auth/oidc/start     303 to the provider, with state, nonce and PKCE verifier in
//                            a short-lived HttpOnly cookie of /auth/oidc only
//   GET /auth/oidc/callback  the provider sends the browser back here: the code is
//                            exchanged, the ID token checked, its person claim (e-mail
//                            address, or login name) matched to an okod person, and a
//                            session opened (open_session, as the e-mail link does)
//   GET /auth/methods        which ways to sign in this okod offers (the sign-in page)
//
// start runs on a read thread (its network calls hold up nobody). The callback opens a
// session, a write, so it runs on okod's strand: its exchange with the provider (one
// token request, the keys once) holds the scheduler for that long, at most
// [oidc] timeout_seconds per request.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>

#include "adapters/oidc/oidc_client.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/sign_in_pages.hpp"
#include "daemon/api/session_auth.hpp"
#include "daemon/runtime.hpp"
#include "model/text.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

constexpr std::string_view kPendingCookie = "okod_oidc";
constexpr int kPendingSeconds = 600;  // time to sign in at the provider

// One client per [oidc] section, kept across requests for its discovery document and
// keys; a reload with other settings makes a new one. The provider's tokens are checked
// against the wall clock, whatever clock okod's scheduler runs on (a demo's).
std::shared_ptr<OidcClient> oidc_client(const OidcConfig& config) {
    static std::mutex mutex;
    static std::shared_ptr<OidcClient> client;
    static const SystemClock wall_clock;
    std::lock_guard lock(mutex);
    const auto& c = client ? client->config() : config;
    const bool same = client && c.issuer == config.issuer && c.client_id == config.client_id &&
                      c.client_secret_file == config.client_secret_file &&
                      c.redirect_uri == config.redirect_uri &&
                      c.person_claim == config.person_claim && c.scopes == config.scopes &&
                      c.auth == config.auth;
    if (!same) client = std::make_shared<OidcClient>(config, wall_clock);
    return client;
}

const OidcConfig& configured(RouteCall& call) {
    const auto& oidc = call.runtime().config.oidc;
    if (!oidc)
        throw not_found("this okod has no [oidc] section: sign in with an e-mail link instead");
    return *oidc;
}

std::string pending_cookie(const std::string& value, int max_age) {
    return fmt::format("{}={}; Max-Age={}; Path=/auth/oidc; HttpOnly; Secure; SameSite=Lax",
                       kPendingCookie, value, max_age);
}

HttpResponse refused(const std::string& why, Language language) {
    auto r = sign_in_refused_page(why, language);
    r.headers.emplace_back("Set-Cookie", pending_cookie("", 0));
    return r;
}

// The okod person the provider's claim names: by e-mail address (any case) or by id.
std::optional<Person> person_named(Store& store, const std::string& key) {
    const std::string wanted = ascii_lower(key);
    for (const auto& p : store.all_people())
        if ((!p.email.empty() && ascii_lower(p.email) == wanted) || p.id == key) return p;
    return std::nullopt;
}

std::string query(const RouteCall& call, const char* name) {
    const auto it = call.target.query.find(name);
    return it == call.target.query.end() ? std::string() : it->second;
}

}  // namespace

HttpResponse show_sign_in_methods(RouteCall& call) {
    allow_query(call.target, {});
    return json_response(200,
                         {{"email_link", true}, {"oidc", call.runtime().config.oidc.has_value()}});
}

HttpResponse start_oidc_sign_in(RouteCall& call) {
    allow_query(call.target, {});
    const auto started = oidc_client(configured(call))->begin();
    if (!started) {
        spdlog::warn("OpenID Connect sign-in cannot start: {} ({})",
                     oidc_refusal_name(started.refusal), started.detail);
        auto r = refused(
            "De inlogdienst van uw gemeente is nu niet bereikbaar. Probeer het zo "
            "opnieuw, of log in met een link per e-mail.",
            Language::nl);
        r.status = 502;
        return r;
    }
    HttpResponse r;
    r.status = 303;
    r.content_type.clear();
    r.headers.emplace_back("Location", started.value->authorization_url);
    r.headers.emplace_back("Set-Cookie",
                           pending_cookie(started.value->pending.serialise(), kPendingSeconds));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

HttpResponse finish_oidc_sign_in(RouteCall& call) {
    allow_query(call.target,
                {"code", "state", "iss", "error", "error_description", "session_state"});
    const OidcConfig& config = configured(call);
    const auto cookie = cookie_value(call.request, kPendingCookie);
    const auto pending = cookie ? OidcPending::parse(*cookie) : std::nullopt;
    if (!pending)
        return refused(
            "Dit inloggen is niet hier begonnen, of duurde langer dan tien minuten. "
            "Begin opnieuw.",
            Language::nl);
    const OidcCallback back{query(call, "code"), query(call, "state"), query(call, "iss"),
                            query(call, "error"), query(call, "error_description")};
    const auto who = oidc_client(config)->finish(back, *pending);
    if (!who) {
        spdlog::warn("OpenID Connect sign-in refused: {} ({})", oidc_refusal_name(who.refusal),
                     who.detail);
        return refused(fmt::format("Het antwoord van de inlogdienst is niet geaccepteerd ({}). "
                                   "Begin opnieuw.",
                                   oidc_refusal_name(who.refusal)),
                       Language::nl);
    }
    const auto person = person_named(call.store(), who.value->person_key);
    if (!person) {
        spdlog::warn("OpenID Connect sign-in of '{}': no okod person has that {}",
                     who.value->person_key, config.person_claim);
        return refused(fmt::format("okod kent niemand als {}. Vraag de regisseur om u toe te "
                                   "voegen.",
                                   who.value->person_key),
                       Language::nl);
    }
    HttpResponse r;
    try {
        r.headers = open_session(call.context, person->id);
    } catch (const ApiError& e) {
        return refused(e.what(), person->language);
    }
    spdlog::info("{} signed in with OpenID Connect ({})", person->id, config.issuer);
    r.status = 303;
    r.content_type.clear();
    r.headers.emplace_back("Set-Cookie", pending_cookie("", 0));
    r.headers.emplace_back("Location", "/");
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

}  // namespace okod
