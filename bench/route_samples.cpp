#include "route_samples.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <functional>
#include <map>
#include <stdexcept>

#include "daemon/api/operations.hpp"

namespace okod::bench {
namespace {

// A target per sample of an operation; the token is chosen below.
using Targets = std::vector<std::string>;
using Sampler = std::function<Targets(const SampleSubjects&)>;

// The GET operations' samples, by registry id.
const std::map<std::string, Sampler, std::less<>>& samplers() {
    static const std::map<std::string, Sampler, std::less<>> table{
        {"health", [](auto&) { return Targets{"/health"}; }},
        {"ready", [](auto&) { return Targets{"/ready"}; }},
        {"openapi", [](auto&) { return Targets{"/openapi.json"}; }},
        {"dashboard", [](auto&) { return Targets{"/"}; }},
        {"dashboard.index", [](auto&) { return Targets{"/index.html"}; }},
        {"dashboard.alias", [](auto&) { return Targets{"/dashboard"}; }},
        {"dashboard.script", [](auto&) { return Targets{"/app.js"}; }},
        {"dashboard.style", [](auto&) { return Targets{"/style.css"}; }},
        {"dashboard.icon", [](auto&) { return Targets{"/favicon.svg"}; }},
        {"dashboard.icon.ico", [](auto&) { return Targets{"/favicon.ico"}; }},
        {"dashboard.asset", [](auto&) { return Targets{"/ui/view-tasks.js"}; }},
        {"auth.link.show", [](auto& s) { return Targets{s.link_path}; }},
        {"auth.methods", [](auto&) { return Targets{"/auth/methods"}; }},
        // Nothing to measure without an identity provider: they answer 404 at once.
        {"auth.oidc.start", [](auto&) { return Targets{}; }},
        {"auth.oidc.callback", [](auto&) { return Targets{}; }},
        {"ical.person", [](auto& s) { return Targets{s.feed_path}; }},
        {"mail_link.show", [](auto& s) { return Targets{s.mail_link_path}; }},
        {"ical.municipality",
         [](auto& s) { return Targets{fmt::format("/ical/municipality/{}.ics", s.municipality)}; }},
        {"me", [](auto&) { return Targets{"/api/v1/me"}; }},
        {"version", [](auto&) { return Targets{"/api/v1/version"}; }},
        {"municipalities.list", [](auto&) { return Targets{"/api/v1/municipalities"}; }},
        {"municipalities.show",
         [](auto& s) { return Targets{"/api/v1/municipalities/" + s.municipality}; }},
        {"municipalities.process",
         [](auto& s) {
             return Targets{fmt::format("/api/v1/municipalities/{}/process", s.municipality)};
         }},
        {"municipalities.annual_report",
         [](auto& s) {
             return Targets{
                 fmt::format("/api/v1/municipalities/{}/reports/annual?year={}&format=html",
                             s.municipality, s.year)};
         }},
        {"survey.goals",
         [](auto& s) {
             return Targets{fmt::format("/api/v1/municipalities/{}/goals", s.municipality)};
         }},
        {"execution_plan.show",
         [](auto& s) {
             return Targets{
                 fmt::format("/api/v1/municipalities/{}/execution-plan", s.municipality)};
         }},
        // The generated municipalities have no year plan (no plans/ files, nothing drafted):
        // these answer 404 at once, so there is nothing to measure.
        {"year_plan.show", [](auto&) { return Targets{}; }},
        {"year_plan.export", [](auto&) { return Targets{}; }},
        {"settings.show",
         [](auto& s) {
             return Targets{fmt::format("/api/v1/municipalities/{}/settings", s.municipality)};
         }},
        {"settings.export",
         [](auto& s) {
             return Targets{fmt::format("/api/v1/municipalities/{}/settings.toml", s.municipality)};
         }},
        {"tasks.list",
         [](auto& s) {
             // The dashboard's two lists: open work, and what was done lately; and issue 19's
             // views and search.
             return Targets{
                 fmt::format("/api/v1/tasks?municipality={}&status=open", s.municipality),
                 fmt::format("/api/v1/tasks?municipality={}&status=done&closed_after={}",
                             s.municipality, s.closed_after),
                 fmt::format("/api/v1/tasks?municipality={}&view=week", s.municipality),
                 fmt::format("/api/v1/tasks?municipality={}&view=open&q=raad", s.municipality)};
         }},
        {"tasks.show", [](auto& s) { return Targets{fmt::format("/api/v1/tasks/{}", s.task_id)}; }},
        {"tasks.history",
         [](auto& s) { return Targets{fmt::format("/api/v1/tasks/{}/history", s.task_id)}; }},
        {"instances.list",
         [](auto& s) { return Targets{"/api/v1/instances?municipality=" + s.municipality}; }},
        {"instances.show",
         [](auto& s) { return Targets{fmt::format("/api/v1/instances/{}", s.instance_id)}; }},
        {"people.list",
         [](auto& s) { return Targets{"/api/v1/people?municipality=" + s.municipality}; }},
        {"people.show", [](auto& s) { return Targets{"/api/v1/people/" + s.person_id}; }},
        {"people.export",
         [](auto& s) { return Targets{fmt::format("/api/v1/people/{}/export", s.person_id)}; }},
        {"events.list",
         [](auto& s) { return Targets{"/api/v1/events?municipality=" + s.municipality}; }},
        {"outbox.list",
         [](auto& s) {
             // The default page, and a big one (the truncated 1000).
             return Targets{
                 "/api/v1/outbox?municipality=" + s.municipality,
                 fmt::format("/api/v1/outbox?municipality={}&limit=1000", s.municipality)};
         }},
    };
    return table;
}

// The routes the lateness load loops on.
constexpr std::string_view kHeaviest[] = {"municipalities.annual_report", "instances.show",
                                          "outbox.list"};

}  // namespace

std::vector<RouteSample> route_samples(const SampleSubjects& s) {
    std::vector<RouteSample> out;
    std::vector<std::string> missing;
    for (const Operation& op : operations()) {
        if (op.method != "GET") continue;
        const auto sampler = samplers().find(op.id);
        if (sampler == samplers().end()) {
            missing.emplace_back(fmt::format("{} ({} {})", op.id, op.method, op.path));
            continue;
        }
        // Public routes and the feed (its secret is in the path) go without a token.
        const bool token =
            op.permission != ApiPermission::none && op.permission != ApiPermission::feed;
        for (const auto& target : sampler->second(s)) {
            // The registry's path (ids differ between stores, the feed's is a secret) and
            // the query sent.
            const auto query = target.find('?');
            const std::string label =
                fmt::format("GET {}{}", op.path,
                            query == std::string::npos ? std::string() : target.substr(query));
            out.push_back(
                {std::string(op.id), label, {target, token ? s.regisseur_token : std::string()}});
        }
    }
    if (!missing.empty())
        throw std::runtime_error(fmt::format(
            "no sample request for the GET operation(s) {}: add one to bench/route_samples.cpp",
            fmt::join(missing, ", ")));
    return out;
}

std::vector<GetRequest> heaviest_requests(const std::vector<RouteSample>& samples) {
    std::vector<GetRequest> out;
    for (const auto& heavy : kHeaviest)
        for (const auto& sample : samples)
            if (sample.operation == heavy) out.push_back(sample.request);
    return out;
}

}  // namespace okod::bench
