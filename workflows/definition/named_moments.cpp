#include "definition/named_moments.hpp"

#include <algorithm>
#include <array>

#include "calendar/elections.hpp"
#include "definition/events_season.hpp"
#include "definition/survey_window.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "rules/instance_year.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

std::optional<Date> mark(const Instance* i, const std::string& name) {
    if (!i) return std::nullopt;
    const auto it = i->marks.find(name);
    if (it == i->marks.end()) return std::nullopt;
    return local_date(it->second);
}

std::optional<Date> started(const MomentInputs& in) {
    if (!in.instance) return std::nullopt;
    return local_date(in.instance->started_at);
}

std::optional<Date> entered(const MomentInputs& in) { return mark(in.instance, "entered"); }

std::optional<Date> year_start(const MomentInputs& in) {
    if (!in.instance) return std::nullopt;
    return instance_year(in.instance->year_one, in.instance->year_index).first;
}

std::optional<Date> trajectory_start(const MomentInputs& in) {
    return in.municipality.trajectory_start;
}

std::optional<Date> trajectory_end(const MomentInputs& in) {
    return in.municipality.trajectory_end();
}

// The first 1 January on or after the trajectory start: where a definition that counts
// calendar years starts (the data sources' publication months are calendar months). A
// trajectory from April starts such a definition the next January, never before.
std::optional<Date> first_january(const MomentInputs& in) {
    const Date start = in.municipality.trajectory_start;
    if (start.month() == date::January && start.day() == date::day{1}) return start;
    return Date{start.year() + date::years{1}, date::January, date::day{1}};
}

// The council report's day in the instance's current year: the first report_due
// (MM-DD) on or after the year's first day (rules/instance_year.hpp), so a
// trajectory from 1 October reports the next May, not the May before it started.
std::optional<Date> report_due(const MomentInputs& in) {
    if (!in.instance) return std::nullopt;
    const Municipality& m = in.municipality;
    const Date first = instance_year(in.instance->year_one, in.instance->year_index).first;
    return month_day_on_or_after(first, static_cast<unsigned>(m.report_due_month),
                                 static_cast<unsigned>(m.report_due_day));
}

std::optional<Date> election(const MomentInputs& in) {
    return next_election(in.today, in.municipality.herindeling_elections);
}

// The first day of the municipality's events season on or after today.
std::optional<Date> events_season(const MomentInputs& in) {
    return next_events_season(in.municipality, in.today);
}

std::optional<Date> events_season_kickoff(const MomentInputs& in) {
    return okod::events_season_kickoff(in.municipality, in.today);
}

std::optional<Date> survey_window_start(const MomentInputs& in) {
    if (!in.instance) return std::nullopt;
    const Date first = instance_year(in.instance->year_one, in.instance->year_index).first;
    return survey_window(in.municipality, first).start;
}

std::optional<Date> survey_window_end(const MomentInputs& in) {
    if (!in.instance) return std::nullopt;
    const Date first = instance_year(in.instance->year_one, in.instance->year_index).first;
    return survey_window(in.municipality, first).end;
}

std::optional<Date> monitoring_results(const MomentInputs& in) {
    if (!in.instance) return std::nullopt;
    return monitoring_results_day(in.municipality, *in.instance);
}

constexpr std::array<NamedMoment, 13> kMoments{{
    {"started", "the day the instance started", false, false, false, started},
    {"entered", "the day the instance entered its current state", false, false, false, entered},
    {"year_start", "the first day of the instance's current year", false, false, false, year_start},
    {"trajectory_start", "the first day of the municipality's implementation trajectory", true,
     false, false, trajectory_start},
    {"trajectory_end", "the last day of the implementation trajectory", true, true, false,
     trajectory_end},
    {"first_january", "the first 1 January on or after the trajectory start", true, false, false,
     first_january},
    {"report_due", "the yearly council report's deadline in the instance's current year", false,
     false, false, report_due},
    {"election", "the next municipal council election (herindeling included)", true, false, true,
     election},
    {"events_season", "the first day of the next events (festival) season", false, false, false,
     events_season},
    {"events_season_kickoff",
     "a kick-off in the events season: its first day, or while it is on, weeks from today", false,
     false, false, events_season_kickoff},
    {"survey_window_start", "the first day of the youth survey's field window in the instance year",
     false, false, false, survey_window_start},
    {"survey_window_end", "the last day of the youth survey's field window in the instance year",
     false, false, false, survey_window_end},
    {"monitoring_results", "the day the year's monitoring results are in (survey report or data)",
     false, false, false, monitoring_results},
}};

std::optional<Date> municipality_date(std::string_view name, const MomentInputs& in) {
    const auto& dates = in.municipality.dates;
    const auto it = dates.find(std::string(name));
    if (it == dates.end()) return std::nullopt;
    return it->second;
}

}  // namespace

std::span<const NamedMoment> named_moments() { return kMoments; }

const NamedMoment* find_named_moment(std::string_view name) {
    const auto it = std::find_if(kMoments.begin(), kMoments.end(),
                                 [&](const NamedMoment& m) { return m.name == name; });
    return it == kMoments.end() ? nullptr : &*it;
}

bool is_start_moment(std::string_view name) {
    const NamedMoment* m = find_named_moment(name);
    return m && m->can_start;
}

std::string named_moment_list(bool start_only) {
    std::string out;
    for (const auto& m : kMoments) {
        if (start_only && !m.can_start) continue;
        if (!out.empty()) out += ", ";
        out += m.name;
    }
    return out;
}

std::optional<Date> resolve_moment(std::string_view name, const MomentInputs& in) {
    if (in.instance)
        if (const auto it = in.instance->params.find(std::string(name));
            it != in.instance->params.end())
            if (auto day = parse_date(it->second)) return day;
    const NamedMoment* builtin = find_named_moment(name);
    if (builtin && !builtin->municipality_may_override)
        if (auto day = builtin->compute(in)) return day;
    if (auto day = municipality_date(name, in)) return day;
    if (builtin && builtin->municipality_may_override)
        if (auto day = builtin->compute(in)) return day;
    return mark(in.instance, std::string(name));
}

std::optional<Date> start_day(std::string_view at, const MomentInputs& in) {
    const MomentInputs outside{in.municipality, nullptr, in.today};
    const NamedMoment* builtin = find_named_moment(at);
    if (!builtin || !builtin->can_start) return municipality_date(at, outside);
    if (builtin->municipality_may_override)
        if (auto day = municipality_date(at, outside)) return day;
    auto day = builtin->compute(outside);
    if (day && builtin->start_day_after) day = add_days(*day, 1);
    return day;
}

}  // namespace okod
