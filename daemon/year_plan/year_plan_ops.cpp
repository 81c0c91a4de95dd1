#include "daemon/year_plan/year_plan_ops.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "adapters/year_plan/year_plan_toml.hpp"
#include "time/amsterdam.hpp"

namespace okod {

YearOverview overview_of_plan(Store& store, const YearPlan& plan, Instant now, Language language) {
    TaskFilter f;
    f.municipality = plan.municipality;
    return year_overview(plan, store.tasks_matching(f),
                         store.activity_overrides_of_year(plan.municipality, plan.year), now,
                         language);
}

std::string no_plan_message(const std::string& municipality, int year,
                            const std::vector<int>& years, const std::string& hint) {
    return fmt::format(
        "no year plan for {} in {} (plans for {}: {}{})", municipality, year, municipality,
        years.empty() ? std::string("none") : fmt::format("{}", fmt::join(years, ", ")),
        hint.empty() ? "" : "; " + hint);
}

CommandResult set_activity_light(Engine& engine, const YearPlan& plan, const std::string& activity,
                                 std::string_view light, const std::string& remark,
                                 const std::string& by) {
    const auto parsed = parse_traffic_light(light);
    if (!parsed)
        return CommandResult::failure(
            fmt::format("the light must be groen, oranje or rood, not '{}'", light));
    if (!plan.activity(activity))
        return CommandResult::failure(fmt::format(
            "the year plan {} {} has no activity '{}' (its activities: {})", plan.municipality,
            plan.year, activity, fmt::join(plan.activity_ids(), ", ")));
    return engine.set_activity_status(plan.municipality, plan.year, activity, *parsed, remark, by);
}

namespace {

std::string summary_of(const YearPlanDraft& d) {
    int carried = 0;
    for (const auto& x : d.decisions) carried += x.carried() ? 1 : 0;
    return fmt::format("{} van {} activiteiten overgenomen", carried, d.decisions.size());
}

}  // namespace

DraftResult draft_next_year_plan(const YearPlans& plans, Store& store, Engine* engine,
                                 const std::string& municipality, int year, Instant now,
                                 const std::string& by) {
    DraftResult r;
    r.year = year + 1;
    const auto m = store.municipality(municipality);
    const auto found = m ? plans.find(municipality, year) : std::nullopt;
    if (!found) {
        r.ok = false;
        r.refusal = Refusal::not_found;
        r.error = no_plan_message(municipality, year, plans.years(municipality));
        return r;
    }
    if (const auto next = plans.find(municipality, r.year)) {
        r.ok = false;
        r.refusal = Refusal::conflict;
        r.error = fmt::format("{} has a year plan for {} already ({}): it is not drafted again",
                              municipality, r.year, next->loaded.file);
        return r;
    }
    // Dutch: the plan's remarks are what the plan file says, whoever drafts it.
    r.draft =
        draft_next_year(found->plan(), overview_of_plan(store, found->plan(), now, Language::nl));
    const std::string when = format_local_minutes(now);
    r.toml = year_plan_toml(
        r.draft.plan,
        {fmt::format("Jaarplan {} van {}, opgesteld uit het activiteitenoverzicht {}", r.year,
                     municipality, year),
         fmt::format("door {} op {} (okod: jaarplan volgend jaar opstellen)",
                     by.empty() ? "okod" : by, when),
         "Regel: oranje en rood gaan mee; groen met taken (terugkerend) ook; groen zonder taken "
         "(eenmalig) niet."});
    std::vector<LoadError> errors;  // what is stored must load as a plans/ file would
    if (!load_year_plan_text(r.toml, stored_plan_source(municipality, r.year), municipality, r.year,
                             std::vector<Municipality>{*m}, errors)) {
        r.ok = false;
        r.error =
            "the drafted plan does not load: " + (errors.empty() ? "" : errors[0].to_string());
        return r;
    }
    if (!engine) return r;
    const StoredYearPlan stored{municipality, r.year, r.toml, year, by, now};
    const CommandResult saved = engine->save_year_plan(stored, summary_of(r.draft));
    static_cast<CommandResult&>(r) = saved;
    return r;
}

std::string year_plan_export(const FoundYearPlan& found) {
    if (found.stored) return found.stored->toml;
    return year_plan_toml(found.plan(),
                          {fmt::format("Jaarplan {} van {} (uit {})", found.plan().year,
                                       found.plan().municipality, found.loaded.file)});
}

}  // namespace okod
