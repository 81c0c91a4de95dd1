// People: the list of a municipality (with roles, members, vacancies, capacity), one
// person, adding or changing one, their calendar feed URL, their memberships (admin) and
// everything okod holds about them (AVG art. 15). Names and e-mail addresses are
// personal data: the council sees who holds which role in the municipality's summary,
// without addresses.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "adapters/auth/token_secret.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/api_json.hpp"
#include "daemon/api/caller_language.hpp"
#include "daemon/api/person_export_json.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/municipality_view.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"
#include "model/person_record.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// A person with the municipalities they belong to that the token may see.
json::value person_view(const RouteCall& call, const Person& p) {
    json::object o = to_json(p).as_object();
    json::array codes;
    for (const auto& code : call.store().memberships_of_person(p.id))
        if (can_read_municipality(call.token, code)) codes.emplace_back(code);
    o["municipalities"] = std::move(codes);
    const auto feed_since = call.store().feed_secret_created(p.id);
    o["feed_url_since"] =
        feed_since ? json::value(format_iso_local(*feed_since)) : json::value(nullptr);
    return o;
}

HttpResponse membership_changed(RouteCall& call, const Person& p, const CommandResult& r) {
    if (!r.ok) call.refused(r);
    return call.written(person_view(call, *call.store().person(p.id)));
}

}  // namespace

HttpResponse list_people(RouteCall& call) {
    allow_query(call.target, {"municipality", "on"});
    const std::string code = call.list_municipality();
    if (!can_manage_people(call.token, code))
        throw forbidden(fmt::format("a {} token may not list people and their e-mail addresses",
                                    to_string(call.token.role)));
    Store& store = call.store();
    Date on = call.today();
    if (auto it = call.target.query.find("on"); it != call.target.query.end()) {
        auto d = parse_date(it->second);
        if (!d)
            throw bad_request(fmt::format("on must be a date YYYY-MM-DD, not '{}'", it->second));
        on = *d;
    }
    json::array out;
    for (const auto& a : store.assignments_of_municipality(code)) {
        if (!a.covers(on)) continue;
        json::object o = to_json(a).as_object();
        o["role_name"] = call.runtime().definitions.roles().name(a.role, caller_language(call));
        if (auto p = store.person(a.person_id)) o["person_detail"] = to_json(*p);
        out.push_back(std::move(o));
    }
    // The same day's vacancies and capacity, so a client lists what okoctl people list does.
    json::array vacancies;
    for (auto& r : roles_view(call, code, on))
        if (r.at("vacant").as_bool())
            vacancies.push_back(
                json::object{{"role", r.at("role")}, {"role_name", r.at("role_name")}});
    // Everyone who belongs to the municipality, with or without a role: a person just
    // made here, before their first role, is listed too.
    json::array members;
    for (const auto& id : store.members_of_municipality(code))
        if (auto p = store.person(id)) members.push_back(to_json(*p));
    const auto m = call.municipality(code);
    return json_response(
        200, json::object{{"municipality", code},
                          {"on", format_date(on)},
                          {"assignments", std::move(out)},
                          {"members", std::move(members)},
                          {"vacancies", std::move(vacancies)},
                          {"capacity", capacity_view(capacity_on(
                                           store.assignments_of_municipality(code), m, on))}});
}

// A new person belongs to the municipality the request names, or the token's only one;
// an existing one is changed only by who may manage them everywhere they belong. A
// taken id of someone the token may not see is a 409 that tells nothing about them: ids
// are chosen by the municipalities, so that one fact cannot be hidden.
HttpResponse save_person(RouteCall& call) {
    allow_query(call.target, {});
    JsonBody b(call.request, {"id", "name", "email", "language", "municipality"});
    Person p;
    p.id = *b.string("id", true);
    p.name = *b.string("name", true);
    p.email = b.string("email").value_or("");
    if (auto l = b.string("language")) {
        auto lang = parse_language(*l);
        if (!lang) throw bad_request(fmt::format("language must be nl or en, not '{}'", *l));
        p.language = *lang;
    }
    std::string code;
    if (auto m = b.string("municipality"))
        code = call.municipality(*m).code;
    else if (call.token.municipalities.size() == 1)
        code = call.token.municipalities.front();
    const auto where = call.store().memberships_of_person(p.id);
    const auto existing = call.store().person(p.id);
    if (existing && !can_see_person(call.token, p.id, where))
        throw conflict(fmt::format("person id '{}' is taken: choose another id", p.id));
    if (!existing && code.empty() && !can_make_person_without_municipality(call.token))
        throw bad_request(
            "field 'municipality' is required: the token has several, and a new person "
            "belongs to one of them");
    if (!code.empty()) call.need_write(code);
    if (existing && !can_save_person(call.token, where))
        throw forbidden(
            fmt::format("person '{}' also belongs to {}: only an admin token may change them", p.id,
                        fmt::join(where, ", ")));
    auto r = code.empty() ? call.engine().save_person(p, call.by())
                          : call.engine().save_member(p, code, call.by());
    if (!r.ok) call.refused(r);
    return call.written(person_view(call, *call.store().person(p.id)));
}

HttpResponse show_person(RouteCall& call) {
    allow_query(call.target, {});
    return json_response(200, person_view(call, call.person(call.param("id"))));
}

// okod keeps only the hash: an existing URL cannot be shown, only replaced, and
// replacing it breaks every calendar subscribed to it, so that takes a "rotate".
HttpResponse make_feed_url(RouteCall& call) {
    const std::string& id = call.param("id");
    allow_query(call.target, {});
    if (!can_make_feed_url(call.token, id))
        throw forbidden(fmt::format("a {} token may not {}", to_string(call.token.role),
                                    what_is_refused(ApiPermission::feed_url)));
    const Person p = call.person(id);
    JsonBody b(call.request, {"rotate"});
    if (const auto since = call.store().feed_secret_created(p.id);
        since && !b.boolean("rotate").value_or(false))
        throw conflict(
            fmt::format("{} has a calendar feed URL since {}; it is shown only when made: "
                        "send {{\"rotate\": true}} for a new one (the old one stops working)",
                        p.id, format_iso_local(*since)));
    const std::string secret = new_feed_secret();
    const Instant now = SystemClock().now();
    call.store().set_feed_secret(p.id, hash_token(secret), now);
    spdlog::info("calendar feed URL of {} made anew by {}", p.id, call.by());
    const std::string path = "/ical/person/" + secret + ".ics";
    auto host = call.request.headers.find("host");
    return json_response(200,
                         json::object{{"person", p.id},
                                      {"path", path},
                                      {"url", host == call.request.headers.end()
                                                  ? json::value(nullptr)
                                                  : json::value("http://" + host->second + path)},
                                      {"created_at", format_iso_local(now)}});
}

HttpResponse link_person(RouteCall& call) {
    allow_query(call.target, {});
    const Person p = call.person(call.param("id"));
    JsonBody b(call.request, {"municipality"});
    const std::string code = call.municipality(*b.string("municipality", true)).code;
    return membership_changed(call, p, call.engine().link_person(p.id, code, call.by()));
}

HttpResponse unlink_person(RouteCall& call) {
    allow_query(call.target, {});
    const Person p = call.person(call.param("id"));
    const std::string code = call.municipality(call.param("code")).code;
    return membership_changed(call, p, call.engine().unlink_person(p.id, code, call.by()));
}

// What `okoctl people export` prints. Someone this token may not see and someone who
// does not exist get the same 404, so ids cannot be guessed.
HttpResponse export_person_record(RouteCall& call) {
    const std::string& id = call.param("id");
    allow_query(call.target, {});
    const auto record = person_record(call.store(), id);
    std::vector<std::string> where;
    if (record)
        for (const auto& a : record->assignments) where.push_back(a.municipality);
    if (!record || !can_export_person(call.token, where))
        throw not_found(fmt::format("no person '{}'", id));
    return json_response(200, person_export_json(*record, call.runtime().definitions.roles(),
                                                 person_names(call.store()), call.now()));
}

}  // namespace okod
