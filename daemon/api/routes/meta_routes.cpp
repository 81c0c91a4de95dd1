// What okod says about itself: health, readiness, its OpenAPI document, the dashboard's
// files (no token), and who a token is (GET /api/v1/me).
#include <boost/json.hpp>

#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/operations.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/web/web_assets.hpp"
#include "model/api_access.hpp"
#include "openapi_json.hpp"
#include "time/amsterdam.hpp"
#include "version.hpp"

namespace okod {

namespace json = boost::json;

HttpResponse serve_health(RouteCall& call) {
    allow_query(call.target, {});
    return json_response(200, {{"status", "ok"}});
}

HttpResponse serve_ready(RouteCall& call) {
    allow_query(call.target, {});
    const auto& c = call.context;
    if (auto problem = c.problem ? c.problem() : std::nullopt)
        return json_response(503,
                             {{"ready", false}, {"status", c.status()}, {"problem", *problem}});
    return json_response(200, {{"ready", true}, {"status", c.status()}});
}

HttpResponse serve_openapi(RouteCall&) {
    HttpResponse r;
    r.body = std::string(kOpenApiJson);
    return r;
}

HttpResponse serve_dashboard_file(RouteCall& call) {
    std::string path;
    for (const auto& segment : call.target.segments) path += "/" + segment;
    if (auto file = dashboard_file(path.empty() ? "/" : path)) return *file;
    throw not_found("no route " + call.request.target);
}

namespace {

// The municipalities served that the token reads, by code: an admin's are every code
// (read without the municipalities' data), anyone else's the ones its token lists.
std::vector<std::string> readable_municipality_codes(Store& store, const ApiToken& token) {
    if (reads_every_municipality(token)) return store.municipality_codes();
    auto codes = listed_municipalities(token);
    std::erase_if(codes, [&](const std::string& code) { return !store.has_municipality(code); });
    return codes;
}

}  // namespace

// The dashboard asks this first, to show only what the token may do. "may" is asked of
// the same permissions the router checks: each operation that grants a "may" key.
HttpResponse serve_me(RouteCall& call) {
    allow_query(call.target, {});
    const ApiToken& token = call.token;
    json::array codes;
    for (const auto& code : readable_municipality_codes(call.store(), token))
        codes.emplace_back(code);
    json::object o{
        {"role", to_string(token.role)},
        {"label", token.label},
        {"person", token.person_id.empty() ? json::value(nullptr) : json::value(token.person_id)},
        {"municipalities", std::move(codes)},
        {"expires_at", token.expires_at ? json::value(format_iso_local(*token.expires_at))
                                        : json::value(nullptr)},
        // okod's clock (a demo's may run ahead): the page's "today".
        {"now", format_iso_local(call.now())}};
    if (!token.person_id.empty())
        if (auto p = call.store().person(token.person_id)) o["person_name"] = p->name;
    // A browser's session: what its writes must send as X-CSRF-Token, and when it ends
    // (expires_at above is the same moment) unless used again within the idle time.
    if (call.session) {
        o["session"] = true;
        o["csrf_token"] = call.session->csrf_token;
        o["session_expires_at"] = format_iso_local(call.session->session.ends_at());
    } else {
        o["session"] = false;
    }
    json::object may;
    for (const auto& op : operations()) {
        if (op.may.empty()) continue;
        auto& slot = may[op.may];
        slot = (slot.is_bool() && slot.as_bool()) || may_use(token, op.permission);
    }
    o["may"] = std::move(may);
    return json_response(200, o);
}

// Which okod a browser talks to: after an upgrade, the page can tell that it changed.
HttpResponse serve_version(RouteCall& call) {
    allow_query(call.target, {});
    return json_response(200, {{"okod", kVersion}, {"api", "v1"}});
}

}  // namespace okod
