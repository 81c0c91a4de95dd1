// The e-mails okod sent or will send about a municipality, and a dead letter sent again
// (after its address was corrected, say). Another municipality's e-mail answers as one
// that does not exist. The list is keyset-paged by id: `after` the last id seen.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/api_json.hpp"
#include "daemon/api/route_call.hpp"
#include "model/api_access.hpp"
#include "outbox/dead_letter.hpp"

namespace okod {

HttpResponse list_outbox(RouteCall& call) {
    allow_query(call.target, {"municipality", "status", "after", "limit"});
    const std::string code = call.list_municipality();
    if (!can_read_outbox(call.token, code))
        throw forbidden(
            fmt::format("a {} token may not read the outbox", to_string(call.token.role)));
    std::optional<OutboxStatus> status;
    if (auto it = call.target.query.find("status");
        it != call.target.query.end() && it->second != "all") {
        status = parse_outbox_status(it->second);
        if (!status)
            throw bad_request(fmt::format(
                "status must be pending, sent, dead, obsolete or all, not '{}'", it->second));
    }
    const auto after = query_int(call.target, "after", 0, INT64_MAX).value_or(0);
    const auto limit = static_cast<int>(query_int(call.target, "limit", 1, 1000).value_or(100));
    // The municipality's own rows (an index), in id order; one more than asked tells
    // whether another page follows, so `next_after` is null exactly when none does.
    auto rows = call.store().outbox_of_municipality(code, status, after, limit + 1);
    const bool more = static_cast<int>(rows.size()) > limit;
    if (more) rows.pop_back();
    boost::json::array out;
    for (const auto& o : rows) out.push_back(to_json(o));
    boost::json::value next_after = nullptr;
    if (more) next_after = rows.back().id;
    return json_response(200, boost::json::object{{"outbox", std::move(out)},
                                                  {"next_after", std::move(next_after)}});
}

HttpResponse retry_outbox(RouteCall& call) {
    allow_query(call.target, {});
    const std::string& id_text = call.param("id");
    const std::int64_t id = path_id(id_text, "e-mail");
    Store& store = call.store();
    const auto item = store.outbox_item(id);
    if (!item || !can_read_municipality(call.token, item->municipality))
        throw no_such("e-mail", id_text);
    if (!can_read_outbox(call.token, item->municipality))
        throw forbidden(
            fmt::format("a {} token may not send e-mail again", to_string(call.token.role)));
    if (auto why = not_retryable(*item))
        throw conflict(
            fmt::format("e-mail {} is not a dead letter ({}): nothing to send again", id, *why));
    const auto again = requeued(*item, store.person(item->person_id));
    auto tx = store.begin();
    store.update_outbox(again);
    tx->commit();
    spdlog::info("mail {} to {} goes out again ({})", again.id, again.recipient, call.by());
    return call.written(to_json(again));
}

}  // namespace okod
