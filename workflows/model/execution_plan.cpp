#include "model/execution_plan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>

#include "model/input_rules.hpp"
#include "model/text.hpp"

namespace okod {
namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

// Characters as a reader counts them: UTF-8 continuation bytes are part of one.
std::size_t chars(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

template <typename T>
void take(const std::optional<T>& from, T& to) {
    if (from) to = *from;
}

std::string money_text(const std::optional<std::int64_t>& m) {
    return m ? std::to_string(*m) : "-";
}
std::string fte_text(const std::optional<double>& f) { return f ? fmt::format("{}", *f) : "-"; }

const std::vector<std::string> kNoRecommendations;

}  // namespace

std::string_view to_string(Priority p) {
    switch (p) {
        case Priority::hoog:
            return "hoog";
        case Priority::middel:
            return "middel";
        case Priority::laag:
            return "laag";
    }
    return "middel";
}

std::optional<Priority> parse_priority(std::string_view text) {
    for (auto p : {Priority::hoog, Priority::middel, Priority::laag})
        if (to_string(p) == text) return p;
    return std::nullopt;
}

bool ExecutionActionChange::empty() const {
    return !recommendation && !intervention && !relevance && !feasibility && !money_euros && !fte &&
           !other_resources && !expected_effectiveness && !recognised && !obstacles && !period &&
           !responsible && !priority && !considerations && !status && !status_remark;
}

void apply(const ExecutionActionChange& c, ExecutionAction& a) {
    take(c.recommendation, a.recommendation);
    take(c.intervention, a.intervention);
    take(c.relevance, a.relevance);
    take(c.feasibility, a.feasibility);
    take(c.money_euros, a.money_euros);
    take(c.fte, a.fte);
    take(c.other_resources, a.other_resources);
    take(c.expected_effectiveness, a.expected_effectiveness);
    take(c.recognised, a.recognised);
    take(c.obstacles, a.obstacles);
    take(c.period, a.period);
    take(c.responsible, a.responsible);
    take(c.priority, a.priority);
    take(c.considerations, a.considerations);
    take(c.status, a.status);
    take(c.status_remark, a.status_remark);
}

std::string describe_changes(const ExecutionAction& b, const ExecutionAction& a) {
    std::vector<std::string> parts;
    auto named = [&](bool differs, const char* name) {
        if (differs) parts.emplace_back(name);
    };
    auto from_to = [&](bool differs, const char* name, const std::string& was,
                       const std::string& now) {
        if (differs) parts.push_back(fmt::format("{} {} → {}", name, was, now));
    };
    named(b.recommendation != a.recommendation, "recommendation");
    named(b.intervention != a.intervention, "intervention");
    named(b.relevance != a.relevance, "relevance");
    named(b.feasibility != a.feasibility, "feasibility");
    from_to(b.money_euros != a.money_euros, "money_euros", money_text(b.money_euros),
            money_text(a.money_euros));
    from_to(b.fte != a.fte, "fte", fte_text(b.fte), fte_text(a.fte));
    named(b.other_resources != a.other_resources, "other_resources");
    named(b.expected_effectiveness != a.expected_effectiveness, "expected_effectiveness");
    from_to(b.recognised != a.recognised, "recognised", b.recognised ? "ja" : "nee",
            a.recognised ? "ja" : "nee");
    named(b.obstacles != a.obstacles, "obstacles");
    named(b.period != a.period, "period");
    named(b.responsible != a.responsible, "responsible");
    from_to(b.priority != a.priority, "priority", std::string(to_string(b.priority)),
            std::string(to_string(a.priority)));
    named(b.considerations != a.considerations, "considerations");
    from_to(b.status != a.status, "status", std::string(to_string(b.status)),
            std::string(to_string(a.status)));
    named(b.status_remark != a.status_remark, "status_remark");
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<std::string> validate(const ExecutionAction& a) {
    std::vector<std::string> problems;
    if (blank(a.recommendation))
        problems.emplace_back(
            "recommendation is required: which recommendation of the Scanner is this action for?");
    if (blank(a.intervention))
        problems.emplace_back(
            "intervention is required: which intervention is proposed (field 1 of the fill-in "
            "table)?");
    if (a.money_euros && *a.money_euros < 0)
        problems.push_back(
            fmt::format("money_euros must be 0 or more (whole euros), not {}", *a.money_euros));
    if (a.fte && !(std::isfinite(*a.fte) && *a.fte >= 0 && *a.fte <= kMaxActionFte))
        problems.push_back(
            fmt::format("fte must be a number from 0 to {}, not {}", kMaxActionFte, *a.fte));
    const std::array<std::pair<const char*, const std::string*>, 11> texts{{
        {"recommendation", &a.recommendation},
        {"intervention", &a.intervention},
        {"relevance", &a.relevance},
        {"feasibility", &a.feasibility},
        {"other_resources", &a.other_resources},
        {"expected_effectiveness", &a.expected_effectiveness},
        {"obstacles", &a.obstacles},
        {"period", &a.period},
        {"responsible", &a.responsible},
        {"considerations", &a.considerations},
        {"status_remark", &a.status_remark},
    }};
    for (const auto& [name, text] : texts) {
        // An escape sequence would reach the terminal of whoever lists the plan.
        if (auto problem = text_problem(name, *text, TextKind::free_text))
            problems.push_back(std::move(*problem));
        else if (chars(*text) > kMaxActionTextChars)
            problems.push_back(fmt::format("{} is {} characters long; at most {}", name,
                                           chars(*text), kMaxActionTextChars));
    }
    return problems;
}

const std::vector<std::string>& recommendations_of(const Municipality& m) {
    const auto it = m.lists.find("recommendations");
    return it == m.lists.end() ? kNoRecommendations : it->second;
}

std::optional<std::string> resolve_recommendation(const Municipality& m, std::string_view text,
                                                  std::string& error) {
    const std::string_view wanted = trimmed(text);
    const auto& list = recommendations_of(m);
    if (list.empty()) return std::string(wanted);
    for (const auto& r : list)
        if (trimmed(r) == wanted) return r;
    std::size_t number = 0;
    const auto [end, ec] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), number);
    if (!wanted.empty() && ec == std::errc{} && end == wanted.data() + wanted.size() &&
        number >= 1 && number <= list.size())
        return list[number - 1];
    std::vector<std::string> numbered;
    for (std::size_t i = 0; i < list.size(); ++i)
        numbered.push_back(fmt::format("{}: {}", i + 1, list[i]));
    error = fmt::format(
        "recommendation '{}' is not one of {}'s recommendations (give its text or number: {})",
        wanted, m.code, fmt::join(numbered, "; "));
    return std::nullopt;
}

int recommendation_number(const Municipality& m, const std::string& recommendation) {
    const auto& list = recommendations_of(m);
    const auto it = std::find(list.begin(), list.end(), recommendation);
    return it == list.end() ? 0 : static_cast<int>(it - list.begin()) + 1;
}

ExecutionPlan execution_plan(const Municipality& m, std::vector<ExecutionAction> actions) {
    std::stable_sort(
        actions.begin(), actions.end(),
        [](const ExecutionAction& x, const ExecutionAction& y) { return x.id < y.id; });
    ExecutionPlan plan;
    plan.municipality = m.code;
    const auto& list = recommendations_of(m);
    for (std::size_t i = 0; i < list.size(); ++i)
        plan.recommendations.push_back({list[i], static_cast<int>(i) + 1, {}, {}});
    for (auto& a : actions) {
        if (a.municipality != m.code) continue;
        auto group = std::find_if(
            plan.recommendations.begin(), plan.recommendations.end(),
            [&](const RecommendationActions& g) { return g.recommendation == a.recommendation; });
        if (group == plan.recommendations.end()) {
            plan.recommendations.push_back({a.recommendation, 0, {}, {}});
            group = std::prev(plan.recommendations.end());
        }
        group->counts.add(a.status);
        plan.counts.add(a.status);
        group->actions.push_back(std::move(a));
    }
    return plan;
}

}  // namespace okod
