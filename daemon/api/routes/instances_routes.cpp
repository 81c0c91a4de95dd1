// Workflow instances: their position, their history, and events sent to them. Not for a
// stakeholder, who sees tasks only (the router refuses it before anything is looked up).
#include <fmt/format.h>

#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/api_json.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/municipality_view.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"
#include "model/person_record.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// The instance of the path, or the same 404 as an unknown id.
Instance instance_of_path(RouteCall& call) {
    const std::int64_t id = path_id(call.param("id"), "instance");
    auto i = call.store().instance(id);
    if (!i || !can_read_municipality(call.token, i->municipality))
        throw no_such("instance", std::to_string(id));
    return *i;
}

}  // namespace

HttpResponse list_instances(RouteCall& call) {
    allow_query(call.target, {"municipality"});
    json::array out;
    const auto names = person_names(call.store());
    for (const auto& i : call.store().instances_of_municipality(call.list_municipality()))
        out.push_back(instance_view(call, i, names));
    return json_response(200, json::object{{"instances", std::move(out)}});
}

HttpResponse show_instance(RouteCall& call) {
    const Instance i = instance_of_path(call);
    allow_query(call.target, {});
    const auto names = person_names(call.store());
    json::object o = instance_view(call, i, names).as_object();
    json::array history;
    // The instance's own events (an index), a page at a time: never the whole log.
    for (std::int64_t after = 0;;) {
        const auto batch = call.store().events_of_instance(i.id, after, 1000);
        for (const auto& e : batch) history.push_back(to_json(with_names(e, names)));
        if (batch.size() < 1000) break;
        after = batch.back().seq;
    }
    o["history"] = std::move(history);
    return json_response(200, o);
}

// Gate::resource: the instance is looked up first (another municipality's is unknown),
// but a stakeholder is refused before, as on the other instance routes.
HttpResponse signal_instance(RouteCall& call) {
    if (!can_read_instances(call.token))
        throw forbidden(fmt::format("a {} token may not {}", to_string(call.token.role),
                                    what_is_refused(ApiPermission::read_instances)));
    const Instance i = instance_of_path(call);
    call.need_write(i.municipality);
    JsonBody b(call.request, {"event"});
    auto r = call.engine().signal(i.id, *b.string("event", true), call.by());
    if (!r.ok) call.refused(r);
    return call.written(to_json(*call.store().instance(i.id)));
}

}  // namespace okod
