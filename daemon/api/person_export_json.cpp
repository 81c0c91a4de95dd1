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

    // What a token is, never its secret's hash.
    json::array tokens;
    for (const auto& t : r.tokens) {
        json::object to;
        to["id"] = t.id;
        to["role"] = std::string(to_string(t.role));
        to["label"] = t.label;
        to["created_at"] = format_iso_local(t.created_at);
        to["revoked_at"] =
            t.revoked_at ? json::value(format_iso_local(*t.revoked_at)) : json::value(nullptr);
        to["last_used_at"] =
            t.last_used_at ? json::value(format_iso_local(*t.last_used_at)) : json::value(nullptr);
        tokens.push_back(std::move(to));
    }

    json::object o;
    o["person"] = std::move(person);
    o["exported_at"] = format_iso_local(now);
    o["assignments"] = std::move(assignments);
    o["tasks"] = std::move(tasks);
    o["emails"] = std::move(emails);
    o["events"] = std::move(events);
    o["tokens"] = std::move(tokens);
    return o;
}

}  // namespace okod
