// The calendar feeds (iCalendar, RFC 5545) that people subscribe to in Outlook, Google
// or Apple Calendar:
//
//   GET /ical/person/<feed secret>.ics  the deadlines of the roles that person holds
//                                    today; the secret (okodcal_..., okoctl people feed-url)
//                                    opens this one read-only feed and nothing else, so a
//                                    URL pasted into a calendar service grants no API access
//   GET /ical/person/<id>.ics        the same for person <id>, with Authorization: Bearer;
//                                    a person the token may see (its municipalities' people),
//                                    a stakeholder token only its own
//   GET /ical/municipality/<code>.ics  every deadline of the municipality and its council
//                                    elections; Bearer only; admin, regisseur, council
//
// API tokens in the path or in ?token= are refused (401) without being looked up, so the
// router leaves authentication to these handlers (ApiPermission::feed). Error messages
// never repeat the target: it may hold a secret.
#include <fmt/format.h>

#include <algorithm>

#include "adapters/auth/token_secret.hpp"
#include "adapters/ical/task_calendar.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/api_request.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/token_auth.hpp"
#include "daemon/runtime.hpp"
#include "model/api_access.hpp"
#include "model/person_record.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"
#include "version.hpp"

namespace okod {
namespace {

constexpr std::string_view kIcs = ".ics";

// A file name for Content-Disposition: ids are chosen by municipalities, so anything
// that is not plainly safe in a quoted header value becomes '-'.
std::string safe_file_name(const std::string& stem) {
    std::string out = "okod-";
    for (char c : stem) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        out += plain ? c : '-';
    }
    return out + ".ics";
}

// One request for a feed.
class IcalCall {
public:
    explicit IcalCall(RouteCall& call)
        : req_(call.request), c_(call.context), target_(call.target) {}

private:
    Store& store() { return *c_.runtime().store; }
    const DefinitionRegistry& definitions() { return c_.runtime().definitions; }

    // API tokens open a feed only in the Authorization header, which a calendar service
    // never sees; in the URL they are refused without being looked up, so a link pasted
    // somewhere gives no access at all (issue 16). Subscriptions use the feed secret.
    ApiToken authenticate() {
        if (target_.query.count("token"))
            throw ApiError(
                401, "unauthorized",
                "?token= no longer opens a calendar feed: subscribe to the person's feed URL "
                "(okoctl people feed-url, or POST /api/v1/people/{id}/feed-url), or send "
                "Authorization: Bearer <token>");
        if (req_.headers.find("authorization") == req_.headers.end())
            throw ApiError(
                401, "unauthorized",
                "no token: send Authorization: Bearer <token>, or subscribe to the person's "
                "feed URL (okoctl people feed-url)");
        return authenticate_bearer(req_, c_);
    }

    CalendarTask entry(const Task& t, const Municipality& m, Language l) {
        const std::string& municipality_name = m.name;
        CalendarTask c;
        c.holidays = m.holidays;
        c.task = t;
        c.task.title = render_person_refs(t.title, person_names(store()));
        c.role_name = definitions().roles().name(t.role, l);
        c.municipality_name = municipality_name;
        const Definition* d = definitions().latest(t.workflow);
        c.workflow_name = d ? d->name.in(l) : t.workflow;
        return c;
    }

    HttpResponse calendar(const CalendarFeed& feed, const std::string& file_stem) {
        HttpResponse r;
        r.content_type = "text/calendar; charset=utf-8";
        r.body = task_calendar(feed, c_.runtime().calendar);
        r.headers.emplace_back("Content-Disposition",
                               fmt::format("inline; filename=\"{}\"", safe_file_name(file_stem)));
        return r;
    }

    CalendarFeed new_feed(std::string name, Language l) {
        CalendarFeed feed;
        feed.name = "OKO – " + std::move(name);
        feed.version = kVersion;
        feed.language = l;
        feed.reminder_time =
            c_.runtime().config.engine.reminder_time;  // what the engine was built with
        return feed;
    }

public:
    // --- /ical/person/<feed secret or id>.ics ------------------------------------------
    HttpResponse person(const std::string& name) {
        allow_query(target_, {"token"});  // ?token= gets its own 401 below, not a 400
        if (name.starts_with(kFeedSecretPrefix)) {
            if (target_.query.count("token")) throw bad_request("a feed URL takes no ?token=");
            const auto person_id = store().person_by_feed_hash(hash_token(name));
            if (!person_id)
                throw ApiError(
                    401, "unauthorized",
                    "unknown calendar feed URL (a new one was made, or it never existed): ask "
                    "for the current one");
            return person_feed(*person_id, std::nullopt);
        }
        if (name.starts_with(kTokenSecretPrefix))
            throw ApiError(
                401, "unauthorized",
                "an API token no longer opens a calendar feed: subscribe to the person's feed "
                "URL instead (okoctl people feed-url, or POST /api/v1/people/{id}/feed-url)");
        const ApiToken token = authenticate();
        // The same 404 for an unknown id and a person of municipalities the token does not
        // read (issue 16); the council reads its municipalities' people's deadlines.
        const auto p = store().person(name);
        const auto where = store().memberships_of_person(name);
        if (!p || !can_see_calendar_of(token, name, where)) throw not_found("no person " + name);
        if (!may_fetch_calendar_of(token, name))
            throw forbidden("a stakeholder token may only fetch the calendar of its own person");
        return person_feed(name, token);
    }

private:
    // The deadlines of the roles the person holds today. With a token (Bearer), only the
    // municipalities and tasks it may see; with the feed secret, every role the person
    // holds: the feed is theirs.
    HttpResponse person_feed(const std::string& person_id, const std::optional<ApiToken>& token) {
        const auto p = store().person(person_id);
        const Date today = local_date(c_.clock->now());
        const Instant now = c_.clock->now();
        CalendarFeed feed = new_feed(p ? p->name : person_id, p ? p->language : Language::nl);
        // Only where the person holds a role: a read per such municipality, in code order.
        const auto held = store().assignments_of_person(person_id);
        for (auto from = held.begin(); from != held.end();) {
            const std::string code = from->municipality;
            const auto to = std::find_if(
                from, held.end(), [&](const RoleAssignment& a) { return a.municipality != code; });
            const std::vector<RoleAssignment> here(from, to);
            from = to;
            if (token && !can_read_municipality(*token, code)) continue;
            const auto roles = roles_held(here, person_id, today);
            const auto m = roles.empty() ? std::nullopt : store().municipality(code);
            if (!m) continue;
            const auto callers_roles = token ? roles_held(store().assignments_of_municipality(code),
                                                          token->person_id, today)
                                             : roles;
            TaskFilter f;
            f.municipality = code;
            f.roles = roles;
            f.person_view = person_id;  // not a leaver's hand-over file in their successor's
            for (const auto& t : store().tasks_matching(f)) {
                if (!shows_in_feed(t, now) || (token && !can_see_task(*token, t, callers_roles)))
                    continue;
                feed.tasks.push_back(entry(t, *m, feed.language));
            }
        }
        return calendar(feed, person_id);
    }

public:
    // --- /ical/municipality/<code>.ics ------------------------------------------------
    // Bearer only: a municipality's every deadline is not for a URL that can be pasted.
    HttpResponse municipality(const std::string& code) {
        allow_query(target_, {"token"});
        const ApiToken token = authenticate();
        if (!may_use(token, ApiPermission::municipality_feed))
            throw forbidden(
                "a stakeholder token has no municipality calendar; subscribe to your own feed "
                "URL for the deadlines of your roles");
        const auto m = store().municipality(code);
        if (!m || !can_read_municipality(token, code)) throw not_found("no municipality " + code);
        if (!can_read_municipality_calendar(token, code))
            throw forbidden(fmt::format("a {} token may not read the calendar of {}",
                                        to_string(token.role), code));
        const Instant now = c_.clock->now();
        CalendarFeed feed = new_feed(m->name, Language::nl);
        TaskFilter f;
        f.municipality = code;
        for (const auto& t : store().tasks_matching(f))
            if (shows_in_feed(t, now) && can_see_task(token, t, {}))
                feed.tasks.push_back(entry(t, *m, feed.language));
        feed.milestones = election_milestones(*m, local_date(now));
        return calendar(feed, code);
    }

private:
    const HttpRequest& req_;
    ApiContext& c_;
    const ApiTarget& target_;
};

}  // namespace

HttpResponse serve_person_calendar(RouteCall& call) {
    return IcalCall(call).person(call.param("id"));
}

HttpResponse serve_municipality_calendar(RouteCall& call) {
    return IcalCall(call).municipality(call.param("code"));
}

}  // namespace okod
