// The municipality's audit log, a page at a time.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <cstdint>

#include "daemon/api/api_error.hpp"
#include "daemon/api/api_json.hpp"
#include "daemon/api/route_call.hpp"
#include "model/api_access.hpp"
#include "model/person_record.hpp"

namespace okod {

HttpResponse list_events(RouteCall& call) {
    allow_query(call.target, {"municipality", "after", "limit"});
    const std::string code = call.list_municipality();
    if (!can_read_events(call.token, code))
        throw forbidden(
            fmt::format("a {} token may not read the event log", to_string(call.token.role)));
    std::int64_t after = query_int(call.target, "after", 0, INT64_MAX).value_or(0);
    const auto limit = query_int(call.target, "limit", 1, 1000).value_or(100);
    const auto names = person_names(call.store());
    boost::json::array out;
    // The municipality's own events only (an index): `next_after` is the last one
    // returned, so the next page continues exactly there (the same `after` when none).
    for (const auto& e :
         call.store().events_of_municipality(code, after, static_cast<int>(limit))) {
        after = e.seq;
        out.push_back(to_json(with_names(e, names)));
    }
    return json_response(200,
                         boost::json::object{{"events", std::move(out)}, {"next_after", after}});
}

}  // namespace okod
