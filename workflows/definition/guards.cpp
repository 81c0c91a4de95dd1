#include "definition/guards.hpp"

#include <algorithm>

#include "definition/definition.hpp"
#include "definition/named_moments.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "rules/due_rule.hpp"
#include "rules/instance_year.hpp"

namespace okod {
namespace {

constexpr std::string_view kHasPrefix = "has_";
constexpr std::string_view kYearSuffix = "_year";
constexpr std::string_view kEveryYearsSuffix = "_every_years";

// A rhythm a definition declares in its [settings]: "<name>_year", a year in which
// something happens (a national monitor is published), and "<name>_every_years". The
// guard "<name>_year" holds in that year and every N years before and after it; a
// municipality may set either number in its own file.
std::string every_years_setting(std::string_view guard) {
    return std::string(guard.substr(0, guard.size() - kYearSuffix.size())) +
           std::string(kEveryYearsSuffix);
}

bool is_rhythm_guard(std::string_view name, const Definition& d) {
    return name.ends_with(kYearSuffix) && name.size() > kYearSuffix.size() &&
           d.settings.count(std::string(name)) && d.settings.count(every_years_setting(name));
}

bool in_rhythm(const std::string& guard, int calendar_year, const Definition& d,
               const Municipality& m) {
    const int first = resolve_setting(guard, d, m);
    const int every = std::max(1, resolve_setting(every_years_setting(guard), d, m));
    return ((calendar_year - first) % every + every) % every == 0;
}
constexpr std::string_view kRunsPrefix = "runs_";

bool holds(const GuardExpr& g, const Definition& d, const Instance& i, const Municipality& m) {
    // A survey year is counted by the calendar year in which the instance year begins
    // (rules/instance_year.hpp); the survey runs in that year's Q3 at the latest.
    const InstanceYear year = instance_year(i.year_one, i.year_index);
    const int calendar_year = static_cast<int>(year.first.year());
    if (g.name == "survey_year") return is_survey_year(m, calendar_year);
    if (g.name == "needs_ggd_agreement") {
        // OKO surveys more often than the GGD's four-yearly monitor: the extra round
        // needs an agreement with the GGD that still runs when the survey does (Q3).
        if (!is_survey_year(m, calendar_year)) return false;
        auto it = m.dates.find(std::string(kGgdAgreementUntil));
        const Date survey_end = instance_quarter_end(i.year_one, i.year_index, 3);
        return it == m.dates.end() || date::sys_days{it->second} < date::sys_days{survey_end};
    }
    if (g.name == "last_year") return d.years && i.year_index >= resolve_years(*d.years, m);
    if (is_rhythm_guard(g.name, d)) return in_rhythm(g.name, calendar_year, d, m);
    if (g.name == kReportAfterStartUp) {
        // A council report weeks after the start has nothing to report yet: the year's
        // report_due must lie first_report_months after the instance started.
        const std::optional<Date> report = resolve_moment("report_due", {m, &i, i.year_one});
        const int months = resolve_setting(std::string(kFirstReportMonths), d, m);
        return report && date::sys_days{*report} >=
                             date::sys_days{add_period(i.year_one, months, PeriodUnit::months)};
    }
    if (g.name == "first_period") {
        // The first of a definition that starts `every` N years: it began on its start
        // day itself, not on a later occurrence.
        const std::optional<Date> first = start_day(d.start.at, {m, &i, i.year_one});
        return !first || date::sys_days{i.year_one} <= date::sys_days{*first};
    }
    if (g.name.starts_with(kRunsPrefix)) {
        // The municipality runs that workflow too (another one may already do the work).
        const auto id = g.name.substr(kRunsPrefix.size());
        return std::find(m.workflows.begin(), m.workflows.end(), id) != m.workflows.end();
    }
    if (g.name.starts_with(kHasPrefix)) {
        auto it = i.lists.find(g.name.substr(kHasPrefix.size()));
        return it != i.lists.end() && !it->second.empty();
    }
    return false;
}

}  // namespace

bool is_survey_year(const Municipality& m, int calendar_year) {
    const int offset = calendar_year - static_cast<int>(m.trajectory_start.year());
    const int every = std::max(1, m.survey_every_years);
    return offset >= 0 && offset % every == 0;
}

std::optional<GuardExpr> parse_guard(std::string_view text) {
    GuardExpr g;
    if (text.starts_with("not ")) {
        g.negated = true;
        text.remove_prefix(4);
    }
    if (text.empty()) return std::nullopt;
    for (char c : text)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
            return std::nullopt;
    g.name = std::string(text);
    return g;
}

bool is_known_guard(const GuardExpr& g, const Definition& d) {
    if (g.name == "survey_year" || g.name == "needs_ggd_agreement") return true;
    if (g.name == "role_vacant") return d.start.trigger == StartTrigger::role_leave;
    if (g.name == "last_year") return d.years.has_value();
    if (is_rhythm_guard(g.name, d)) return true;
    if (g.name == kReportAfterStartUp) return d.settings.count(std::string(kFirstReportMonths)) > 0;
    if (g.name == "first_period")
        return d.start.trigger == StartTrigger::date && d.start.every.has_value();
    if (g.name.starts_with(kRunsPrefix)) return g.name.size() > kRunsPrefix.size();
    if (!g.name.starts_with(kHasPrefix)) return false;
    const auto list = g.name.substr(kHasPrefix.size());
    return std::find(d.required_lists.begin(), d.required_lists.end(), list) !=
           d.required_lists.end();
}

bool guard_holds(std::string_view text, const Definition& d, const Instance& i,
                 const Municipality& m) {
    if (text.empty()) return true;
    auto g = parse_guard(text);
    if (!g) return false;
    return holds(*g, d, i, m) != g->negated;
}

}  // namespace okod
