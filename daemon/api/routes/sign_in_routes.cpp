// Signing in by e-mail (issue 19), where a municipality has no identity provider:
//
//   POST /auth/link           {"email": ...} or a form post: the same answer for every
//                             address (202, or a page); a person who holds a role today
//                             gets a one-time link through the outbox, at most one a
//                             minute (kOneLinkPer), so the form cannot flood anyone
//   GET  /auth/link/<secret>  a page with a button; never uses the link (mail scanners
//                             follow links)
//   POST /auth/link/<secret>  uses the link once ([auth] link_minutes), opens a session
//                             (open_session, session_auth.hpp), 303 to the dashboard
//   POST /auth/logout         deletes the session and the cookie (CSRF-checked by the
//                             router like every write made with a cookie)
//
// The link's secret is made when the mail goes out (daemon/outbox/sign_in_mailer.hpp),
// so it exists only in the mail and as a hash in the store.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <cctype>

#include "adapters/auth/token_secret.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/sign_in_pages.hpp"
#include "daemon/api/session_auth.hpp"
#include "daemon/runtime.hpp"
#include "model/text.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

constexpr auto kOneLinkPer = 1min;

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start]))) ++start;
    return s.substr(start);
}

bool header_starts_with(const HttpRequest& r, const char* name, std::string_view prefix) {
    const auto it = r.headers.find(name);
    return it != r.headers.end() && ascii_lower(it->second).starts_with(prefix);
}

bool wants_json(const HttpRequest& r) {
    return header_starts_with(r, "content-type", "application/json");
}

// A page for someone okod does not know yet: English when the browser asks for it first.
Language page_language(const HttpRequest& r) {
    return header_starts_with(r, "accept-language", "en") ? Language::en : Language::nl;
}

// The address of a JSON body or of a form (application/x-www-form-urlencoded).
std::string requested_address(const HttpRequest& r) {
    if (wants_json(r)) return trimmed(*JsonBody(r, {"email"}).string("email", true));
    const ApiTarget form = parse_target("/?" + r.body);
    const auto it = form.query.find("email");
    if (it == form.query.end()) throw bad_request("field 'email' is required");
    return trimmed(it->second);
}

// Queues the link's mail for the person with this address, if one holds a role today
// and had no link in the last minute. Says nothing either way: the answer must not
// tell who is known.
void send_link_if_known(RouteCall& call, const std::string& address) {
    Store& store = call.store();
    const std::string wanted = ascii_lower(address);
    // Every person: a handful of requests a day, each reading a few thousand rows at most.
    for (const auto& p : store.all_people()) {
        if (p.email.empty() || ascii_lower(p.email) != wanted) continue;
        if (!access_today(call.context, p.id)) continue;
        const Instant now = SystemClock().now();
        if (const auto last = store.last_sign_in_request(p.id); last && now - *last < kOneLinkPer) {
            spdlog::info("sign-in link for {} not sent: one was asked for at {}", p.id,
                         format_local_minutes(*last));
            return;
        }
        OutboxItem item;
        // Unique per request (the outbox drops a key it has): the moment alone repeats
        // when the same second sees a request after the minute's limit was lifted.
        item.key = fmt::format("sign-in:{}:{}:{}", p.id, now.time_since_epoch().count(),
                               new_token_secret().substr(kTokenSecretPrefix.size(), 8));
        item.created_at = now;
        item.kind = OutboxKind::sign_in;
        item.person_id = p.id;
        item.recipient = p.email;
        item.language = p.language;
        auto tx = store.begin();
        store.set_sign_in_request(p.id, now);
        store.enqueue(item);
        tx->commit();
        call.context.after_write();
        spdlog::info("sign-in link for {} queued", p.id);
        return;
    }
}

}  // namespace

HttpResponse request_sign_in_link(RouteCall& call) {
    allow_query(call.target, {});
    const std::string address = requested_address(call.request);
    if (address.empty() || address.find('@') == std::string::npos)
        throw bad_request("field 'email' must be an e-mail address");
    send_link_if_known(call, address);
    const Language language = page_language(call.request);
    if (!wants_json(call.request)) return link_requested_page(language);
    return json_response(
        202, {{"message", language == Language::en
                              ? "If this address is known, you will receive a sign-in link."
                              : "Als dit adres bekend is, ontvangt u een inloglink."}});
}

HttpResponse show_sign_in_link(RouteCall& call) {
    allow_query(call.target, {});
    const std::string& secret = call.param("secret");
    const auto link = call.store().sign_in_link(hash_token(secret));
    const auto person = link ? call.store().person(link->person_id) : std::nullopt;
    if (!link || !person || link->used_at || SystemClock().now() >= link->expires_at)
        return link_gone_page(page_language(call.request));
    return confirm_link_page(secret, person->name, person->language);
}

HttpResponse use_sign_in_link(RouteCall& call) {
    allow_query(call.target, {});
    // A page of another site posting its own link would sign the visitor in as someone
    // else (login CSRF).
    if (!origin_is_own(call.request, call.runtime()))
        throw forbidden("a sign-in link is used from okod's own page, not another site's");
    Store& store = call.store();
    const std::string hash = hash_token(call.param("secret"));
    const auto link = store.sign_in_link(hash);
    const auto person = link ? store.person(link->person_id) : std::nullopt;
    const Language language = person ? person->language : page_language(call.request);
    HttpResponse r;
    auto tx = store.begin();
    if (!link || !store.consume_sign_in_link(hash, SystemClock().now()))
        return link_gone_page(language);
    try {
        r.headers = open_session(call.context, link->person_id);
    } catch (const ApiError& e) {
        return sign_in_refused_page(e.what(), language);  // the link stays unused
    }
    tx->commit();
    r.status = 303;
    r.content_type.clear();
    r.headers.emplace_back("Location", "/");
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

HttpResponse sign_out(RouteCall& call) {
    allow_query(call.target, {});
    if (!call.session)
        throw bad_request(
            "only a browser's session signs out; a bearer token ends with okoctl tokens revoke");
    call.store().delete_session(call.session->session.hash);
    spdlog::info("session {} of {} signed out", call.session->session.id,
                 call.session->session.person_id);
    auto r = json_response(200, {{"signed_out", true}});
    r.headers.push_back(forget_session_cookie());
    return r;
}

}  // namespace okod
