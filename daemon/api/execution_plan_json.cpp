#include "daemon/api/execution_plan_json.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "daemon/api/api_error.hpp"
#include "daemon/api/api_request.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace json = boost::json;

json::value or_null(const std::optional<std::int64_t>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}
json::value or_null(const std::optional<double>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}

json::object counts_json(const LightCounts& c) {
    return {{"groen", c.groen}, {"oranje", c.oranje}, {"rood", c.rood}, {"total", c.total()}};
}

// Reading okod's answer: a missing or mistyped field reads as empty.
std::string text(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
std::optional<std::int64_t> whole(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
    if (v->is_double()) return static_cast<std::int64_t>(v->as_double());
    return std::nullopt;
}
std::optional<double> decimal(const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    if (!v) return std::nullopt;
    if (v->is_double()) return v->as_double();
    if (v->is_int64()) return static_cast<double>(v->as_int64());
    if (v->is_uint64()) return static_cast<double>(v->as_uint64());
    return std::nullopt;
}
LightCounts counts_from(const json::object& o) {
    LightCounts c;
    if (const auto* v = o.if_contains("counts"); v && v->is_object()) {
        c.groen = static_cast<int>(whole(v->as_object(), "groen").value_or(0));
        c.oranje = static_cast<int>(whole(v->as_object(), "oranje").value_or(0));
        c.rood = static_cast<int>(whole(v->as_object(), "rood").value_or(0));
    }
    return c;
}

}  // namespace

json::object to_json(const ExecutionAction& a, const Municipality& m) {
    const int number = recommendation_number(m, a.recommendation);
    return {{"id", a.id},
            {"municipality", a.municipality},
            {"recommendation", a.recommendation},
            {"recommendation_number", number > 0 ? json::value(number) : json::value(nullptr)},
            {"intervention", a.intervention},
            {"relevance", a.relevance},
            {"feasibility", a.feasibility},
            {"money_euros", or_null(a.money_euros)},
            {"fte", or_null(a.fte)},
            {"other_resources", a.other_resources},
            {"expected_effectiveness", a.expected_effectiveness},
            {"recognised", a.recognised},
            {"obstacles", a.obstacles},
            {"period", a.period},
            {"responsible", a.responsible},
            {"priority", to_string(a.priority)},
            {"considerations", a.considerations},
            {"status", to_string(a.status)},
            {"status_remark", a.status_remark},
            {"created_at", format_iso_local(a.created_at)},
            {"updated_at", format_iso_local(a.updated_at)}};
}

json::object to_json(const ExecutionPlan& plan, const Municipality& m) {
    json::array groups;
    for (const auto& g : plan.recommendations) {
        json::array actions;
        for (const auto& a : g.actions) actions.push_back(to_json(a, m));
        groups.push_back(
            json::object{{"number", g.number > 0 ? json::value(g.number) : json::value(nullptr)},
                         {"recommendation", g.recommendation},
                         {"counts", counts_json(g.counts)},
                         {"actions", std::move(actions)}});
    }
    return {{"municipality", m.code},
            {"name", m.name},
            {"recommendations", std::move(groups)},
            {"counts", counts_json(plan.counts)}};
}

ExecutionActionChange execution_action_change(const HttpRequest& r) {
    const JsonBody b(
        r, {"recommendation", "intervention", "relevance", "feasibility", "money_euros", "fte",
            "other_resources", "expected_effectiveness", "recognised", "obstacles", "period",
            "responsible", "priority", "considerations", "status", "status_remark"});
    ExecutionActionChange c;
    auto text_field = [&](const char* field, std::optional<std::string>& to) {
        if (b.contains(field)) to = b.string(field).value_or("");
    };
    text_field("recommendation", c.recommendation);
    text_field("intervention", c.intervention);
    text_field("relevance", c.relevance);
    text_field("feasibility", c.feasibility);
    text_field("other_resources", c.other_resources);
    text_field("expected_effectiveness", c.expected_effectiveness);
    text_field("obstacles", c.obstacles);
    text_field("period", c.period);
    text_field("responsible", c.responsible);
    text_field("considerations", c.considerations);
    text_field("status_remark", c.status_remark);
    // Present and null: the outer optional set, the inner empty (clear the estimate).
    if (b.contains("money_euros")) c.money_euros.emplace(b.integer("money_euros"));
    if (b.contains("fte")) c.fte.emplace(b.number("fte"));
    if (b.contains("recognised")) {
        c.recognised = b.boolean("recognised");
        if (!c.recognised) throw bad_request("field 'recognised' must be true or false");
    }
    if (auto p = b.string("priority")) {
        c.priority = parse_priority(*p);
        if (!c.priority)
            throw bad_request(
                fmt::format("field 'priority' must be hoog, middel or laag, not '{}'", *p));
    } else if (b.contains("priority")) {
        throw bad_request("field 'priority' must be hoog, middel or laag");
    }
    if (auto s = b.string("status")) {
        c.status = parse_traffic_light(*s);
        if (!c.status)
            throw bad_request(
                fmt::format("field 'status' must be groen, oranje or rood, not '{}'", *s));
    } else if (b.contains("status")) {
        throw bad_request("field 'status' must be groen, oranje or rood");
    }
    return c;
}

json::object to_json(const ExecutionActionChange& c) {
    json::object o;
    auto put = [&](const char* field, const std::optional<std::string>& v) {
        if (v) o[field] = *v;
    };
    put("recommendation", c.recommendation);
    put("intervention", c.intervention);
    put("relevance", c.relevance);
    put("feasibility", c.feasibility);
    if (c.money_euros) o["money_euros"] = or_null(*c.money_euros);
    if (c.fte) o["fte"] = or_null(*c.fte);
    put("other_resources", c.other_resources);
    put("expected_effectiveness", c.expected_effectiveness);
    if (c.recognised) o["recognised"] = *c.recognised;
    put("obstacles", c.obstacles);
    put("period", c.period);
    put("responsible", c.responsible);
    if (c.priority) o["priority"] = to_string(*c.priority);
    put("considerations", c.considerations);
    if (c.status) o["status"] = to_string(*c.status);
    put("status_remark", c.status_remark);
    return o;
}

ExecutionAction execution_action_from_json(const json::value& v) {
    ExecutionAction a;
    const auto* o = v.if_object();
    if (!o) return a;
    a.id = whole(*o, "id").value_or(0);
    a.municipality = text(*o, "municipality");
    a.recommendation = text(*o, "recommendation");
    a.intervention = text(*o, "intervention");
    a.relevance = text(*o, "relevance");
    a.feasibility = text(*o, "feasibility");
    a.money_euros = whole(*o, "money_euros");
    a.fte = decimal(*o, "fte");
    a.other_resources = text(*o, "other_resources");
    a.expected_effectiveness = text(*o, "expected_effectiveness");
    if (const auto* r = o->if_contains("recognised"); r && r->is_bool())
        a.recognised = r->as_bool();
    a.obstacles = text(*o, "obstacles");
    a.period = text(*o, "period");
    a.responsible = text(*o, "responsible");
    a.priority = parse_priority(text(*o, "priority")).value_or(Priority::middel);
    a.considerations = text(*o, "considerations");
    a.status = parse_traffic_light(text(*o, "status")).value_or(TrafficLight::rood);
    a.status_remark = text(*o, "status_remark");
    if (auto t = parse_instant(text(*o, "created_at"))) a.created_at = *t;
    if (auto t = parse_instant(text(*o, "updated_at"))) a.updated_at = *t;
    return a;
}

ExecutionPlan execution_plan_from_json(const json::value& v) {
    ExecutionPlan plan;
    const auto* o = v.if_object();
    if (!o) return plan;
    plan.municipality = text(*o, "municipality");
    plan.counts = counts_from(*o);
    if (const auto* groups = o->if_contains("recommendations"); groups && groups->is_array())
        for (const auto& g : groups->as_array()) {
            const auto* go = g.if_object();
            if (!go) continue;
            RecommendationActions ra;
            ra.recommendation = text(*go, "recommendation");
            ra.number = static_cast<int>(whole(*go, "number").value_or(0));
            ra.counts = counts_from(*go);
            if (const auto* actions = go->if_contains("actions"); actions && actions->is_array())
                for (const auto& a : actions->as_array())
                    ra.actions.push_back(execution_action_from_json(a));
            plan.recommendations.push_back(std::move(ra));
        }
    return plan;
}

}  // namespace okod
