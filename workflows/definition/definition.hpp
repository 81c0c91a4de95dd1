#pragma once
// A workflow definition as loaded from workflows/definitions/*.toml (see
// workflows/README.md for the file format). Immutable once loaded; instances pin
// (id, version) when they start.
#include "model/instance.hpp"
#include "model/text.hpp"
#include "rules/due_rule.hpp"

#include <optional>
#include <string>
#include <vector>

namespace okod {

// Where something was written, for error messages and the event log.
struct SourcePos {
    int line = 0;
    int column = 0;
};

// A number that is either written in the definition or taken from a municipality
// setting ("cycle_years", "survey_every_years", "trajectory_years").
struct YearsSetting {
    int value = 0;
    std::string setting;  // empty when `value` is literal
};

struct Municipality;
// The number a YearsSetting stands for in municipality `m`.
int resolve_years(const YearsSetting& y, const Municipality& m);

struct TaskSpec {
    std::string id;
    Text title;
    std::string role;
    DueRule due;
    std::vector<int> remind_days;          // lead times in days before due (0 = due day)
    std::optional<Escalation> escalation;
    std::string for_each;                  // name of an instance list; one task per item
    std::string when;                      // guard: create only if it holds
    SourcePos pos;
};

struct StateSpec {
    std::string id;
    Text name;
    bool final = false;
    std::vector<TaskSpec> tasks;
    SourcePos pos;
};

enum class TriggerKind { event, timer, all_tasks_done };

struct TransitionSpec {
    std::string from;
    std::string to;
    TriggerKind trigger = TriggerKind::all_tasks_done;
    std::string event;             // TriggerKind::event
    std::optional<DueRule> timer;  // TriggerKind::timer: fires at this rule's due moment
    std::string guard;             // "name" or "not name"; empty = always
    bool next_year = false;        // advances the instance's year_index
    SourcePos pos;
};

// When the engine starts instances of this definition for a municipality.
struct StartSpec {
    std::string at = "trajectory_start";  // named municipality date of the first start
    std::optional<YearsSetting> every;    // repeat every N years; nullopt = once
    std::string until;                    // no start on or after this named date
};

struct Definition {
    std::string id;
    int version = 0;
    Text name;
    std::string initial;
    std::optional<YearsSetting> years;  // length of an instance in years (guard last_year)
    StartSpec start;
    std::vector<std::string> required_dates;  // [requires] dates
    std::vector<std::string> required_lists;  // [requires] lists
    std::vector<StateSpec> states;
    std::vector<TransitionSpec> transitions;
    std::string source_file;
    std::string source_text;

    const StateSpec* state(std::string_view id) const;
};

}  // namespace okod
