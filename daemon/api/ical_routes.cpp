#include "daemon/api/ical_routes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "adapters/auth/token_secret.hpp"
#include "adapters/ical/task_calendar.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/api_request.hpp"
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

// One request for a feed. Error messages never repeat the target: it may hold a secret.
class IcalCall {
public:
    IcalCall(const HttpRequest& r, ApiContext& c)
        : req_(r), c_(c), target_(parse_target(r.target)) {}

    HttpResponse serve() {
        const auto& s = target_.segments;
        const bool feed = s.size() == 3 && (s[1] == "person" || s[1] == "municipality") &&
                          s[2].size() > kIcs.size() && s[2].ends_with(kIcs);
        if (!feed)
            throw not_found(
                "no route: the calendar feeds are /ical/person/<feed secret or person>.ics and "
                "/ical/municipality/<code>.ics");
        if (req_.method != "GET")
            throw ApiError(
                405, "method_not_allowed",
                fmt::format("{} is not allowed on a calendar feed; use GET", req_.method));
        const std::string name = s[2].substr(0, s[2].size() - kIcs.size());
        return s[1] == "person" ? person(name) : municipality(name);
    }

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

    CalendarTask entry(const Task& t, const std::string& municipality_name, Language l) {
        CalendarTask c;
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
        const auto where = store().memberships(name);
        const bool visible =
            p && (can_see_person(token, name, where) ||
                  std::any_of(where.begin(), where.end(), [&](const std::string& code) {
                      return can_read_municipality(token, code);
                  }));
        if (!visible) throw not_found("no person " + name);
        if (token.role == ApiRole::stakeholder && token.person_id != name)
            throw forbidden("a stakeholder token may only fetch the calendar of its own person");
        return person_feed(name, token);
    }

    // The deadlines of the roles the person holds today. With a token (Bearer), only the
    // municipalities and tasks it may see; with the feed secret, every role the person
    // holds: the feed is theirs.
    HttpResponse person_feed(const std::string& person_id, const std::optional<ApiToken>& token) {
        const auto p = store().person(person_id);
        const Date today = local_date(c_.clock->now());
        const Instant now = c_.clock->now();
        CalendarFeed feed = new_feed(p ? p->name : person_id, p ? p->language : Language::nl);
        for (const auto& m : store().municipalities()) {
            if (token && !can_read_municipality(*token, m.code)) continue;
            const auto assignments = store().assignments(m.code);
            const auto roles = roles_held(assignments, person_id, today);
            if (roles.empty()) continue;
            const auto callers_roles =
                token ? roles_held(assignments, token->person_id, today) : roles;
            TaskFilter f;
            f.municipality = m.code;
            for (const auto& t : store().tasks(f)) {
                if (!std::binary_search(roles.begin(), roles.end(), t.role)) continue;
                if (!shows_in_feed(t, now) || (token && !can_see_task(*token, t, callers_roles)))
                    continue;
                feed.tasks.push_back(entry(t, m.name, feed.language));
            }
        }
        return calendar(feed, person_id);
    }

    // --- /ical/municipality/<code>.ics ------------------------------------------------
    // Bearer only: a municipality's every deadline is not for a URL that can be pasted.
    HttpResponse municipality(const std::string& code) {
        allow_query(target_, {"token"});
        const ApiToken token = authenticate();
        if (token.role == ApiRole::stakeholder)
            throw forbidden(
                "a stakeholder token has no municipality calendar; subscribe to your own feed "
                "URL for the deadlines of your roles");
        const auto m = store().municipality(code);
        if (!m || !can_read_municipality(token, code)) throw not_found("no municipality " + code);
        if (!can_read_reports(token, code))
            throw forbidden(fmt::format("a {} token may not read the calendar of {}",
                                        to_string(token.role), code));
        const Instant now = c_.clock->now();
        CalendarFeed feed = new_feed(m->name, Language::nl);
        TaskFilter f;
        f.municipality = code;
        for (const auto& t : store().tasks(f))
            if (shows_in_feed(t, now) && can_see_task(token, t, {}))
                feed.tasks.push_back(entry(t, m->name, feed.language));
        feed.milestones = election_milestones(*m, local_date(now));
        return calendar(feed, code);
    }

    const HttpRequest& req_;
    ApiContext& c_;
    ApiTarget target_;
};

}  // namespace

HttpResponse serve_ical(const HttpRequest& request, ApiContext& context) {
    return IcalCall(request, context).serve();
}

}  // namespace okod
