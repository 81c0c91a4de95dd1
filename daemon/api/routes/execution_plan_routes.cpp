// The execution plan: read like the reports; written by who may change the
// municipality. A refusal comes before the body is read, so a council token learns
// nothing from a bad body. PUT is partial: the fields given replace the action's, the
// rest stay.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/execution_plan_json.hpp"
#include "daemon/api/route_call.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"

namespace okod {
namespace {

// The municipality of the path, when the token may change its plan.
Municipality plan_to_change(RouteCall& call) {
    const Municipality m = call.municipality(call.param("code"));
    allow_query(call.target, {});
    if (!can_write_municipality(call.token, m.code))
        throw forbidden(fmt::format("a {} token may not change the execution plan of {}",
                                    to_string(call.token.role), m.code));
    return m;
}

// An action of another municipality is, here, one that does not exist.
[[noreturn]] void refused_action(RouteCall& call, const ExecutionActionResult& r) {
    if (r.refusal == Refusal::not_found) {
        const auto id = call.params.find("id");
        throw no_such("execution-plan action", id == call.params.end() ? "" : id->second);
    }
    throw refusal_error(r.refusal, r.error);
}

}  // namespace

HttpResponse show_execution_plan(RouteCall& call) {
    const Municipality m = call.municipality(call.param("code"));
    allow_query(call.target, {});
    if (!can_read_reports(call.token, m.code))
        throw forbidden(fmt::format("a {} token may not read the execution plan of {}",
                                    to_string(call.token.role), m.code));
    return json_response(
        200,
        to_json(okod::execution_plan(m, call.store().execution_actions_of_municipality(m.code)),
                m));
}

HttpResponse add_execution_action(RouteCall& call) {
    const Municipality m = plan_to_change(call);
    auto change = execution_action_change(call.request);
    for (auto [given, field] : {std::pair{change.recommendation.has_value(), "recommendation"},
                                std::pair{change.intervention.has_value(), "intervention"}})
        if (!given) throw bad_request(fmt::format("field '{}' is required", field));
    const auto r = call.engine().add_execution_action(m.code, change, call.by());
    if (!r.ok) refused_action(call, r);
    auto response = call.written(to_json(r.action, m));
    response.status = 201;
    response.headers.emplace_back(
        "Location",
        fmt::format("/api/v1/municipalities/{}/execution-plan/{}", m.code, r.action.id));
    return response;
}

HttpResponse change_execution_action(RouteCall& call) {
    const Municipality m = plan_to_change(call);
    const std::int64_t id = path_id(call.param("id"), "execution-plan action");
    const auto change = execution_action_change(call.request);
    if (change.empty())
        throw bad_request("nothing to change: give at least one field of the action");
    const auto r = call.engine().change_execution_action(m.code, id, change, call.by());
    if (!r.ok) refused_action(call, r);
    boost::json::object o = to_json(r.action, m);
    o["changed"] = r.changed;
    o["changes"] = r.changes;
    return call.written(std::move(o));
}

HttpResponse remove_execution_action(RouteCall& call) {
    const Municipality m = plan_to_change(call);
    const std::int64_t id = path_id(call.param("id"), "execution-plan action");
    const auto r = call.engine().remove_execution_action(m.code, id, call.by());
    if (!r.ok) refused_action(call, r);
    return call.written(to_json(r.action, m));
}

}  // namespace okod
