// The routes of API v1 and who may call them:
//
//   GET  /health, /ready, /openapi.json               anyone (no token)
//   GET  /api/v1/municipalities[/{code}]              every role, its municipalities
//   GET  /api/v1/me                                   every role: who the token is, what it may do
//   GET  /, /app.js, /style.css, /favicon.svg         anyone: the dashboard (it asks for a token)
//   GET  /api/v1/tasks[?municipality,role,person,status,due_before,due_after,closed_after,limit]
//                                                     admin, regisseur, council: all tasks of
//                                                     their municipalities; stakeholder: own
//   GET  /api/v1/tasks/{id}                           as above
//   POST /api/v1/tasks/{id}/complete {note}           admin, regisseur, stakeholder (own)
//   POST /api/v1/tasks/{id}/skip {reason}             admin, regisseur
//   POST /api/v1/tasks/{id}/reschedule {due, reason, if_due}
//                                                     admin, regisseur
//   GET  /api/v1/municipalities/{code}/process[?workflow]   admin, regisseur, council: the
//                                                     process monitor (steps on time, late, open)
//   GET  /api/v1/municipalities/{code}/reports/annual[?year,format=html|md|csv,lang]
//                                                     admin, regisseur, council: the yearly report
//   GET  /api/v1/municipalities/{code}/execution-plan    admin, regisseur, council: the
//                                                     execution plan per recommendation
//   POST /api/v1/municipalities/{code}/execution-plan {recommendation, intervention, ...}
//   PUT  /api/v1/municipalities/{code}/execution-plan/{id} {any of those fields}
//   DELETE /api/v1/municipalities/{code}/execution-plan/{id}
//                                                     admin, regisseur: add an action, change
//                                                     the fields given, remove it
//   GET  /api/v1/instances?municipality, /instances/{id}   admin, regisseur, council
//   POST /api/v1/instances/{id}/signal {event}        admin, regisseur
//   GET  /api/v1/people?municipality[&on]             admin, regisseur
//   POST /api/v1/people {id, name, email, language, municipality}   admin, regisseur: a new
//                                                     person belongs to the token's municipality
//   GET  /api/v1/people/{id}                          admin, regisseur: a person of its own
//   POST /api/v1/people/{id}/feed-url                 admin, regisseur, the person's own token:
//                                                     a new calendar feed URL (the old stops)
//   POST /api/v1/people/{id}/memberships {municipality}, DELETE .../memberships/{code}
//                                                     admin: link a person into a municipality
//   GET  /api/v1/people/{id}/export                   admin; the regisseur of every municipality
//                                                     where they hold or held a role (AVG art. 15)
//   POST /api/v1/assignments {municipality, role, person, from, until, fte}   admin, regisseur
//   POST /api/v1/leaves {municipality, person, role, last_day}               admin, regisseur
//   GET  /api/v1/events?municipality[&after,limit]    admin, regisseur
//   GET  /api/v1/outbox?municipality[&status,limit]   admin, regisseur
//   POST /api/v1/outbox/{id}/retry                     admin, regisseur: a dead letter goes out
//   again
#include "daemon/api/api.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "adapters/auth/token_secret.hpp"
#include "adapters/report/annual_report_document.hpp"
#include "calendar/elections.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/api_json.hpp"
#include "daemon/api/api_request.hpp"
#include "daemon/api/execution_plan_json.hpp"
#include "daemon/api/ical_routes.hpp"
#include "daemon/api/person_export_json.hpp"
#include "daemon/api/token_auth.hpp"
#include "daemon/runtime.hpp"
#include "daemon/web/web_assets.hpp"
#include "engine/engine.hpp"
#include "model/api_access.hpp"
#include "model/capacity.hpp"
#include "model/person_record.hpp"
#include "model/process_monitor.hpp"
#include "model/traffic_light.hpp"
#include "openapi_json.hpp"
#include "outbox/dead_letter.hpp"
#include "report/annual_report_builder.hpp"
#include "report/report_year.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"
#include "version.hpp"

namespace okod {
namespace {

namespace json = boost::json;

HttpResponse json_response(int status, const json::value& v) {
    HttpResponse r;
    r.status = status;
    r.body = json::serialize(v);
    return r;
}

HttpResponse error_response(int status, const std::string& code, const std::string& message) {
    auto r = json_response(status, json::object{{"error", code}, {"message", message}});
    if (status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"okod\"");
    return r;
}

// One request being served.
class Call {
public:
    Call(const HttpRequest& r, ApiContext& c) : req_(r), c_(c), target_(parse_target(r.target)) {}

    HttpResponse serve() {
        const auto& s = target_.segments;
        if (s.empty() || (s.size() == 1 && s[0] != "health" && s[0] != "ready" && s[0] != "openapi.json")) {
            if (auto file = dashboard_file(s.empty() ? "/" : "/" + s[0])) {
                need_method("GET");
                return *file;
            }
        }
        if (s.size() == 1 && (s[0] == "health" || s[0] == "ready")) {
            need_method("GET");
            allow_query(target_, {});
            if (s[0] == "health") return json_response(200, {{"status", "ok"}});
            if (auto problem = c_.problem ? c_.problem() : std::nullopt)
                return json_response(
                    503, {{"ready", false}, {"status", c_.status()}, {"problem", *problem}});
            return json_response(200, {{"ready", true}, {"status", c_.status()}});
        }
        if (s.size() == 1 && s[0] == "openapi.json") {
            need_method("GET");
            HttpResponse r;
            r.body = std::string(kOpenApiJson);
            return r;
        }
        if (!s.empty() && s[0] == "ical") return serve_ical(req_, c_);
        if (s.size() < 3 || s[0] != "api" || s[1] != "v1") throw not_found(fmt::format("no route {}", req_.target));
        token_ = authenticate();
        const std::string& what = s[2];
        if (what == "me") return me();
        if (what == "municipalities") return municipalities();
        if (what == "tasks") return tasks();
        if (what == "instances") return instances();
        if (what == "people") return people();
        if (what == "assignments") return assignments();
        if (what == "leaves") return leaves();
        if (what == "events") return events();
        if (what == "outbox") return outbox();
        throw not_found(fmt::format("no route {}", req_.target));
    }

private:
    Store& store() { return *c_.runtime().store; }
    Engine& engine() { return c_.engine(); }
    Date today() const { return local_date(c_.clock->now()); }
    const std::vector<std::string>& segments() const { return target_.segments; }

    void need_method(const char* m) const {
        if (req_.method != m)
            throw ApiError(405, "method_not_allowed", fmt::format("{} {} is not allowed; use {}", req_.method,
                                                                  req_.target, m));
    }

    ApiToken authenticate() { return authenticate_bearer(req_, c_); }

    // Who did it, for the event log: the token's person, else its label.
    std::string by() const { return token_.person_id.empty() ? "api:" + token_.label : token_.person_id; }

    Municipality municipality(const std::string& code) {
        auto m = store().municipality(code);
        if (!m || !can_read_municipality(token_, code)) throw no_such("municipality", code);
        return *m;
    }
    // The municipality a list is about: the `municipality` parameter, required unless
    // the token sees exactly one.
    std::string list_municipality() {
        auto it = target_.query.find("municipality");
        if (it != target_.query.end()) return municipality(it->second).code;
        if (token_.municipalities.size() == 1) return token_.municipalities.front();
        throw bad_request("query parameter 'municipality' is required");
    }
    std::vector<std::string> roles_of_token_person(const std::string& code) {
        std::vector<std::string> roles;
        if (token_.person_id.empty()) return roles;
        for (const auto& a : store().assignments(code))
            if (a.person_id == token_.person_id && a.covers(today())) roles.push_back(a.role);
        return roles;
    }
    Task task(std::int64_t id) {
        auto t = store().task(id);
        if (!t || !can_read_municipality(token_, t->municipality) ||
            !can_see_task(token_, *t, roles_of_token_person(t->municipality)))
            throw no_such("task", std::to_string(id));
        return *t;
    }
    // A person the token may see (model/api_access.hpp); anyone else is a 404 that reads
    // like an unknown id.
    Person person(const std::string& id) {
        auto p = store().person(id);
        if (!p || !can_see_person(token_, id, store().memberships(id))) throw no_such("person", id);
        return *p;
    }
    void need_people_role(const char* what) {
        if (token_.role != ApiRole::admin && token_.role != ApiRole::regisseur)
            throw forbidden(fmt::format("a {} token may not {}", to_string(token_.role), what));
    }
    void need_write(const std::string& code) {
        if (!can_write_municipality(token_, code))
            throw forbidden(fmt::format("a {} token may not change {}", to_string(token_.role), code));
    }
    // An engine refusal, as api_error.hpp maps its type.
    [[noreturn]] void refused(const CommandResult& r) { throw refusal_error(r.refusal, r.error); }
    HttpResponse written(json::value v) {
        c_.after_write();
        return json_response(200, v);
    }
    Instant instant_field(const JsonBody& b, const char* field) {
        auto text = b.string(field, true);
        auto t = parse_instant(*text);
        if (!t) t = parse_local_date_time(*text);
        if (!t)
            throw bad_request(fmt::format(
                "field '{}' must be an ISO 8601 time with offset (-14:00 to +14:00), e.g. "
                "2026-03-31T17:00:00+02:00, or a local time in Amsterdam, "
                "e.g. 2026-03-31T17:00, not '{}'",
                field, *text));
        return *t;
    }
    Date date_field(const JsonBody& b, const char* field, bool required) {
        auto text = b.string(field, required);
        if (!text) return Date{};
        auto d = parse_date(*text);
        if (!d) throw bad_request(fmt::format("field '{}' must be a date YYYY-MM-DD, not '{}'", field, *text));
        return *d;
    }

    // A task as the API shows it: with its traffic light for today.
    json::value task_json(const Task& t) {
        json::object o = to_json(t, c_.runtime().definitions.roles()).as_object();
        const Text title =
            render_person_refs(t.title, person_names(store()));  // names by reference
        o["title"] = {{"nl", title.nl}, {"en", title.en}};
        const auto light = traffic_light(t, c_.clock->now());
        o["light"] = light ? json::value(to_string(*light)) : json::value(nullptr);
        o["report"] = is_report(t);
        return o;
    }
    // A reporting deadline (report = true in its definition): the dashboard lists it apart.
    bool is_report(const Task& t) {
        const Definition* d = c_.runtime().definitions.latest(t.workflow);
        if (!d) return false;
        for (const auto& st : d->states)
            for (const auto& spec : st.tasks)
                if (spec.id == t.spec_id) return spec.report;
        return false;
    }

    // --- who am I ----------------------------------------------------------------------
    // The dashboard asks this first, to show only what the token may do.
    HttpResponse me() {
        need_method("GET");
        allow_query(target_, {});
        if (segments().size() != 3) throw not_found("no such route");
        json::array codes;
        for (const auto& m : store().municipalities())
            if (can_read_municipality(token_, m.code)) codes.emplace_back(m.code);
        json::object o{
            {"role", to_string(token_.role)},
            {"label", token_.label},
            {"person",
             token_.person_id.empty() ? json::value(nullptr) : json::value(token_.person_id)},
            {"municipalities", std::move(codes)},
            {"expires_at", token_.expires_at ? json::value(format_iso_local(*token_.expires_at))
                                             : json::value(nullptr)},
            // okod's clock (a demo's may run ahead): the page's "today".
            {"now", format_iso_local(c_.clock->now())}};
        if (!token_.person_id.empty())
            if (auto p = store().person(token_.person_id)) o["person_name"] = p->name;
        const bool writes = token_.role == ApiRole::admin || token_.role == ApiRole::regisseur;
        o["may"] = {{"complete_tasks", token_.role != ApiRole::council},
                    {"reschedule_tasks", writes},
                    {"skip_tasks", writes},
                    {"manage_people", writes}};
        return json_response(200, o);
    }

    // --- municipalities ---------------------------------------------------------------
    HttpResponse municipalities() {
        if (segments().size() >= 5 && segments()[4] == "execution-plan") return execution_plan(segments()[3]);
        need_method("GET");
        if (segments().size() == 5 && segments()[4] == "process") return process(segments()[3]);
        if (segments().size() == 6 && segments()[4] == "reports" && segments()[5] == "annual")
            return annual_report(segments()[3]);
        allow_query(target_, {});
        if (segments().size() == 3) {
            json::array out;
            for (const auto& m : store().municipalities())
                if (can_read_municipality(token_, m.code)) out.push_back(to_json(m));
            return json_response(200, json::object{{"municipalities", std::move(out)}});
        }
        if (segments().size() != 4) throw not_found("no such route");
        const Municipality m = municipality(segments()[3]);
        json::object o = to_json(m).as_object();
        const Date day = today();
        json::array holders;
        for (const auto& a : store().assignments(m.code))
            if (a.covers(day)) holders.push_back(to_json(a));
        o["holders"] = std::move(holders);
        const Capacity cap = capacity_on(store().assignments(m.code), m, day);
        o["capacity"] = capacity_json(cap);
        o["next_election"] = format_date(next_election(day, m.herindeling_elections));
        o["roles"] = roles_json(m.code, day);
        // The position in the cycle: every running instance, in the users' words.
        json::array running;
        for (const auto& i : store().instances(m.code)) {
            if (i.finished_at) continue;
            json::object io = to_json(with_names(i, person_names(store()))).as_object();
            if (const Definition* d = c_.runtime().definitions.get(i.definition_id, i.definition_version)) {
                io["workflow_name"] = d->name.nl;
                for (const auto& st : d->states)
                    if (st.id == i.state) io["state_name"] = st.name.nl;
            }
            running.push_back(std::move(io));
        }
        o["instances"] = std::move(running);
        return json_response(200, o);
    }

    static json::value capacity_json(const Capacity& cap) {
        return {{"recorded", cap.recorded},         {"total_fte", cap.total},
                {"regisseur_fte", cap.regisseur},   {"norm_total_fte", cap.norm.total_fte},
                {"norm_regisseur_fte", cap.norm.regisseur_fte}, {"below_norm", cap.below_norm()}};
    }

    // The process monitor of one workflow (the implementation trajectory by default):
    // each step with its verdict, in the order the steps fell due.
    HttpResponse process(const std::string& code) {
        allow_query(target_, {"workflow"});
        const Municipality m = municipality(code);
        if (!can_read_reports(token_, m.code))
            throw forbidden(fmt::format("a {} token may not read the reports of {}", to_string(token_.role), m.code));
        std::string workflow = "implementation-trajectory";
        if (auto it = target_.query.find("workflow"); it != target_.query.end()) workflow = it->second;
        if (std::find(m.workflows.begin(), m.workflows.end(), workflow) == m.workflows.end())
            throw not_found(fmt::format("{} runs no workflow '{}'", m.code, workflow));
        TaskFilter f;
        f.municipality = m.code;
        std::vector<Task> tasks;
        for (auto& t : store().tasks(f))
            if (t.workflow == workflow) tasks.push_back(std::move(t));
        // State names as the instance's own definition version has them.
        std::map<std::int64_t, const Definition*> definition_of;
        for (const auto& i : store().instances(m.code))
            if (i.definition_id == workflow)
                definition_of[i.id] = c_.runtime().definitions.get(i.definition_id, i.definition_version);
        const auto steps = process_steps(std::move(tasks), c_.clock->now());
        json::array out;
        for (const auto& step : steps) {
            json::object o = task_json(step.task).as_object();
            o["verdict"] = to_string(step.verdict);
            o["verdict_nl"] = dutch_name(step.verdict);
            o["days_late"] = step.days_late;
            if (const Definition* d = definition_of[step.task.instance_id])
                for (const auto& st : d->states)
                    if (st.id == step.task.state) o["state_name"] = st.name.nl;
            out.push_back(std::move(o));
        }
        const auto sum = summarize(steps);
        const Definition* latest = c_.runtime().definitions.latest(workflow);
        return json_response(200, json::object{
                                      {"municipality", m.code},
                                      {"name", m.name},
                                      {"workflow", workflow},
                                      {"workflow_name", latest ? latest->name.nl : workflow},
                                      {"at", format_iso_local(c_.clock->now())},
                                      {"steps", std::move(out)},
                                      {"summary", {{"on_time", sum.on_time}, {"late", sum.late}, {"open", sum.open},
                                                   {"overdue", sum.overdue}, {"skipped", sum.skipped}}}});
    }

    // The yearly report to college and council, as print-ready HTML (default), Markdown
    // or the plain data as JSON.
    HttpResponse annual_report(const std::string& code) {
        allow_query(target_, {"year", "format", "lang"});
        const Municipality m = municipality(code);
        if (!can_read_reports(token_, m.code))
            throw forbidden(fmt::format("a {} token may not read the reports of {}", to_string(token_.role), m.code));
        const int this_year = static_cast<int>(today().year());
        const int year = static_cast<int>(query_int(target_, "year", 2000, this_year).value_or(this_year));
        std::string format = "html";
        if (auto it = target_.query.find("format"); it != target_.query.end()) format = it->second;
        if (format != "html" && format != "md" && format != "csv")
            throw bad_request(fmt::format("format must be html, md or csv, not '{}'", format));
        Language lang = m.language;
        if (auto it = target_.query.find("lang"); it != target_.query.end()) {
            auto l = parse_language(it->second);
            if (!l) throw bad_request(fmt::format("lang must be nl or en, not '{}'", it->second));
            lang = *l;
        }
        const YearPlan* plan = nullptr;
        for (const auto& p : c_.runtime().config.plans)
            if (p.plan.municipality == m.code && p.plan.year == year) plan = &p.plan;
        const auto report = build_annual_report(store(), c_.runtime().definitions, m, year, lang, c_.clock->now(), plan);
        const auto document = annual_report_document(report, kVersion);
        HttpResponse r;
        if (format == "md") {
            r.content_type = "text/markdown; charset=utf-8";
            r.body = to_markdown(document);
        } else if (format == "csv") {
            r.content_type = "text/csv; charset=utf-8; header=present";
            r.body = to_csv(document);
        } else {
            r.content_type = "text/html; charset=utf-8";
            r.body = to_html(document);
            // The report is a document, not the dashboard: nothing in it may run or load.
            r.headers.emplace_back("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        }
        r.headers.emplace_back("Content-Disposition",
                               fmt::format("inline; filename=\"{}.{}\"", annual_report_basename(m.code, year, lang), format));
        return r;
    }

    // --- the execution plan -------------------------------------------------------------
    // Read like the reports; written by who may change the municipality. A refusal comes
    // before the body is read, so a council token learns nothing from a bad body. PUT is
    // partial: the fields given replace the action's, the rest stay.
    HttpResponse execution_plan(const std::string& code) {
        const auto& s = segments();
        if (s.size() > 6) throw not_found("no such route");
        const Municipality m = municipality(code);
        allow_query(target_, {});
        const bool collection = s.size() == 5;
        const char* methods = collection ? "GET or POST" : "PUT or DELETE";
        const bool known = collection ? (req_.method == "GET" || req_.method == "POST")
                                      : (req_.method == "PUT" || req_.method == "DELETE");
        if (!known)
            throw ApiError(405, "method_not_allowed",
                           fmt::format("{} {} is not allowed; use {}", req_.method, req_.target, methods));
        if (req_.method == "GET") {
            if (!can_read_reports(token_, m.code))
                throw forbidden(fmt::format("a {} token may not read the execution plan of {}",
                                            to_string(token_.role), m.code));
            return json_response(200, to_json(okod::execution_plan(m, store().execution_actions(m.code)), m));
        }
        if (!can_write_municipality(token_, m.code))
            throw forbidden(fmt::format("a {} token may not change the execution plan of {}", to_string(token_.role),
                                        m.code));
        // An action of another municipality is, here, one that does not exist.
        const auto refused_action = [this](const ExecutionActionResult& r) {
            if (r.refusal == Refusal::not_found)
                throw no_such("execution-plan action", segments().size() > 5 ? segments()[5] : "");
            throw refusal_error(r.refusal, r.error);
        };
        if (req_.method == "POST") {
            auto change = execution_action_change(req_);
            for (auto [given, field] : {std::pair{change.recommendation.has_value(), "recommendation"},
                                        std::pair{change.intervention.has_value(), "intervention"}})
                if (!given) throw bad_request(fmt::format("field '{}' is required", field));
            const auto r = engine().add_execution_action(m.code, change, by());
            if (!r.ok) refused_action(r);
            auto response = written(to_json(r.action, m));
            response.status = 201;
            response.headers.emplace_back("Location",
                                          fmt::format("/api/v1/municipalities/{}/execution-plan/{}", m.code, r.action.id));
            return response;
        }
        const std::int64_t id = path_id(s[5], "execution-plan action");
        if (req_.method == "DELETE") {
            const auto r = engine().remove_execution_action(m.code, id, by());
            if (!r.ok) refused_action(r);
            return written(to_json(r.action, m));
        }
        const auto change = execution_action_change(req_);
        if (change.empty()) throw bad_request("nothing to change: give at least one field of the action");
        const auto r = engine().change_execution_action(m.code, id, change, by());
        if (!r.ok) refused_action(r);
        json::object o = to_json(r.action, m);
        o["changed"] = r.changed;
        o["changes"] = r.changes;
        return written(std::move(o));
    }

    // Every role someone holds or held in the municipality, plus the regisseur: its
    // holders today, or vacant (the same rule as okoctl people list).
    json::array roles_json(const std::string& code, Date day) {
        const auto assignments = store().assignments(code);
        std::set<std::string> roles{std::string(kRegisseurRole)};
        for (const auto& a : assignments) roles.insert(a.role);
        const auto& catalog = c_.runtime().definitions.roles();
        json::array out;
        for (const auto& role : roles) {
            json::array holders;
            for (const auto& a : assignments) {
                if (a.role != role || !a.covers(day)) continue;
                json::object h = to_json(a).as_object();
                if (auto p = store().person(a.person_id)) h["name"] = p->name;
                holders.push_back(std::move(h));
            }
            const bool vacant = holders.empty();
            out.push_back(json::object{{"role", role},
                                       {"role_name", catalog.name(role, Language::nl)},
                                       {"holders", std::move(holders)},
                                       {"vacant", vacant}});
        }
        return out;
    }

    // --- tasks -----------------------------------------------------------------------
    HttpResponse tasks() {
        const auto& s = segments();
        if (s.size() == 3) return list_tasks();
        const std::int64_t id = path_id(s[3], "task");
        if (s.size() == 4) {
            need_method("GET");
            allow_query(target_, {});
            return json_response(200, task_json(task(id)));
        }
        if (s.size() != 5) throw not_found("no such route");
        need_method("POST");
        allow_query(target_, {});
        const Task t = task(id);
        const std::string& action = s[4];
        if (action == "complete") {
            JsonBody b(req_, {"note"});
            if (!can_complete_task(token_, t, roles_of_token_person(t.municipality)))
                throw forbidden(fmt::format("a {} token may not complete task {}", to_string(token_.role), id));
            auto r = engine().complete_task(id, by(), b.string("note").value_or(""));
            if (!r.ok) refused(r);
        } else if (action == "skip") {
            JsonBody b(req_, {"reason"});
            need_write(t.municipality);
            auto r = engine().skip_task(id, by(), *b.string("reason", true));
            if (!r.ok) refused(r);
        } else if (action == "reschedule") {
            JsonBody b(req_, {"due", "reason", "if_due"});
            need_write(t.municipality);
            // A bare day is a deadline on that day at the usual hour, not at midnight.
            const auto day = parse_date(b.string("due", true).value_or(""));
            const Instant due = day ? at_local(*day, c_.runtime().config.engine.due_time) : instant_field(b, "due");
            // Optimistic concurrency: the deadline the caller saw must still be the one.
            // Any spelling of the same moment matches (Z, another offset, local form time).
            if (b.string("if_due")) {
                const Instant seen = instant_field(b, "if_due");
                if (!t.due || *t.due != seen)
                    throw conflict(fmt::format("task {} is due {} now, not {}: reload and try again", id,
                                               t.due ? format_iso_local(*t.due) : "nowhere", format_iso_local(seen)));
            }
            auto r = engine().reschedule_task(id, due, by(), b.string("reason", true).value_or(""));
            if (!r.ok) refused(r);
        } else {
            throw not_found(fmt::format("no task action '{}'", action));
        }
        return written(task_json(*store().task(id)));
    }

    HttpResponse list_tasks() {
        need_method("GET");
        allow_query(target_,
                    {"municipality", "role", "person", "status", "due_before", "due_after", "closed_after", "limit"});
        TaskFilter f;
        f.municipality = list_municipality();
        if (auto it = target_.query.find("role"); it != target_.query.end()) f.role = it->second;
        if (auto it = target_.query.find("status"); it != target_.query.end()) {
            f.status = parse_task_status(it->second);
            if (!f.status)
                throw bad_request(fmt::format("status must be open, overdue, done or skipped, not '{}'", it->second));
        }
        for (const char* bound : {"due_before", "due_after", "closed_after"}) {
            auto it = target_.query.find(bound);
            if (it == target_.query.end()) continue;
            auto t = parse_instant(it->second);
            if (!t) {
                auto d = parse_date(it->second);
                if (!d) throw bad_request(fmt::format("{} must be a date or an ISO time, not '{}'", bound, it->second));
                t = at_local(*d, TimeOfDay{0});
            }
            const std::string_view name(bound);
            (name == "due_before" ? f.due_before : name == "due_after" ? f.due_after : f.closed_after) = *t;
        }
        const auto limit = query_int(target_, "limit", 1, 1000).value_or(200);
        std::vector<std::string> person_roles;
        const auto person = target_.query.find("person");
        if (person != target_.query.end())
            for (const auto& a : store().assignments(*f.municipality))
                if (a.person_id == person->second && a.covers(today())) person_roles.push_back(a.role);
        const auto own_roles = roles_of_token_person(*f.municipality);
        json::array out;
        for (const auto& t : store().tasks(f)) {
            if (!can_see_task(token_, t, own_roles)) continue;
            if (person != target_.query.end() &&
                std::find(person_roles.begin(), person_roles.end(), t.role) == person_roles.end())
                continue;
            if (static_cast<std::int64_t>(out.size()) == limit) break;
            out.push_back(task_json(t));
        }
        return json_response(200, json::object{{"tasks", std::move(out)}});
    }

    // --- instances --------------------------------------------------------------------
    HttpResponse instances() {
        const auto& s = segments();
        if (token_.role == ApiRole::stakeholder) throw forbidden("a stakeholder token sees tasks only");
        if (s.size() == 3) {
            need_method("GET");
            allow_query(target_, {"municipality"});
            json::array out;
            for (const auto& i : store().instances(list_municipality()))
                out.push_back(to_json(with_names(i, person_names(store()))));
            return json_response(200, json::object{{"instances", std::move(out)}});
        }
        const std::int64_t id = path_id(s[3], "instance");
        auto i = store().instance(id);
        if (!i || !can_read_municipality(token_, i->municipality))
            throw no_such("instance", std::to_string(id));
        if (s.size() == 4) {
            need_method("GET");
            allow_query(target_, {});
            json::object o = to_json(with_names(*i, person_names(store()))).as_object();
            json::array history;
            for (std::int64_t after = 0;;) {
                auto batch = store().events_after(after, 1000);
                if (batch.empty()) break;
                for (const auto& e : batch)
                    if (e.instance_id == id)
                        history.push_back(to_json(with_names(e, person_names(store()))));
                after = batch.back().seq;
            }
            o["history"] = std::move(history);
            return json_response(200, o);
        }
        if (s.size() != 5 || s[4] != "signal") throw not_found("no such route");
        need_method("POST");
        need_write(i->municipality);
        JsonBody b(req_, {"event"});
        auto r = engine().signal(id, *b.string("event", true), by());
        if (!r.ok) refused(r);
        return written(to_json(*store().instance(id)));
    }

    // --- people and roles --------------------------------------------------------------
    // What `okoctl people export` prints. Someone this token may not see and someone who
    // does not exist get the same 404, so ids cannot be guessed.
    HttpResponse person_export(const std::string& id) {
        need_method("GET");
        allow_query(target_, {});
        const auto record = person_record(store(), id);
        std::vector<std::string> where;
        if (record)
            for (const auto& a : record->assignments) where.push_back(a.municipality);
        const bool allowed = record && can_save_person(token_, where) &&
                             (token_.role == ApiRole::admin || !where.empty());
        if (!allowed) throw not_found(fmt::format("no person '{}'", id));
        return json_response(200, person_export_json(*record, c_.runtime().definitions.roles(),
                                                     person_names(store()), c_.clock->now()));
    }

    HttpResponse people() {
        if (segments().size() == 5 && segments()[4] == "export")
            return person_export(segments()[3]);
        if (segments().size() >= 4) return one_person();
        if (req_.method == "POST") return save_person();
        need_method("GET");
        allow_query(target_, {"municipality", "on"});
        const std::string code = list_municipality();
        // Names and e-mail addresses are personal data: the council sees who holds which
        // role in the municipality's summary (/municipalities/{code}), without addresses.
        if (!can_manage_people(token_, code))
            throw forbidden(fmt::format("a {} token may not list people and their e-mail addresses",
                                        to_string(token_.role)));
        Date on = today();
        if (auto it = target_.query.find("on"); it != target_.query.end()) {
            auto d = parse_date(it->second);
            if (!d) throw bad_request(fmt::format("on must be a date YYYY-MM-DD, not '{}'", it->second));
            on = *d;
        }
        json::array out;
        for (const auto& a : store().assignments(code)) {
            if (!a.covers(on)) continue;
            json::object o = to_json(a).as_object();
            o["role_name"] = c_.runtime().definitions.roles().name(a.role, Language::nl);
            if (auto p = store().person(a.person_id)) o["person_detail"] = to_json(*p);
            out.push_back(std::move(o));
        }
        // The same day's vacancies and capacity, so a client lists what okoctl people list does.
        json::array vacancies;
        for (auto& r : roles_json(code, on))
            if (r.at("vacant").as_bool()) vacancies.push_back(json::object{{"role", r.at("role")}, {"role_name", r.at("role_name")}});
        // Everyone who belongs to the municipality, with or without a role: a person just
        // made here, before their first role, is listed too.
        json::array members;
        for (const auto& id : store().members(code))
            if (auto p = store().person(id)) members.push_back(to_json(*p));
        const auto m = municipality(code);
        return json_response(
            200, json::object{
                     {"municipality", code},
                     {"on", format_date(on)},
                     {"assignments", std::move(out)},
                     {"members", std::move(members)},
                     {"vacancies", std::move(vacancies)},
                     {"capacity", capacity_json(capacity_on(store().assignments(code), m, on))}});
    }

    // A new person belongs to the municipality the request names, or the token's only
    // one; an existing one is changed only by who may manage them everywhere they belong.
    // A taken id of someone the token may not see is a 409 that tells nothing about them:
    // ids are chosen by the municipalities, so that one fact cannot be hidden.
    HttpResponse save_person() {
        allow_query(target_, {});
        need_people_role("change people");
        JsonBody b(req_, {"id", "name", "email", "language", "municipality"});
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
            code = municipality(*m).code;
        else if (token_.municipalities.size() == 1)
            code = token_.municipalities.front();
        const auto where = store().memberships(p.id);
        const auto existing = store().person(p.id);
        if (existing && !can_see_person(token_, p.id, where))
            throw conflict(fmt::format("person id '{}' is taken: choose another id", p.id));
        if (!existing && code.empty() && token_.role != ApiRole::admin)
            throw bad_request(
                "field 'municipality' is required: the token has several, and a new person "
                "belongs to one of them");
        if (!code.empty()) need_write(code);
        if (existing && !can_save_person(token_, where))
            throw forbidden(
                fmt::format("person '{}' also belongs to {}: only an admin token may change them",
                            p.id, fmt::join(where, ", ")));
        auto r = code.empty() ? engine().save_person(p, by()) : engine().save_member(p, code, by());
        if (!r.ok) refused(r);
        return written(person_json(*store().person(p.id)));
    }

    // A person with the municipalities they belong to that the token may see.
    json::value person_json(const Person& p) {
        json::object o = to_json(p).as_object();
        json::array codes;
        for (const auto& code : store().memberships(p.id))
            if (can_read_municipality(token_, code)) codes.emplace_back(code);
        o["municipalities"] = std::move(codes);
        const auto feed_since = store().feed_secret_created(p.id);
        o["feed_url_since"] =
            feed_since ? json::value(format_iso_local(*feed_since)) : json::value(nullptr);
        return o;
    }

    // /people/{id}, /people/{id}/feed-url, /people/{id}/memberships[/{code}]
    HttpResponse one_person() {
        const auto& s = segments();
        const std::string& id = s[3];
        allow_query(target_, {});
        if (s.size() == 4) {
            need_method("GET");
            need_people_role("read people and their e-mail addresses");
            return json_response(200, person_json(person(id)));
        }
        if (s.size() == 5 && s[4] == "feed-url") {
            need_method("POST");
            // The person's own token may make its feed URL; otherwise who manages people.
            if (token_.person_id != id) need_people_role("make another person's calendar feed URL");
            const Person p = person(id);
            JsonBody b(req_, {"rotate"});
            // okod keeps only the hash: an existing URL cannot be shown, only replaced, and
            // replacing it breaks every calendar subscribed to it, so that takes a "rotate".
            if (const auto since = store().feed_secret_created(p.id);
                since && !b.boolean("rotate").value_or(false))
                throw conflict(fmt::format(
                    "{} has a calendar feed URL since {}; it is shown only when made: "
                    "send {{\"rotate\": true}} for a new one (the old one stops working)",
                    p.id, format_iso_local(*since)));
            const std::string secret = new_feed_secret();
            const Instant now = SystemClock().now();
            store().set_feed_secret(p.id, hash_token(secret), now);
            spdlog::info("calendar feed URL of {} made anew by {}", p.id, by());
            const std::string path = "/ical/person/" + secret + ".ics";
            auto host = req_.headers.find("host");
            return json_response(
                200, json::object{{"person", p.id},
                                  {"path", path},
                                  {"url", host == req_.headers.end()
                                              ? json::value(nullptr)
                                              : json::value("http://" + host->second + path)},
                                  {"created_at", format_iso_local(now)}});
        }
        if (s[4] == "memberships" && (s.size() == 5 || s.size() == 6)) {
            const bool add = s.size() == 5;
            need_method(add ? "POST" : "DELETE");
            if (token_.role != ApiRole::admin)
                throw forbidden(fmt::format(
                    "a {} token may not link people across municipalities: only an admin may",
                    to_string(token_.role)));
            const Person p = person(id);
            std::string code;
            if (add) {
                JsonBody b(req_, {"municipality"});
                code = municipality(*b.string("municipality", true)).code;
            } else {
                code = municipality(s[5]).code;
            }
            auto r = add ? engine().link_person(p.id, code, by())
                         : engine().unlink_person(p.id, code, by());
            if (!r.ok) refused(r);
            return written(person_json(*store().person(p.id)));
        }
        throw not_found("no such route");
    }

    HttpResponse assignments() {
        need_method("POST");
        allow_query(target_, {});
        JsonBody b(req_, {"municipality", "role", "person", "from", "until", "fte"});
        RoleAssignment a;
        a.municipality = municipality(*b.string("municipality", true)).code;
        need_write(a.municipality);
        a.role = *b.string("role", true);
        // Only a person of the token's own municipalities: assigning makes them a member
        // here, so another municipality's person could otherwise be pulled in.
        a.person_id = person(*b.string("person", true)).id;
        a.from = date_field(b, "from", true);
        if (b.string("until")) a.until = date_field(b, "until", false);
        a.fte = b.number("fte");
        auto r = engine().assign_role(a, by());
        if (!r.ok) refused(r);
        return written(json::object{{"ok", true}});
    }

    HttpResponse leaves() {
        need_method("POST");
        allow_query(target_, {});
        JsonBody b(req_, {"municipality", "person", "role", "last_day"});
        const std::string code = municipality(*b.string("municipality", true)).code;
        need_write(code);
        const std::string person_id = person(*b.string("person", true)).id;
        auto r = engine().announce_leave(code, person_id, b.string("role").value_or(""),
                                         date_field(b, "last_day", true), by());
        if (!r.ok) refused(r);
        return written(json::object{{"ok", true}});
    }

    // --- audit log and outbox ---------------------------------------------------------
    HttpResponse events() {
        need_method("GET");
        allow_query(target_, {"municipality", "after", "limit"});
        const std::string code = list_municipality();
        if (!can_read_events(token_, code))
            throw forbidden(fmt::format("a {} token may not read the event log", to_string(token_.role)));
        std::int64_t after = query_int(target_, "after", 0, INT64_MAX).value_or(0);
        const auto limit = query_int(target_, "limit", 1, 1000).value_or(100);
        json::array out;
        // Pages over the whole log; `next_after` continues where this page stopped.
        while (static_cast<std::int64_t>(out.size()) < limit) {
            auto batch = store().events_after(after, 1000);
            if (batch.empty()) break;
            for (const auto& e : batch) {
                after = e.seq;
                if (e.municipality == code)
                    out.push_back(to_json(with_names(e, person_names(store()))));
                if (static_cast<std::int64_t>(out.size()) == limit) break;
            }
        }
        return json_response(200, json::object{{"events", std::move(out)}, {"next_after", after}});
    }

    HttpResponse outbox() {
        if (segments().size() == 5 && segments()[4] == "retry") return retry_outbox(segments()[3]);
        if (segments().size() != 3) throw not_found("no such route");
        need_method("GET");
        allow_query(target_, {"municipality", "status", "limit"});
        const std::string code = list_municipality();
        if (!can_read_outbox(token_, code))
            throw forbidden(fmt::format("a {} token may not read the outbox", to_string(token_.role)));
        std::optional<OutboxStatus> status;
        if (auto it = target_.query.find("status"); it != target_.query.end() && it->second != "all") {
            status = parse_outbox_status(it->second);
            if (!status)
                throw bad_request(fmt::format(
                    "status must be pending, sent, dead, obsolete or all, not '{}'", it->second));
        }
        const auto limit = query_int(target_, "limit", 1, 1000).value_or(100);
        json::array out;
        for (const auto& o : store().outbox(status, 100000)) {
            if (o.municipality != code) continue;
            out.push_back(to_json(o));
            if (static_cast<std::int64_t>(out.size()) == limit) break;
        }
        return json_response(200, json::object{{"outbox", std::move(out)}});
    }

    // A dead letter back in the queue (after its address was corrected, say). Another
    // municipality's e-mail answers as one that does not exist.
    HttpResponse retry_outbox(const std::string& id_text) {
        need_method("POST");
        allow_query(target_, {});
        const std::int64_t id = path_id(id_text, "e-mail");
        const auto item = store().outbox_item(id);
        if (!item || !can_read_municipality(token_, item->municipality))
            throw no_such("e-mail", id_text);
        if (!can_read_outbox(token_, item->municipality))
            throw forbidden(
                fmt::format("a {} token may not send e-mail again", to_string(token_.role)));
        if (auto why = not_retryable(*item))
            throw conflict(fmt::format("e-mail {} is not a dead letter ({}): nothing to send again",
                                       id, *why));
        const auto again = requeued(*item, store().person(item->person_id));
        auto tx = store().begin();
        store().update_outbox(again);
        tx->commit();
        spdlog::info("mail {} to {} goes out again ({})", again.id, again.recipient, by());
        return written(to_json(again));
    }

    const HttpRequest& req_;
    ApiContext& c_;
    ApiTarget target_;
    ApiToken token_;
};

}  // namespace

HttpResponse Api::handle(const HttpRequest& request) {
    try {
        return Call(request, c_).serve();
    } catch (const ApiError& e) {
        return error_response(e.status, e.code, e.what());
    } catch (const std::exception& e) {
        spdlog::error("API {} {}: {}", request.method, redact_token_secrets(request.target), e.what());
        return error_response(500, "internal", e.what());
    }
}

}  // namespace okod
