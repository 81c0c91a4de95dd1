#include "adapters/year_plan/year_plan_toml.hpp"

#include <toml++/toml.h>

#include <sstream>

namespace okod {
namespace {

// Dutch only as a plain string, as a person would write it; else { nl = ..., en = ... }.
void put_text(toml::table& t, std::string_view key, const Text& text) {
    if (text.en.empty()) {
        t.insert(key, text.nl);
        return;
    }
    toml::table both{{"nl", text.nl}, {"en", text.en}};
    both.is_inline(true);
    t.insert(key, std::move(both));
}

void put_text(toml::array& a, const Text& text) {
    if (text.en.empty()) {
        a.push_back(text.nl);
        return;
    }
    toml::table both{{"nl", text.nl}, {"en", text.en}};
    both.is_inline(true);
    a.push_back(std::move(both));
}

toml::table point(const GoalPoint& p) {
    toml::table t{{"value", p.value}, {"year", p.year}};
    t.is_inline(true);
    return t;
}

toml::array workgroups(const YearPlan& plan) {
    toml::array out;
    for (const auto& w : plan.workgroups) {
        toml::table t{{"id", w.id}};
        put_text(t, "name", w.name);
        toml::array goals;
        for (const auto& g : w.goals) put_text(goals, g);
        if (!goals.empty()) t.insert("goals", std::move(goals));
        out.push_back(std::move(t));
    }
    return out;
}

toml::array activities(const YearPlan& plan) {
    toml::array out;
    for (const auto& a : plan.activities) {
        toml::table t{{"id", a.id}, {"workgroup", a.workgroup}};
        put_text(t, "title", a.title);
        toml::array tasks;
        for (const auto& s : a.tasks) tasks.push_back(to_string(s));
        if (!tasks.empty()) t.insert("tasks", std::move(tasks));
        if (!a.remark.empty()) t.insert("remark", a.remark);
        out.push_back(std::move(t));
    }
    return out;
}

toml::array policy_goals(const YearPlan& plan) {
    toml::array out;
    for (const auto& g : plan.policy_goals) {
        toml::table t{{"id", g.id},
                      {"pillar", std::string(to_string(g.pillar))},
                      {"indicator", g.indicator},
                      {"population", g.population},
                      {"unit", g.unit},
                      {"direction", std::string(to_string(g.direction))}};
        put_text(t, "description", g.description);
        t.insert("baseline", point(g.baseline));
        t.insert("target", point(g.target));
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

std::string year_plan_toml(const YearPlan& plan, const std::vector<std::string>& comments) {
    toml::table doc{{"municipality", plan.municipality}, {"year", plan.year}};
    doc.insert("workgroups", workgroups(plan));
    if (!plan.activities.empty()) doc.insert("activities", activities(plan));
    if (!plan.policy_goals.empty()) doc.insert("policy_goals", policy_goals(plan));
    std::ostringstream out;
    for (const auto& c : comments) out << "# " << c << '\n';
    if (!comments.empty()) out << '\n';
    // Flat, as a person writes a plans/ file: no indentation under [[activities]].
    out << toml::toml_formatter{doc, toml::toml_formatter::default_flags &
                                         ~toml::format_flags::indentation}
        << '\n';
    return out.str();
}

}  // namespace okod
