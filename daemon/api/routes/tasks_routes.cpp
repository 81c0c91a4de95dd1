// Tasks: listed with filters, views and a search, one by id with its history, and the
// things people do with one: complete it or undo that (its stakeholders too), skip it or
// move its deadline (who changes the municipality's work). The task is looked up before
// the rule is asked, so another municipality's task answers like an unknown one.
#include <fmt/format.h>

#include <boost/json.hpp>
#include <string_view>

#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/routes/task_history.hpp"
#include "daemon/api/routes/task_list_view.hpp"
#include "daemon/api/routes/task_page.hpp"
#include "daemon/api/routes/task_view.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;

Instant instant_field(const JsonBody& b, const char* field) {
    auto text = b.string(field, true);
    auto t = parse_instant(*text);
    if (!t) t = parse_local_date_time(*text);
    if (!t)
        throw bad_request(
            fmt::format("field '{}' must be an ISO 8601 time with offset (-14:00 to +14:00), e.g. "
                        "2026-03-31T17:00:00+02:00, or a local time in Amsterdam, "
                        "e.g. 2026-03-31T17:00, not '{}'",
                        field, *text));
    return *t;
}

// The task of the path, for a POST that changes it.
Task task_to_change(RouteCall& call) {
    const std::int64_t id = path_id(call.param("id"), "task");
    allow_query(call.target, {});
    return call.task(id);
}

// The engine's answer to a change of `t`: the task as it is now, or the refusal.
HttpResponse changed(RouteCall& call, const Task& t, const CommandResult& r) {
    if (!r.ok) call.refused(r);
    return call.written(task_view(call, *call.store().task(t.id)));
}

// Who may complete the task may undo the completion: a stakeholder its own mistake.
void need_complete(RouteCall& call, const Task& t, std::string_view what) {
    if (!can_complete_task(call.token, t,
                           roles_held(call.store().assignments_of_municipality(t.municipality),
                                      call.token.person_id, call.today())))
        throw forbidden(
            fmt::format("a {} token may not {} task {}", to_string(call.token.role), what, t.id));
}

}  // namespace

HttpResponse list_tasks(RouteCall& call) {
    const auto& query = call.target.query;
    allow_query(call.target, {"municipality", "role", "person", "status", "due_before", "due_after",
                              "closed_after", "after", "limit", "view", "q"});
    TaskFilter f;
    f.municipality = call.list_municipality();
    if (auto it = query.find("role"); it != query.end()) f.role = it->second;
    if (auto it = query.find("status"); it != query.end()) {
        f.status = parse_task_status(it->second);
        if (!f.status)
            throw bad_request(
                fmt::format("status must be open, overdue, done or skipped, not '{}'", it->second));
    }
    for (const char* bound : {"due_before", "due_after", "closed_after"}) {
        auto it = query.find(bound);
        if (it == query.end()) continue;
        auto t = parse_instant(it->second);
        if (!t) {
            auto d = parse_date(it->second);
            if (!d)
                throw bad_request(
                    fmt::format("{} must be a date or an ISO time, not '{}'", bound, it->second));
            t = at_local(*d, TimeOfDay{0});
        }
        const std::string_view name(bound);
        (name == "due_before"  ? f.due_before
         : name == "due_after" ? f.due_after
                               : f.closed_after) = *t;
    }
    if (auto it = query.find("view"); it != query.end()) apply_task_view(f, it->second, call.now());
    if (auto it = query.find("q"); it != query.end() && !it->second.empty())
        f.search = task_search(it->second, call.runtime().definitions.roles());
    if (auto it = query.find("after"); it != query.end()) f.after = parse_task_cursor(it->second);
    const int limit = static_cast<int>(query_int(call.target, "limit", 1, 1000).value_or(200));
    const auto assignments = call.store().assignments_of_municipality(*f.municipality);
    const auto own_roles = roles_held(assignments, call.token.person_id, call.today());
    // The store reads only the tasks of the roles asked for and seen, a page at a time.
    f.roles = visible_task_roles(call.token, *f.municipality, own_roles);
    if (f.roles && !call.token.person_id.empty()) f.person_view = call.token.person_id;
    if (auto person = query.find("person"); person != query.end()) {
        f.roles = roles_within(roles_held(assignments, person->second, call.today()), f.roles);
        f.person_view = person->second;
    }
    const auto page = visible_tasks_page(call.store(), f, limit, [&](const Task& t) {
        return can_see_task(call.token, t, own_roles);
    });
    json::array out;
    for (const auto& t : page.tasks) out.push_back(task_view(call, t));
    return json_response(
        200,
        json::object{{"tasks", std::move(out)},
                     {"next_after", page.next_after ? json::value(task_cursor(*page.next_after))
                                                    : json::value(nullptr)}});
}

HttpResponse show_task(RouteCall& call) {
    const std::int64_t id = path_id(call.param("id"), "task");
    allow_query(call.target, {});
    return json_response(200, task_view(call, call.task(id)));
}

HttpResponse show_task_history(RouteCall& call) {
    const std::int64_t id = path_id(call.param("id"), "task");
    allow_query(call.target, {});
    return json_response(200, task_history(call.store(), call.task(id)));
}

HttpResponse complete_task(RouteCall& call) {
    const Task t = task_to_change(call);
    JsonBody b(call.request, {"note"});
    need_complete(call, t, "complete");
    return changed(call, t,
                   call.engine().complete_task(t.id, call.by(), b.string("note").value_or("")));
}

HttpResponse undo_task(RouteCall& call) {
    const Task t = task_to_change(call);
    JsonBody b(call.request, {"reason"});
    need_complete(call, t, "undo the completion of");
    return changed(call, t,
                   call.engine().reopen_task(t.id, call.by(), b.string("reason").value_or("")));
}

HttpResponse skip_task(RouteCall& call) {
    const Task t = task_to_change(call);
    JsonBody b(call.request, {"reason"});
    call.need_write(t.municipality);
    return changed(call, t, call.engine().skip_task(t.id, call.by(), *b.string("reason", true)));
}

HttpResponse reschedule_task(RouteCall& call) {
    const Task t = task_to_change(call);
    JsonBody b(call.request, {"due", "reason", "if_due"});
    call.need_write(t.municipality);
    // A bare day is a deadline on that day at the usual hour, not at midnight.
    const auto day = parse_date(b.string("due", true).value_or(""));
    const Instant due =
        day ? at_local(*day, call.runtime().config.engine.due_time) : instant_field(b, "due");
    if (auto problem = past_deadline_problem(due, call.now())) throw bad_request(*problem);
    // Optimistic concurrency: the deadline the caller saw must still be the one. Any
    // spelling of the same moment matches (Z, another offset, local form time).
    if (b.string("if_due")) {
        const Instant seen = instant_field(b, "if_due");
        if (!t.due || *t.due != seen)
            throw conflict(fmt::format("task {} is due {} now, not {}: reload and try again", t.id,
                                       t.due ? format_iso_local(*t.due) : "nowhere",
                                       format_iso_local(seen)));
    }
    return changed(
        call, t,
        call.engine().reschedule_task(t.id, due, call.by(), b.string("reason", true).value_or("")));
}

}  // namespace okod
