#include "daemon/api/router.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "daemon/api/api_error.hpp"
#include "daemon/api/operations.hpp"
#include "daemon/api/session_auth.hpp"

namespace okod {
namespace {

// A calendar feed's path may hold its secret: its errors never repeat the target.
bool is_calendar_feed(const std::vector<std::string>& segments) {
    return !segments.empty() && segments.front() == "ical";
}

// The calendar feeds authenticate themselves: a feed secret opens one, and an API token
// in their URL is refused without being looked up.
bool needs_bearer_token(ApiPermission p) {
    return p != ApiPermission::none && p != ApiPermission::feed &&
           p != ApiPermission::municipality_feed;
}

std::vector<std::string_view> pattern_segments(std::string_view pattern) {
    std::vector<std::string_view> out;
    while (!pattern.empty()) {
        const auto slash = pattern.find('/');
        const auto part = pattern.substr(0, slash);
        if (!part.empty()) out.push_back(part);
        if (slash == std::string_view::npos) break;
        pattern.remove_prefix(slash + 1);
    }
    return out;
}

}  // namespace

std::optional<PathParams> match_path(std::string_view pattern,
                                     const std::vector<std::string>& segments) {
    const auto parts = pattern_segments(pattern);
    if (parts.size() != segments.size()) return std::nullopt;
    PathParams params;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string_view part = parts[i];
        const std::string& segment = segments[i];
        if (!part.starts_with('{')) {
            if (part != segment) return std::nullopt;
            continue;
        }
        // "{id}" takes the whole segment, "{id}.ics" all but a literal suffix; never nothing.
        const auto close = part.find('}');
        const std::string_view name = part.substr(1, close - 1);
        const std::string_view suffix = part.substr(close + 1);
        if (segment.size() <= suffix.size() || !std::string_view(segment).ends_with(suffix))
            return std::nullopt;
        params.emplace(std::string(name), segment.substr(0, segment.size() - suffix.size()));
    }
    return params;
}

bool reads_only(const HttpRequest& request) {
    ApiTarget target;
    try {
        target = parse_target(request.target);
    } catch (const std::exception&) {
        return true;  // a 400, answered without the store
    }
    for (const auto& op : operations())
        if (op.method == request.method && match_path(op.path, target.segments))
            return reads_only(op);
    return true;
}

HttpResponse route_request(const HttpRequest& request, ApiContext& context) {
    ApiTarget target = parse_target(request.target);
    const bool feed = is_calendar_feed(target.segments);
    const Operation* found = nullptr;
    PathParams params;
    std::vector<std::string_view> allowed;
    for (const auto& op : operations()) {
        auto p = match_path(op.path, target.segments);
        if (!p) continue;
        if (std::find(allowed.begin(), allowed.end(), op.method) == allowed.end())
            allowed.push_back(op.method);
        if (!found && op.method == request.method) {
            found = &op;
            params = std::move(*p);
        }
    }
    if (allowed.empty())
        throw not_found(feed
                            ? std::string("no route: the calendar feeds are /ical/person/<feed "
                                          "secret or person>.ics and /ical/municipality/<code>.ics")
                            : fmt::format("no route {}", request.target));
    if (!found) {
        const auto methods = fmt::format("{}", fmt::join(allowed, " or "));
        auto r = error_response(405, "method_not_allowed",
                                feed ? fmt::format("{} is not allowed on a calendar feed; use {}",
                                                   request.method, methods)
                                     : fmt::format("{} {} is not allowed; use {}", request.method,
                                                   request.target, methods));
        r.headers.emplace_back("Allow", fmt::format("{}", fmt::join(allowed, ", ")));
        return r;
    }
    Caller caller;
    const bool needs_token = needs_bearer_token(found->permission);
    if (needs_token) caller = authenticate_request(request, context);
    if (needs_token && found->gate == Gate::role && !may_use(caller.token, found->permission))
        throw forbidden(fmt::format("a {} token may not {}", to_string(caller.token.role),
                                    what_is_refused(found->permission)));
    RouteCall call{request,
                   context,
                   std::move(target),
                   std::move(params),
                   std::move(caller.token),
                   std::move(caller.session)};
    return found->handler(call);
}

}  // namespace okod
