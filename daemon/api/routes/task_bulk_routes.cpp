// Skipping a late-joining municipality's history at once (issue 19): every open task due
// before a day, with one reason, in one engine step; a dry run first shows which.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/task_view.hpp"
#include "engine/engine.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// The answer lists the first tasks; `count` says how many in all.
constexpr std::size_t kListed = 200;

}  // namespace

HttpResponse skip_municipality_tasks(RouteCall& call) {
    allow_query(call.target, {});
    const Municipality m = call.municipality(call.param("code"));
    call.need_write(m.code);
    JsonBody b(call.request, {"due_before", "reason", "dry_run"});
    const std::string day_text = *b.string("due_before", true);
    const auto day = parse_date(day_text);
    if (!day)
        throw bad_request(fmt::format(
            "due_before must be a day, e.g. 2025-09-01 (tasks due before it are skipped), not '{}'",
            day_text));
    const std::string reason = *b.string("reason", true);
    const bool dry_run = b.boolean("dry_run").value_or(false);
    auto r = call.engine().skip_open_tasks(m.code, at_local(*day, TimeOfDay{0}), call.by(), reason,
                                           dry_run);
    if (!r.ok) call.refused(r);
    boost::json::array tasks;
    for (std::size_t n = 0; n < r.tasks.size() && n < kListed; ++n)
        tasks.push_back(task_view(call, r.tasks[n]));
    const boost::json::object out{{"municipality", m.code},  {"due_before", format_date(*day)},
                                  {"reason", reason},        {"dry_run", dry_run},
                                  {"count", r.tasks.size()}, {"tasks", std::move(tasks)}};
    return dry_run ? json_response(200, out) : call.written(out);
}

}  // namespace okod
