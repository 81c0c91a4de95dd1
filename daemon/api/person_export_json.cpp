#include "daemon/api/person_export_json.hpp"

#include <boost/json.hpp>

#include "daemon/api/api_json.hpp"
#include "time/amsterdam.hpp"

namespace okod {

namespace json = boost::json;

json::value person_export_json(const PersonRecord& r, const RoleCatalog& roles,
                               const PersonNameOf& name_of, Instant now) {
    json::object person = to_json(r.person).as_object();
    person["erased_at"] =
        r.erased_at ? json::value(format_iso_local(*r.erased_at)) : json::value(nullptr);

    json::array assignments;
    for (const auto& a : r.assignments) {
        json::object o = to_json(a).as_object();
        o["role_name"] = roles.name(a.role, Language::nl);
        assignments.push_back(std::move(o));
    }
    json::array tasks;
    for (const auto& t : with_names(r.tasks, name_of)) tasks.push_back(to_json(t, roles));
    json::array emails;
    for (const auto& m : r.mails) emails.push_back(to_json(m));
    json::array events;
    for (const auto& e : r.events) events.push_back(to_json(with_names(e, name_of)));

    json::object o;
    o["person"] = std::move(person);
    o["exported_at"] = format_iso_local(now);
    o["assignments"] = std::move(assignments);
    o["tasks"] = std::move(tasks);
    o["emails"] = std::move(emails);
    o["events"] = std::move(events);
    return o;
}

}  // namespace okod
