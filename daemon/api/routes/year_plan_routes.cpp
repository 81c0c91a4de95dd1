// The year plan (jaarplan) and its activity overview: read like the reports; the
// lights set and next year's plan drafted by who may change the municipality (the
// regisseur, an admin), as the execution plan is. The work itself is
// daemon/year_plan/year_plan_ops.hpp, which okoctl shares; the plans are looked up
// in one place (YearPlans: files and store).
#include <fmt/format.h>

#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/route_call.hpp"
#include "daemon/api/year_plan_json.hpp"
#include "daemon/runtime.hpp"
#include "daemon/year_plan/year_plan_ops.hpp"
#include "model/api_access.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

// The municipality of the path, if the token may read (like the reports) or change (like
// the execution plan) its year plan.
enum class Use { read, change };
Municipality plan_municipality(RouteCall& call, Use use) {
    const Municipality m = call.municipality(call.param("code"));
    const bool may = use == Use::read ? can_read_reports(call.token, m.code)
                                      : can_write_municipality(call.token, m.code);
    if (!may)
        throw forbidden(fmt::format("a {} token may not {} the year plan of {}",
                                    to_string(call.token.role),
                                    use == Use::read ? "read" : "change", m.code));
    return m;
}

int path_year(RouteCall& call) {
    const std::string& text = call.param("year");
    const bool digits = !text.empty() && text.size() <= 4 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    const int year = digits ? std::stoi(text) : 0;
    if (year < kFirstYear || year > kLastYear)
        throw bad_request(fmt::format("the year in the path must be {}..{}, not '{}'", kFirstYear,
                                      kLastYear, text));
    return year;
}

// The caller's language for derived remarks and names: ?lang=, else the municipality's.
Language language_of(RouteCall& call, const Municipality& m) {
    const auto it = call.target.query.find("lang");
    if (it == call.target.query.end()) return m.language;
    const auto l = parse_language(it->second);
    if (!l) throw bad_request(fmt::format("lang must be nl or en, not '{}'", it->second));
    return *l;
}

// A 404 that lists the years that do have a plan, so a client can offer them.
HttpResponse no_plan(const YearPlans& plans, const std::string& code, int year) {
    const auto years = plans.years(code);
    boost::json::array ys(years.begin(), years.end());
    return json_response(404, boost::json::object{{"error", "not_found"},
                                                  {"message", no_plan_message(code, year, years)},
                                                  {"years", std::move(ys)}});
}

boost::json::object overview_json(RouteCall& call, const YearPlans& plans,
                                  const FoundYearPlan& found, Language lang) {
    const YearPlan& plan = found.plan();
    const YearOverview o = overview_of_plan(call.store(), plan, call.now(), lang);
    const auto years = plans.years(plan.municipality);
    boost::json::object drafted;
    if (found.stored)
        drafted = {{"from", found.stored->drafted_from},
                   {"by", found.stored->drafted_by},
                   {"at", format_iso_local(found.stored->drafted_at)}};
    return {{"municipality", plan.municipality},
            {"year", plan.year},
            {"language", to_string(lang)},
            {"years", boost::json::array(years.begin(), years.end())},
            {"origin", found.stored ? "store" : "file"},
            {"drafted", found.stored ? boost::json::value(std::move(drafted)) : nullptr},
            {"next_year_has_plan", plans.find(plan.municipality, plan.year + 1).has_value()},
            {"workgroups", workgroups_json(o, lang)},
            {"counts", to_json(o.counts)}};
}

}  // namespace

HttpResponse show_year_plan(RouteCall& call) {
    allow_query(call.target, {"year", "lang"});
    const Municipality m = plan_municipality(call, Use::read);
    const int this_year = static_cast<int>(call.today().year());
    const int year =
        static_cast<int>(query_int(call.target, "year", kFirstYear, kLastYear).value_or(this_year));
    const YearPlans plans(call.runtime().config, call.store());
    const auto found = plans.find(m.code, year);
    if (!found) return no_plan(plans, m.code, year);
    return json_response(200, overview_json(call, plans, *found, language_of(call, m)));
}

HttpResponse set_year_plan_activity(RouteCall& call) {
    allow_query(call.target, {"lang"});
    const Municipality m = plan_municipality(call, Use::change);
    const int year = path_year(call);
    JsonBody b(call.request, {"light", "remark"});
    const std::string light = *b.string("light", true);
    const std::string remark = b.string("remark").value_or("");
    const YearPlans plans(call.runtime().config, call.store());
    const auto found = plans.find(m.code, year);
    if (!found) return no_plan(plans, m.code, year);
    const std::string& id = call.param("id");
    const auto r = set_activity_light(call.engine(), found->plan(), id, light, remark, call.by());
    if (!r.ok) {
        if (r.refusal == Refusal::invalid) throw bad_request(r.error);
        call.refused(r);
    }
    const Language lang = language_of(call, m);
    const YearOverview o = overview_of_plan(call.store(), found->plan(), call.now(), lang);
    for (const auto& w : o.workgroups)
        for (const auto& line : w.activities)
            if (line.activity.id == id) return call.written(to_json(line, lang));
    throw no_such("activity", id);  // not reached: set_activity_light checked it is there
}

HttpResponse draft_year_plan(RouteCall& call) {
    allow_query(call.target, {"lang"});
    const Municipality m = plan_municipality(call, Use::change);
    const int year = path_year(call);
    JsonBody b(call.request, {"dry_run"});
    const bool dry_run = b.boolean("dry_run").value_or(false);
    const YearPlans plans(call.runtime().config, call.store());
    const auto r =
        okod::draft_next_year_plan(plans, call.store(), dry_run ? nullptr : &call.engine(), m.code,
                                   year, call.now(), call.by());
    if (!r.ok && r.refusal == Refusal::not_found) return no_plan(plans, m.code, year);
    if (!r.ok) call.refused(r);
    const Language lang = language_of(call, m);
    boost::json::array decisions;
    int carried = 0;
    for (const auto& d : r.draft.decisions) {
        decisions.push_back(to_json(d, lang));
        carried += d.carried() ? 1 : 0;
    }
    const std::string toml_path =
        fmt::format("/api/v1/municipalities/{}/year-plan/{}/toml", m.code, r.year);
    const boost::json::object out{
        {"municipality", m.code},
        {"from_year", year},
        {"year", r.year},
        {"dry_run", dry_run},
        {"carried", carried},
        {"left_out", static_cast<int>(r.draft.decisions.size()) - carried},
        {"decisions", std::move(decisions)},
        {"toml", dry_run ? boost::json::value(r.toml) : boost::json::value(toml_path)}};
    if (dry_run) return json_response(200, out);
    auto response = call.written(out);
    response.status = 201;
    response.headers.emplace_back(
        "Location", fmt::format("/api/v1/municipalities/{}/year-plan?year={}", m.code, r.year));
    return response;
}

HttpResponse export_year_plan(RouteCall& call) {
    allow_query(call.target, {});
    const Municipality m = plan_municipality(call, Use::read);
    const int year = path_year(call);
    const YearPlans plans(call.runtime().config, call.store());
    const auto found = plans.find(m.code, year);
    if (!found) return no_plan(plans, m.code, year);
    HttpResponse r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = year_plan_export(*found);
    r.headers.emplace_back("Content-Disposition",
                           fmt::format("attachment; filename=\"{}-{}.toml\"", m.code, year));
    return r;
}

}  // namespace okod
