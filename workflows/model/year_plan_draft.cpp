#include "model/year_plan_draft.hpp"

#include <fmt/format.h>

namespace okod {

std::string_view to_string(DraftReason r) {
    switch (r) {
        case DraftReason::unfinished:
            return "unfinished";
        case DraftReason::recurring:
            return "recurring";
        case DraftReason::done_once:
            return "done_once";
    }
    return "unfinished";
}

namespace {

constexpr std::string_view kCarriedPrefix = "overgenomen uit ";
constexpr std::string_view kNoteSeparator = " | ";

DraftReason reason_for(const Activity& a, TrafficLight light) {
    if (light != TrafficLight::groen) return DraftReason::unfinished;
    return a.tasks.empty() ? DraftReason::done_once : DraftReason::recurring;
}

std::string remark_for(DraftReason reason, int year, TrafficLight light,
                       const std::string& status_remark) {
    const std::string was = status_remark.empty()
                                ? std::string(to_string(light))
                                : fmt::format("{} – {}", to_string(light), status_remark);
    switch (reason) {
        case DraftReason::unfinished:
            return fmt::format("{}{}: {}", kCarriedPrefix, year, was);
        case DraftReason::recurring:
            return fmt::format("{}{}: {} (terugkerende taken)", kCarriedPrefix, year, was);
        case DraftReason::done_once:
            return fmt::format("niet overgenomen: {} in {}, eenmalig (geen taken gekoppeld)", was,
                               year);
    }
    return {};
}

// The plan's own note of an activity (who, when, how), without what an earlier draft put
// before it: a plan drafted twice says where it came from once, not twice.
std::string plan_note(const std::string& remark) {
    if (!remark.starts_with(kCarriedPrefix)) return remark;
    const auto bar = remark.rfind(kNoteSeparator);
    return bar == std::string::npos ? std::string() : remark.substr(bar + kNoteSeparator.size());
}

}  // namespace

YearPlanDraft draft_next_year(const YearPlan& plan, const YearOverview& overview) {
    YearPlanDraft d;
    d.plan.municipality = plan.municipality;
    d.plan.year = plan.year + 1;
    d.plan.workgroups = plan.workgroups;
    d.plan.policy_goals = plan.policy_goals;
    for (const Activity& a : plan.activities) {
        ActivityStatus status;  // an activity the overview lacks counts as rood, never as done
        for (const auto& w : overview.workgroups)
            for (const auto& line : w.activities)
                if (line.activity.id == a.id) status = line.status;
        DraftDecision decision{
            a.id, a.workgroup, a.title, status.light, status.remark, reason_for(a, status.light),
            {}};
        decision.remark = remark_for(decision.reason, plan.year, status.light, status.remark);
        if (decision.carried()) {
            Activity next = a;
            const std::string note = plan_note(a.remark);
            next.remark = note.empty() ? decision.remark
                                       : decision.remark + std::string(kNoteSeparator) + note;
            d.plan.activities.push_back(std::move(next));
        }
        d.decisions.push_back(std::move(decision));
    }
    return d;
}

}  // namespace okod
