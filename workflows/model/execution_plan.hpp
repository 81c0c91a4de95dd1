#pragma once
// The execution plan after a Scanner (uitvoeringsplan middelenpreventie, Trimbos guide
// step 4-5): per recommendation of the Scanner, the actions the stakeholders agreed in
// its content meeting, each described by the eight fields of the fill-in table
// (invultabel) plus priority and considerations, and a traffic light for how far it is
// realised. Pure values and functions: no store, no clock.
//
// Recommendations are the municipality's `[lists] recommendations` (the list the
// scanner-execution-plan workflow makes one content meeting each for). When it has that
// list, an action belongs to one of them, named by its text or its number in the list
// (1 = the first); without the list any non-blank text will do.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/activity_status.hpp"
#include "model/municipality.hpp"
#include "model/traffic_light.hpp"
#include "time/instant.hpp"

namespace okod {

enum class Priority { hoog, middel, laag };
std::string_view to_string(Priority p);                         // "hoog", "middel", "laag"
std::optional<Priority> parse_priority(std::string_view text);  // exactly those words

// One action of the plan. The status is rood ("not yet realised") until someone sets it;
// oranje is partly realised or running, groen realised.
struct ExecutionAction {
    std::int64_t id = 0;         // given by the store; never reused after a removal
    std::string municipality;    // CBS code
    std::string recommendation;  // the Scanner's recommendation, as the config lists it
    // The fill-in table.
    std::string intervention;                 // 1 suggested intervention (required)
    std::string relevance;                    // 2
    std::string feasibility;                  // 3
    std::optional<std::int64_t> money_euros;  // 4 resources: money (whole euros) ...
    std::optional<double> fte;                //   ... staff (FTE) ...
    std::string other_resources;              //   ... and anything else
    std::string expected_effectiveness;       // 5 expected effectiveness ...
    // ... and is it a recognised (erkende) intervention, e.g. in the databank Effectieve
    // jeugdinterventies?
    bool recognised = false;
    std::string obstacles;    // 6
    std::string period;       // 7 free text: "sep 2026 – jun 2027"
    std::string responsible;  // 8 who is responsible
    Priority priority = Priority::middel;
    std::string considerations;  // why this priority (afwegingen)
    TrafficLight status = TrafficLight::rood;
    std::string status_remark;
    Instant created_at{};
    Instant updated_at{};
    friend bool operator==(const ExecutionAction&, const ExecutionAction&) = default;
};

// A change to an action: each field that is set replaces the action's. For money and
// FTE an inner nullopt clears the estimate. Adding an action applies a change to a
// fresh one; `okoctl execution-plan set` and PUT apply only what they were given.
struct ExecutionActionChange {
    std::optional<std::string> recommendation;
    std::optional<std::string> intervention;
    std::optional<std::string> relevance;
    std::optional<std::string> feasibility;
    std::optional<std::optional<std::int64_t>> money_euros;
    std::optional<std::optional<double>> fte;
    std::optional<std::string> other_resources;
    std::optional<std::string> expected_effectiveness;
    std::optional<bool> recognised;
    std::optional<std::string> obstacles;
    std::optional<std::string> period;
    std::optional<std::string> responsible;
    std::optional<Priority> priority;
    std::optional<std::string> considerations;
    std::optional<TrafficLight> status;
    std::optional<std::string> status_remark;

    bool empty() const;
};

void apply(const ExecutionActionChange& change, ExecutionAction& action);

// What differs between two versions of an action, in the event log's words: the JSON
// names of the fields that changed, with old → new for the short ones
// ("status rood → oranje, period"). Empty when nothing differs.
std::string describe_changes(const ExecutionAction& before, const ExecutionAction& after);

// Upper bounds of the checks below.
inline constexpr std::size_t kMaxActionTextChars = 4000;
inline constexpr double kMaxActionFte = 100;

// Everything wrong with an action on its own, one sentence each naming the field by its
// JSON name (as the API and the event log say it); empty when it is fine. Required:
// recommendation and intervention (not blank); money_euros >= 0; 0 <= fte <= 100;
// every text valid UTF-8 and at most 4000 characters.
std::vector<std::string> validate(const ExecutionAction& a);

// The municipality's recommendations (its `[lists] recommendations`), in its order.
const std::vector<std::string>& recommendations_of(const Municipality& m);

// The recommendation `text` names in `m`: its exact text (surrounding blanks ignored) or
// its number in the list ("2"). Without a list in `m`, the trimmed text itself. nullopt
// with `error` set when the list has no such recommendation.
std::optional<std::string> resolve_recommendation(const Municipality& m, std::string_view text,
                                                  std::string& error);

// 1-based position of `recommendation` in the municipality's list; 0 when not in it.
int recommendation_number(const Municipality& m, const std::string& recommendation);

// The actions of one recommendation.
struct RecommendationActions {
    std::string recommendation;
    int number = 0;  // in the municipality's list, 1-based; 0 when not (any more) in it
    std::vector<ExecutionAction> actions;  // by id
    LightCounts counts;
};

// The plan grouped per recommendation: first every recommendation of the municipality's
// list in its order (also those without actions yet), then the recommendations actions
// name that the list no longer has, in the order of their first action. Within a
// recommendation actions are in id order (the order they were added).
struct ExecutionPlan {
    std::string municipality;
    std::vector<RecommendationActions> recommendations;
    LightCounts counts;  // over all actions
    int action_count() const { return counts.total(); }
};

ExecutionPlan execution_plan(const Municipality& m, std::vector<ExecutionAction> actions);

}  // namespace okod
