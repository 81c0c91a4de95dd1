#include "daemon/api/routes/task_view.hpp"

#include <boost/json.hpp>

#include "daemon/api/api_json.hpp"
#include "daemon/api/caller_language.hpp"
#include "daemon/api/definition_names.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/runtime.hpp"
#include "model/person_record.hpp"
#include "model/traffic_light.hpp"

namespace okod {
namespace {

// A reporting deadline (report = true in its definition): the dashboard lists it apart.
bool is_report(const RouteCall& call, const Task& t) {
    const Definition* d = call.runtime().definitions.latest(t.workflow);
    if (!d) return false;
    for (const auto& st : d->states)
        for (const auto& spec : st.tasks)
            if (spec.id == t.spec_id) return spec.report;
    return false;
}

}  // namespace

boost::json::value task_view(const RouteCall& call, const Task& t) {
    namespace json = boost::json;
    const Language l = caller_language(call);
    json::object o = to_json(t, call.runtime().definitions.roles(), l).as_object();
    const Definition* d = call.runtime().definitions.latest(t.workflow);
    o["workflow_name"] = workflow_name(d, t.workflow, l);
    o["state_name"] = state_name(d, t.state, l);
    const Text title =
        render_person_refs(t.title, person_names(call.store()));  // names by reference
    o["title"] = {{"nl", title.nl}, {"en", title.en}};
    const auto light = traffic_light(t, call.now());
    o["light"] = light ? json::value(to_string(*light)) : json::value(nullptr);
    o["report"] = is_report(call, t);
    return o;
}

}  // namespace okod
