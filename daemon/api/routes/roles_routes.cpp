// Role assignments and leaves: who changes a municipality's work gives its people roles
// and announces their last day. Only a person of the token's own municipalities: an
// assignment makes them a member, so another municipality's person could otherwise be
// pulled in.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "engine/engine.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

Date date_field(const JsonBody& b, const char* field, bool required) {
    auto text = b.string(field, required);
    if (!text) return Date{};
    auto d = parse_date(*text);
    if (!d)
        throw bad_request(
            fmt::format("field '{}' must be a date YYYY-MM-DD, not '{}'", field, *text));
    return *d;
}

HttpResponse ok(RouteCall& call, const CommandResult& r) {
    if (!r.ok) call.refused(r);
    return call.written(boost::json::object{{"ok", true}});
}

}  // namespace

HttpResponse assign_role(RouteCall& call) {
    allow_query(call.target, {});
    JsonBody b(call.request, {"municipality", "role", "person", "from", "until", "fte"});
    RoleAssignment a;
    a.municipality = call.municipality(*b.string("municipality", true)).code;
    call.need_write(a.municipality);
    a.role = *b.string("role", true);
    a.person_id = call.person(*b.string("person", true)).id;
    a.from = date_field(b, "from", true);
    if (b.string("until")) a.until = date_field(b, "until", false);
    a.fte = b.number("fte");
    return ok(call, call.engine().assign_role(a, call.by()));
}

HttpResponse announce_leave(RouteCall& call) {
    allow_query(call.target, {});
    JsonBody b(call.request, {"municipality", "person", "role", "last_day"});
    const std::string code = call.municipality(*b.string("municipality", true)).code;
    call.need_write(code);
    const std::string person_id = call.person(*b.string("person", true)).id;
    return ok(call, call.engine().announce_leave(code, person_id, b.string("role").value_or(""),
                                                 date_field(b, "last_day", true), call.by()));
}

}  // namespace okod
