#include "daemon/api/routes/municipality_view.hpp"

#include <boost/json.hpp>
#include <set>

#include "daemon/api/api_json.hpp"
#include "daemon/api/caller_language.hpp"
#include "daemon/api/definition_names.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/runtime.hpp"
#include "model/person_record.hpp"

namespace okod {

namespace json = boost::json;

json::value capacity_view(const Capacity& cap) {
    return {{"recorded", cap.recorded},
            {"total_fte", cap.total},
            {"regisseur_fte", cap.regisseur},
            {"norm_total_fte", cap.norm.total_fte},
            {"norm_regisseur_fte", cap.norm.regisseur_fte},
            {"below_norm", cap.below_norm()}};
}

json::array roles_view(const RouteCall& call, const std::string& code, Date day) {
    const auto assignments = call.store().assignments_of_municipality(code);
    std::set<std::string> roles{std::string(kRegisseurRole)};
    for (const auto& a : assignments) roles.insert(a.role);
    const auto& catalog = call.runtime().definitions.roles();
    const Language l = caller_language(call);
    json::array out;
    for (const auto& role : roles) {
        json::array holders;
        for (const auto& a : assignments) {
            if (a.role != role || !a.covers(day)) continue;
            json::object h = to_json(a).as_object();
            if (auto p = call.store().person(a.person_id)) h["name"] = p->name;
            holders.push_back(std::move(h));
        }
        const bool vacant = holders.empty();
        out.push_back(json::object{{"role", role},
                                   {"role_name", catalog.name(role, l)},
                                   {"holders", std::move(holders)},
                                   {"vacant", vacant}});
    }
    return out;
}

json::value instance_view(const RouteCall& call, const Instance& i,
                          const PersonNameOf& person_names) {
    json::object o = to_json(with_names(i, person_names)).as_object();
    const Language l = caller_language(call);
    const Definition* d = call.runtime().definitions.get(i.definition_id, i.definition_version);
    o["workflow_name"] = workflow_name(d, i.definition_id, l);
    o["state_name"] = state_name(d, i.state, l);
    return o;
}

}  // namespace okod
