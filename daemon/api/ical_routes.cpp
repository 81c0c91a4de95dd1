#include "daemon/api/ical_routes.hpp"

#include "adapters/auth/token_secret.hpp"
#include "adapters/ical/task_calendar.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/api_error.hpp"
#include "daemon/api/api_request.hpp"
#include "daemon/runtime.hpp"
#include "model/api_access.hpp"
#include "model/person_record.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"
#include "version.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace okod {
namespace {

constexpr std::string_view kIcs = ".ics";
constexpr std::string_view kSecretPrefix = "okod_";

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
                "no route: the calendar feeds are /ical/person/<token or person>.ics and "
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

    ApiToken token_from(const std::string& secret) {
        auto t = store().token_by_hash(hash_token(secret));
        if (!t || !t->active()) throw ApiError(401, "unauthorized", "unknown or revoked token");
        return *t;
    }
    // Authorization: Bearer first, else ?token= (for calendar apps, which send no headers).
    ApiToken authenticate() {
        if (auto it = req_.headers.find("authorization"); it != req_.headers.end()) {
            auto secret = bearer_secret(it->second);
            if (!secret)
                throw ApiError(401, "unauthorized",
                               "the Authorization header is not 'Bearer <token>'");
            return token_from(*secret);
        }
        if (auto it = target_.query.find("token"); it != target_.query.end())
            return token_from(it->second);
        throw ApiError(
            401, "unauthorized",
            "no token: send Authorization: Bearer <token>, add ?token=<token>, or subscribe to "
            "/ical/person/<token>.ics");
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

    // --- /ical/person/<token or id>.ics -----------------------------------------------
    HttpResponse person(const std::string& name) {
        ApiToken token;
        std::string person_id;
        if (name.starts_with(kSecretPrefix)) {
            allow_query(target_, {});
            token = token_from(name);
            if (token.person_id.empty())
                throw not_found(
                    fmt::format("token '{}' belongs to no person, so it has no personal calendar; "
                                "use it for /ical/person/<person>.ics or "
                                "/ical/municipality/<code>.ics instead",
                                token.label));
            person_id = token.person_id;
        } else {
            allow_query(target_, {"token"});
            token = authenticate();
            person_id = name;
            if (token.role == ApiRole::stakeholder && token.person_id != person_id)
                throw forbidden(
                    "a stakeholder token may only fetch the calendar of its own person");
        }
        const auto p = store().person(person_id);
        const Date today = local_date(c_.clock->now());
        const Instant now = c_.clock->now();
        CalendarFeed feed = new_feed(p ? p->name : person_id, p ? p->language : Language::nl);
        // Known to the caller: the person holds or held a role in a municipality the
        // caller may read (an admin reads them all).
        bool known = p && token.role == ApiRole::admin;
        for (const auto& m : store().municipalities()) {
            if (!p || !can_read_municipality(token, m.code)) continue;
            const auto assignments = store().assignments(m.code);
            known = known ||
                    std::any_of(assignments.begin(), assignments.end(),
                                [&](const RoleAssignment& a) { return a.person_id == person_id; });
            const auto roles = roles_held(assignments, person_id, today);
            if (roles.empty()) continue;
            const auto callers_roles = roles_held(assignments, token.person_id, today);
            TaskFilter f;
            f.municipality = m.code;
            for (const auto& t : store().tasks(f)) {
                if (!std::binary_search(roles.begin(), roles.end(), t.role)) continue;
                if (!shows_in_feed(t, now) || !can_see_task(token, t, callers_roles)) continue;
                feed.tasks.push_back(entry(t, m.name, feed.language));
            }
        }
        if (!known) throw not_found(fmt::format("no person '{}'", person_id));
        return calendar(feed, person_id);
    }

    // --- /ical/municipality/<code>.ics ------------------------------------------------
    HttpResponse municipality(const std::string& code) {
        allow_query(target_, {"token"});
        const ApiToken token = authenticate();
        if (token.role == ApiRole::stakeholder)
            throw forbidden(
                "a stakeholder token has no municipality calendar; subscribe to "
                "/ical/person/<token>.ics for the deadlines of your roles");
        const auto m = store().municipality(code);
        if (!m || !can_read_municipality(token, code))
            throw not_found(fmt::format("no municipality {}", code));
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
