#include "daemon/api/route_call.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {

HttpResponse json_response(int status, const boost::json::value& v) {
    HttpResponse r;
    r.status = status;
    r.body = boost::json::serialize(v);
    return r;
}

HttpResponse error_response(int status, const std::string& code, const std::string& message) {
    auto r = json_response(status, boost::json::object{{"error", code}, {"message", message}});
    if (status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"okod\"");
    return r;
}

Runtime& RouteCall::runtime() const { return context.runtime(); }
Store& RouteCall::store() const { return *context.runtime().store; }
Engine& RouteCall::engine() const { return context.engine(); }
Instant RouteCall::now() const { return context.clock->now(); }
Date RouteCall::today() const { return local_date(now()); }

const std::string& RouteCall::param(std::string_view name) const {
    const auto it = params.find(name);
    if (it == params.end())
        throw std::logic_error(fmt::format("route has no path parameter '{}'", name));
    return it->second;
}

std::string RouteCall::by() const {
    return token.person_id.empty() ? "api:" + token.label : token.person_id;
}

Municipality RouteCall::municipality(const std::string& code) const {
    auto m = store().municipality(code);
    if (!m || !can_read_municipality(token, code)) throw no_such("municipality", code);
    return *m;
}

std::string RouteCall::list_municipality() const {
    auto it = target.query.find("municipality");
    if (it != target.query.end()) return municipality(it->second).code;
    if (token.municipalities.size() == 1) return token.municipalities.front();
    throw bad_request("query parameter 'municipality' is required");
}

Task RouteCall::task(std::int64_t id) const {
    auto t = store().task(id);
    if (!t || !can_read_municipality(token, t->municipality) ||
        !can_see_task(token, *t,
                      roles_held(store().assignments_of_municipality(t->municipality),
                                 token.person_id, today())))
        throw no_such("task", std::to_string(id));
    return *t;
}

Person RouteCall::person(const std::string& id) const {
    auto p = store().person(id);
    if (!p || !can_see_person(token, id, store().memberships_of_person(id)))
        throw no_such("person", id);
    return *p;
}

void RouteCall::need_write(const std::string& code) const {
    if (!can_write_municipality(token, code))
        throw forbidden(fmt::format("a {} token may not change {}", to_string(token.role), code));
}

void RouteCall::refused(const CommandResult& r) const { throw refusal_error(r.refusal, r.error); }

HttpResponse RouteCall::written(const boost::json::value& v) const {
    context.after_write();
    return json_response(200, v);
}

}  // namespace okod
