// The policy goals of a municipality's year plan with the survey values measured for them
// (issue 19: after a survey upload, the Monitorgegevens page shows the goals that move).
//
//   GET /api/v1/municipalities/{code}/goals[?year=YYYY]
//
// The plan of `year`, by default the newest plan up to okod's current year (or, when
// there is none yet, the first one). Per goal: baseline, target, direction, every value
// measured for its indicator and population, the latest after the baseline, and the
// light the yearly report gives it (groen: target met, oranje: moved the right way,
// rood: not, or no measurement yet). The description is in the caller's language.
#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/caller_language.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/runtime.hpp"
#include "model/api_access.hpp"
#include "model/traffic_light.hpp"
#include "report/annual_report_builder.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// The plan of `year`, or (no year asked) the newest up to this year, else the first.
const YearPlan* plan_of(const RouteCall& call, const std::string& code, std::optional<int> year) {
    const YearPlan* newest = nullptr;
    const YearPlan* first = nullptr;
    const int this_year = static_cast<int>(call.today().year());
    for (const auto& p : call.runtime().config.plans) {
        if (p.plan.municipality != code) continue;
        if (year) {
            if (p.plan.year == *year) return &p.plan;
            continue;
        }
        if (!first || p.plan.year < first->year) first = &p.plan;
        if (p.plan.year <= this_year && (!newest || p.plan.year > newest->year)) newest = &p.plan;
    }
    return newest ? newest : first;
}

json::value point(const GoalPoint& p) { return {{"value", p.value}, {"year", p.year}}; }

}  // namespace

HttpResponse list_goals(RouteCall& call) {
    const Municipality m = call.municipality(call.param("code"));
    allow_query(call.target, {"year"});
    if (!can_read_reports(call.token, m.code))
        throw forbidden(fmt::format("a {} token may not read the goals of {}",
                                    to_string(call.token.role), m.code));
    std::optional<int> year;
    if (auto y = query_int(call.target, "year", 2000, 2100)) year = static_cast<int>(*y);
    const YearPlan* plan = plan_of(call, m.code, year);
    if (year && !plan) throw not_found(fmt::format("{} has no year plan for {}", m.code, *year));
    const Language l = caller_language(call);
    const auto values = call.store().measurements_of_municipality(m.code);
    json::array goals;
    for (const auto& g : plan ? plan->policy_goals : std::vector<PolicyGoal>{}) {
        std::vector<std::pair<int, double>> measured;
        for (const auto& v : values)
            if (v.indicator == g.indicator && v.population == g.population)
                measured.emplace_back(v.year, v.value);
        std::sort(measured.begin(), measured.end());
        json::array series;
        for (const auto& [y, v] : measured) series.push_back({{"year", y}, {"value", v}});
        const auto latest = latest_measurement(g, measured);
        goals.push_back(json::object{
            {"id", g.id},
            {"pillar", to_string(g.pillar)},
            {"indicator", g.indicator},
            {"population", g.population},
            {"description", g.description.in(l)},
            {"unit", g.unit},
            {"direction", to_string(g.direction)},
            {"baseline", point(g.baseline)},
            {"target", point(g.target)},
            {"measured", std::move(series)},
            {"latest", latest ? point({latest->second, latest->first}) : json::value(nullptr)},
            {"light", to_string(goal_light(g, measured))}});
    }
    return json_response(
        200, json::object{{"municipality", m.code},
                          {"year", plan ? json::value(plan->year) : json::value(nullptr)},
                          {"goals", std::move(goals)}});
}

}  // namespace okod
