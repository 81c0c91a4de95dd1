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
    // Pages over the whole log; `next_after` continues where this page stopped.
    while (static_cast<std::int64_t>(out.size()) < limit) {
        auto batch = call.store().events_after(after, 1000);
        if (batch.empty()) break;
        for (const auto& e : batch) {
            after = e.seq;
            if (e.municipality == code) out.push_back(to_json(with_names(e, names)));
            if (static_cast<std::int64_t>(out.size()) == limit) break;
        }
    }
    return json_response(200,
                         boost::json::object{{"events", std::move(out)}, {"next_after", after}});
}

}  // namespace okod
