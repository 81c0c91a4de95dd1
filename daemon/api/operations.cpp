#include "daemon/api/operations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace okod {

// The handlers, each defined in the routes file of its resource (daemon/api/routes/):
// declared here, beside the one table that uses them, so a new route is a row, a
// handler and a test.
HttpResponse serve_health(RouteCall&);  // meta_routes.cpp
HttpResponse serve_ready(RouteCall&);
HttpResponse serve_openapi(RouteCall&);
HttpResponse serve_dashboard_file(RouteCall&);
HttpResponse serve_me(RouteCall&);
HttpResponse serve_version(RouteCall&);
HttpResponse request_sign_in_link(RouteCall&);  // sign_in_routes.cpp
HttpResponse show_sign_in_link(RouteCall&);
HttpResponse use_sign_in_link(RouteCall&);
HttpResponse sign_out(RouteCall&);
HttpResponse show_sign_in_methods(RouteCall&);
HttpResponse import_survey(RouteCall&);
HttpResponse list_goals(RouteCall&);  // goals_routes.cpp
HttpResponse start_oidc_sign_in(RouteCall&);
HttpResponse finish_oidc_sign_in(RouteCall&);
HttpResponse serve_person_calendar(RouteCall&);  // ical_routes.cpp
HttpResponse serve_municipality_calendar(RouteCall&);
HttpResponse list_municipalities(RouteCall&);  // municipalities_routes.cpp
HttpResponse show_municipality(RouteCall&);
HttpResponse show_process(RouteCall&);  // reports_routes.cpp
HttpResponse show_annual_report(RouteCall&);
HttpResponse show_execution_plan(RouteCall&);  // execution_plan_routes.cpp
HttpResponse add_execution_action(RouteCall&);
HttpResponse change_execution_action(RouteCall&);
HttpResponse remove_execution_action(RouteCall&);
HttpResponse show_year_plan(RouteCall&);  // year_plan_routes.cpp
HttpResponse set_year_plan_activity(RouteCall&);
HttpResponse draft_year_plan(RouteCall&);
HttpResponse export_year_plan(RouteCall&);
HttpResponse list_tasks(RouteCall&);  // tasks_routes.cpp
HttpResponse show_task(RouteCall&);
HttpResponse show_task_history(RouteCall&);
HttpResponse complete_task(RouteCall&);
HttpResponse undo_task(RouteCall&);
HttpResponse skip_task(RouteCall&);
HttpResponse reschedule_task(RouteCall&);
HttpResponse skip_municipality_tasks(RouteCall&);  // task_bulk_routes.cpp
HttpResponse list_instances(RouteCall&);           // instances_routes.cpp
HttpResponse show_instance(RouteCall&);
HttpResponse signal_instance(RouteCall&);
HttpResponse list_people(RouteCall&);  // people_routes.cpp
HttpResponse save_person(RouteCall&);
HttpResponse show_person(RouteCall&);
HttpResponse make_feed_url(RouteCall&);
HttpResponse link_person(RouteCall&);
HttpResponse unlink_person(RouteCall&);
HttpResponse export_person_record(RouteCall&);
HttpResponse assign_role(RouteCall&);  // roles_routes.cpp
HttpResponse announce_leave(RouteCall&);
HttpResponse list_events(RouteCall&);  // events_routes.cpp
HttpResponse list_outbox(RouteCall&);  // outbox_routes.cpp
HttpResponse retry_outbox(RouteCall&);
HttpResponse show_mail_link(RouteCall&);  // mail_link_routes.cpp
HttpResponse show_settings(RouteCall&);   // settings_routes.cpp
HttpResponse change_settings(RouteCall&);
HttpResponse export_settings(RouteCall&);
HttpResponse reset_settings(RouteCall&);
HttpResponse use_mail_link(RouteCall&);

namespace {

using enum ApiPermission;
using enum Gate;

// One row per operation, in the order the README lists them. The schema names are
// components/schemas of daemon/api/openapi.json.
constexpr std::array kOperations{
    // --- public ---------------------------------------------------------------------------
    Operation{"health", "GET", "/health", none, role, serve_health, "", "Health", "",
              "Whether okod answers"},
    Operation{"ready", "GET", "/ready", none, role, serve_ready, "", "Ready", "",
              "Whether okod can do its work (503 when it cannot write its store)"},
    Operation{"openapi", "GET", "/openapi.json", none, role, serve_openapi, "", "OpenApiDocument",
              "", "This API's OpenAPI document"},
    Operation{"dashboard", "GET", "/", none, role, serve_dashboard_file, "", "", "",
              "The dashboard (it asks to sign in)"},
    Operation{"dashboard.index", "GET", "/index.html", none, role, serve_dashboard_file, "", "", "",
              "The dashboard"},
    Operation{"dashboard.alias", "GET", "/dashboard", none, role, serve_dashboard_file, "", "", "",
              "The dashboard"},
    Operation{"dashboard.script", "GET", "/app.js", none, role, serve_dashboard_file, "", "", "",
              "The dashboard's script"},
    Operation{"dashboard.asset", "GET", "/ui/{file}", none, role, serve_dashboard_file, "", "", "",
              "A module or style sheet of the dashboard"},
    Operation{"dashboard.style", "GET", "/style.css", none, role, serve_dashboard_file, "", "", "",
              "The dashboard's style sheet"},
    Operation{"dashboard.icon", "GET", "/favicon.svg", none, role, serve_dashboard_file, "", "", "",
              "The dashboard's icon"},
    Operation{"dashboard.icon.ico", "GET", "/favicon.ico", none, role, serve_dashboard_file, "", "",
              "", "The dashboard's icon, where a browser asks for it"},
    // --- signing in (session_auth.hpp) -----------------------------------------------------
    Operation{"auth.link", "POST", "/auth/link", none, role, request_sign_in_link, "SignInRequest",
              "SignInAccepted", "",
              "Mail a one-time sign-in link to a person who holds a role (the same answer "
              "for any address)"},
    Operation{"auth.link.show", "GET", "/auth/link/{secret}", none, role, show_sign_in_link, "", "",
              "", "The sign-in link's page: a button that signs in (a GET changes nothing)"},
    Operation{"auth.link.use", "POST", "/auth/link/{secret}", none, role, use_sign_in_link, "", "",
              "", "Use the sign-in link once: sets the session cookie, 303 to the dashboard"},
    Operation{"auth.methods", "GET", "/auth/methods", none, role, show_sign_in_methods, "",
              "SignInMethods", "",
              "Which ways to sign in this okod offers (the sign-in page asks)"},
    Operation{"auth.oidc.start", "GET", "/auth/oidc/start", none, role, start_oidc_sign_in, "", "",
              "", "Sign in with the municipality's account: 303 to its identity provider"},
    Operation{"auth.oidc.callback", "GET", "/auth/oidc/callback", none, role, finish_oidc_sign_in,
              "", "", "",
              "Where the identity provider sends the browser back: opens the session, 303 to the "
              "dashboard"},
    Operation{"auth.logout", "POST", "/auth/logout", any_token, role, sign_out, "", "SignedOut", "",
              "End this browser's session (X-CSRF-Token)"},
    Operation{"ical.person", "GET", "/ical/person/{id}.ics", feed, resource, serve_person_calendar,
              "", "", "okoctl people feed-url",
              "A person's deadlines as a calendar feed (iCalendar)"},
    Operation{"ical.municipality", "GET", "/ical/municipality/{code}.ics", municipality_feed,
              resource, serve_municipality_calendar, "", "", "",
              "A municipality's deadlines and elections as a calendar (Bearer only)"},
    // --- the one-click link in reminders: the token in the path is the credential -------
    Operation{"mail_link.show", "GET", "/mail/afgerond/{token}", none, role, show_mail_link, "", "",
              "", "The page of a reminder's \"Afgerond\" link (HTML; changes nothing)"},
    Operation{"mail_link.complete", "POST", "/mail/afgerond/{token}", none, role, use_mail_link, "",
              "", "", "Complete the link's task as its person, once (HTML form post)"},
    // --- who am I, municipalities ---------------------------------------------------------
    Operation{"me", "GET", "/api/v1/me", any_token, role, serve_me, "", "Me", "",
              "Who the token is and what it may do"},
    Operation{"version", "GET", "/api/v1/version", any_token, role, serve_version, "", "Version",
              "", "Which okod answers, and its API version (the dashboard's footer)"},
    Operation{"municipalities.list", "GET", "/api/v1/municipalities", any_token, role,
              list_municipalities, "", "MunicipalityList", "okoctl municipalities list",
              "The municipalities the token sees"},
    Operation{"municipalities.show", "GET", "/api/v1/municipalities/{code}", any_token, resource,
              show_municipality, "", "MunicipalityDetail", "okoctl municipalities show",
              "One municipality: holders, capacity, roles, running workflows"},
    Operation{"municipalities.process", "GET", "/api/v1/municipalities/{code}/process",
              read_reports, resource, show_process, "", "ProcessMonitor", "okoctl report process",
              "The process monitor: each step on time, late or open"},
    Operation{"municipalities.annual_report", "GET", "/api/v1/municipalities/{code}/reports/annual",
              read_reports, resource, show_annual_report, "", "", "okoctl report annual",
              "The yearly report to college and council (HTML, Markdown or CSV)", "read_reports"},
    // --- the execution plan ---------------------------------------------------------------
    Operation{"execution_plan.show", "GET", "/api/v1/municipalities/{code}/execution-plan",
              read_reports, resource, show_execution_plan, "", "ExecutionPlan",
              "okoctl execution-plan list", "The execution plan per recommendation"},
    Operation{"execution_plan.add", "POST", "/api/v1/municipalities/{code}/execution-plan", write,
              resource, add_execution_action, "NewExecutionAction", "ExecutionAction",
              "okoctl execution-plan add", "Add an action to the plan", "edit_execution_plan"},
    Operation{"execution_plan.change", "PUT", "/api/v1/municipalities/{code}/execution-plan/{id}",
              write, resource, change_execution_action, "ExecutionActionFields",
              "ExecutionActionChange", "okoctl execution-plan set",
              "Change the fields given of an action"},
    Operation{"execution_plan.remove", "DELETE",
              "/api/v1/municipalities/{code}/execution-plan/{id}", write, resource,
              remove_execution_action, "", "ExecutionAction", "okoctl execution-plan remove",
              "Remove an action from the plan"},
    // --- the year plan and its activity overview ------------------------------------------
    Operation{"year_plan.show", "GET", "/api/v1/municipalities/{code}/year-plan", read_reports,
              resource, show_year_plan, "", "YearPlanOverview", "okoctl activities list",
              "A year's activity overview: per workgroup its goals, activities and lights"},
    Operation{"year_plan.set_activity", "POST",
              "/api/v1/municipalities/{code}/year-plan/{year}/activities/{id}", write, resource,
              set_year_plan_activity, "ActivityLight", "YearPlanActivity", "okoctl activities set",
              "Set an activity's traffic light by hand, with a remark", "set_activity_lights"},
    Operation{"year_plan.draft_next", "POST",
              "/api/v1/municipalities/{code}/year-plan/{year}/draft-next", write, resource,
              draft_year_plan, "YearPlanDraftRequest", "YearPlanDraft",
              "okoctl activities draft-next",
              "Draft next year's plan: oranje and rood come over (dry_run: a preview)",
              "draft_year_plans"},
    Operation{"year_plan.export", "GET", "/api/v1/municipalities/{code}/year-plan/{year}/toml",
              read_reports, resource, export_year_plan, "", "", "okoctl activities export",
              "The year plan as TOML, the file one would put in plans/"},
    // --- a municipality's settings (issue 19) ---------------------------------------------
    Operation{"settings.show", "GET", "/api/v1/municipalities/{code}/settings", write, resource,
              show_settings, "", "MunicipalitySettings", "",
              "The municipality's settings and where they come from (file or store)",
              "change_settings"},
    Operation{"settings.change", "PUT", "/api/v1/municipalities/{code}/settings", write, resource,
              change_settings, "MunicipalitySettingsChange", "MunicipalitySettings",
              "okoctl municipalities settings set",
              "Change settings, checked as a file is (dry_run: only check); 409 on a stale "
              "version"},
    Operation{"settings.reset", "DELETE", "/api/v1/municipalities/{code}/settings", write, resource,
              reset_settings, "", "MunicipalitySettings", "okoctl municipalities settings reset",
              "Drop the stored settings: the municipality's file counts again"},
    Operation{"settings.export", "GET", "/api/v1/municipalities/{code}/settings.toml", write,
              resource, export_settings, "", "", "okoctl municipalities export",
              "The municipality file in effect, as TOML"},
    // --- survey results -------------------------------------------------------------------
    Operation{"survey.import", "POST", "/api/v1/municipalities/{code}/survey", write, resource,
              import_survey, "", "SurveyImport", "okoctl import survey",
              "Upload survey results (CSV): a preview with dry_run, else stored all or nothing",
              "import_survey"},
    Operation{"survey.goals", "GET", "/api/v1/municipalities/{code}/goals", read_reports, resource,
              list_goals, "", "PolicyGoals", "",
              "The year plan's policy goals with their survey values and light"},
    // --- tasks ----------------------------------------------------------------------------
    Operation{"tasks.list", "GET", "/api/v1/tasks", read_tasks, resource, list_tasks, "",
              "TaskList", "okoctl tasks list",
              "The tasks of a municipality: views (today, week, ...), filters, search"},
    Operation{"tasks.show", "GET", "/api/v1/tasks/{id}", read_tasks, resource, show_task, "",
              "Task", "okoctl tasks show", "One task with its traffic light"},
    Operation{"tasks.history", "GET", "/api/v1/tasks/{id}/history", read_tasks, resource,
              show_task_history, "", "TaskHistory", "okoctl tasks history",
              "A task's history: who completed, undid, moved or skipped it, and why"},
    Operation{"tasks.complete", "POST", "/api/v1/tasks/{id}/complete", complete_tasks, resource,
              complete_task, "TaskComplete", "Task", "okoctl tasks complete",
              "Mark a task done (idempotent)", "complete_tasks"},
    Operation{"tasks.undo", "POST", "/api/v1/tasks/{id}/undo", complete_tasks, resource, undo_task,
              "TaskUndo", "Task", "okoctl tasks undo",
              "Undo a completion while its step is still current (else 409)", "undo_tasks"},
    Operation{"tasks.skip", "POST", "/api/v1/tasks/{id}/skip", write, resource, skip_task,
              "TaskSkip", "Task", "okoctl tasks skip", "Close a task without doing it",
              "skip_tasks"},
    Operation{"tasks.reschedule", "POST", "/api/v1/tasks/{id}/reschedule", write, resource,
              reschedule_task, "TaskReschedule", "Task", "okoctl tasks reschedule",
              "Move a task's deadline", "reschedule_tasks"},
    Operation{
        "tasks.skip_before", "POST", "/api/v1/municipalities/{code}/tasks/skip", write, resource,
        skip_municipality_tasks, "BulkSkip", "BulkSkipResult", "okoctl tasks skip --municipality",
        "Skip every open task due before a day, with a reason (dry run first)", "bulk_skip_tasks"},
    // --- instances ------------------------------------------------------------------------
    Operation{"instances.list", "GET", "/api/v1/instances", read_instances, role, list_instances,
              "", "InstanceList", "okoctl instances list", "The workflow instances"},
    Operation{"instances.show", "GET", "/api/v1/instances/{id}", read_instances, role,
              show_instance, "", "InstanceDetail", "okoctl instances show",
              "One instance with its history"},
    Operation{"instances.signal", "POST", "/api/v1/instances/{id}/signal", write, resource,
              signal_instance, "InstanceSignal", "Instance", "okoctl instances signal",
              "Send an event to an instance"},
    // --- people and roles -----------------------------------------------------------------
    Operation{"people.list", "GET", "/api/v1/people", manage_people, resource, list_people, "",
              "PeopleList", "okoctl people list",
              "Who holds which role on a day, members, vacancies, capacity"},
    Operation{"people.save", "POST", "/api/v1/people", manage_people, role, save_person,
              "PersonFields", "Person", "okoctl people add", "Add or change a person",
              "manage_people"},
    Operation{"people.show", "GET", "/api/v1/people/{id}", manage_people, role, show_person, "",
              "Person", "", "One person with their municipalities"},
    Operation{"people.feed_url", "POST", "/api/v1/people/{id}/feed-url", feed_url, resource,
              make_feed_url, "FeedUrlRequest", "FeedUrl", "okoctl people feed-url",
              "A new calendar feed URL (the old one stops)"},
    Operation{"people.link", "POST", "/api/v1/people/{id}/memberships", link_people, role,
              link_person, "Membership", "Person", "okoctl people link",
              "Link a person into a municipality"},
    Operation{"people.unlink", "DELETE", "/api/v1/people/{id}/memberships/{code}", link_people,
              role, unlink_person, "", "Person", "okoctl people unlink",
              "Take a person out of a municipality"},
    Operation{"people.export", "GET", "/api/v1/people/{id}/export", export_person, resource,
              export_person_record, "", "PersonExport", "okoctl people export",
              "Everything okod holds about a person (AVG art. 15)"},
    Operation{"assignments.add", "POST", "/api/v1/assignments", write, resource, assign_role,
              "Assignment", "Ok", "okoctl people assign", "Assign a role to a person",
              "assign_roles"},
    Operation{"leaves.add", "POST", "/api/v1/leaves", write, resource, announce_leave, "Leave",
              "Ok", "okoctl people leave", "Announce a person's last day in a role",
              "announce_leaves"},
    // --- audit log and outbox -------------------------------------------------------------
    Operation{"events.list", "GET", "/api/v1/events", read_events, resource, list_events, "",
              "EventPage", "okoctl events", "The municipality's audit log, a page at a time"},
    Operation{"outbox.list", "GET", "/api/v1/outbox", read_outbox, resource, list_outbox, "",
              "OutboxList", "okoctl outbox",
              "The e-mails okod sent or will send, a page at a time"},
    Operation{"outbox.retry", "POST", "/api/v1/outbox/{id}/retry", read_outbox, resource,
              retry_outbox, "", "OutboxItem", "okoctl outbox retry", "Send a dead letter again"},
};

}  // namespace

std::span<const Operation> operations() { return kOperations; }

bool reads_only(const Operation& op) {
    // GETs that stay on the strand: they report the scheduler's and the writer's state.
    // The OpenID Connect callback opens a session: a write.
    constexpr std::array<std::string_view, 2> kStrandReads{"ready", "auth.oidc.callback"};
    return op.method == "GET" &&
           std::find(kStrandReads.begin(), kStrandReads.end(), op.id) == kStrandReads.end();
}

std::string render_routes_markdown() {
    // A token of each role, as the role columns ask may_use of it.
    const auto token_of = [](ApiRole role) {
        ApiToken t;
        t.role = role;
        t.municipalities = {"GM0000"};
        t.person_id = "someone";
        return t;
    };
    const std::array roles{ApiRole::admin, ApiRole::regisseur, ApiRole::council,
                           ApiRole::stakeholder};
    std::string out =
        "| route | what | who may | admin | regisseur | council | stakeholder | okoctl |\n"
        "|---|---|---|---|---|---|---|---|\n";
    for (const auto& op : kOperations) {
        out += fmt::format("| `{} {}` | {} | {} |", op.method, op.path, op.summary,
                           who_may(op.permission));
        for (const auto role : roles)
            out += may_use(token_of(role), op.permission) ? " ✓ |" : " 403 |";
        out += op.okoctl.empty() ? std::string(" |\n") : fmt::format(" `{}` |\n", op.okoctl);
    }
    return out;
}

}  // namespace okod
