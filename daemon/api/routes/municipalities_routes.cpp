// The municipalities a token sees, and one municipality's summary: who holds which role
// today, capacity against the norm, the next election and the running workflows.
#include <boost/json.hpp>

#include "calendar/elections.hpp"
#include "daemon/api/api_json.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/municipality_view.hpp"
#include "daemon/runtime.hpp"
#include "definition/school_time_check.hpp"
#include "model/api_access.hpp"
#include "model/person_record.hpp"
#include "time/amsterdam.hpp"

namespace okod {

namespace json = boost::json;

namespace {

// Up to `count` municipalities the token reads, by code, after `after`: an admin's from
// the store a page at a time, anyone else's from the few its token lists.
std::vector<Municipality> readable_after(Store& store, const ApiToken& token,
                                         const std::string& after, int count) {
    if (reads_every_municipality(token)) return store.municipalities_after(after, count);
    std::vector<Municipality> out;
    for (const auto& code : listed_municipalities(token)) {
        if (code <= after) continue;
        if (static_cast<int>(out.size()) == count) break;
        if (auto m = store.municipality(code)) out.push_back(std::move(*m));
    }
    return out;
}

}  // namespace

HttpResponse list_municipalities(RouteCall& call) {
    allow_query(call.target, {"after", "limit"});
    const auto after = call.target.query.find("after");
    const int limit = static_cast<int>(query_int(call.target, "limit", 1, 1000).value_or(100));
    auto page = readable_after(call.store(), call.token,
                               after == call.target.query.end() ? "" : after->second, limit + 1);
    json::value next_after = nullptr;
    if (static_cast<int>(page.size()) > limit) {
        page.resize(limit);
        next_after = json::value(page.back().code);
    }
    json::array out;
    for (const auto& m : page) out.push_back(to_json(m));
    return json_response(200, json::object{{"municipalities", std::move(out)},
                                           {"next_after", std::move(next_after)}});
}

HttpResponse show_municipality(RouteCall& call) {
    allow_query(call.target, {});
    const Municipality m = call.municipality(call.param("code"));
    Store& store = call.store();
    json::object o = to_json(m).as_object();
    const Date day = call.today();
    json::array holders;
    for (const auto& a : store.assignments_of_municipality(m.code))
        if (a.covers(day)) holders.push_back(to_json(a));
    o["holders"] = std::move(holders);
    o["capacity"] = capacity_view(capacity_on(store.assignments_of_municipality(m.code), m, day));
    o["next_election"] = format_date(next_election(day, m.herindeling_elections));
    o["roles"] = roles_view(call, m.code, day);
    // The position in the cycle: every running instance, in the users' words.
    json::array running;
    for (const auto& i : store.instances_of_municipality(m.code)) {
        if (i.finished_at) continue;
        running.push_back(instance_view(call, i, person_names(store)));
    }
    o["instances"] = std::move(running);
    // Said in the dashboard's overview too: school-time deadlines okod cannot keep out of
    // the school holidays, because its data ends.
    json::array warnings;
    if (auto gap = school_data_gap(m, call.runtime().definitions,
                                   call.runtime().calendar.school_holidays(), day))
        warnings.push_back(json::object{
            {"kind", "school_holidays_unknown"},
            {"known_until",
             gap->known_until ? json::value(format_date(*gap->known_until)) : json::value()},
            {"message", json::object{{"nl", describe(*gap, m, Language::nl)},
                                     {"en", describe(*gap, m, Language::en)}}}});
    o["warnings"] = std::move(warnings);
    return json_response(200, o);
}

}  // namespace okod
