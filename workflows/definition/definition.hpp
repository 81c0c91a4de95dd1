#pragma once
// A workflow definition as loaded from workflows/definitions/*.toml (see
// workflows/README.md for the file format). Immutable once loaded; instances pin
// (id, version) when they start.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/instance.hpp"
#include "model/text.hpp"
#include "rules/due_rule.hpp"

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
// Whether `name` is one of the numbers every municipality has ("cycle_years",
// "survey_every_years", "trajectory_years"), and those names for error messages.
bool is_municipality_setting(std::string_view name);
std::string municipality_setting_names();  // "cycle_years, survey_every_years, ..."

// A document okod makes itself and sends with a task's reminders (and writes to its
// reports directory): the draft yearly report, so that the regisseur completes and
// sends a report okod already wrote instead of starting from a blank page.
enum class TaskAttachment { none, annual_report };

struct TaskSpec {
    std::string id;
    Text title;
    std::string role;
    // Addressed to one person ("{leaver}", "{successor}"), not to every holder of
    // `role`: the task is theirs while they hold `role`. Once they do not (the morning
    // after a leaver's last day), it goes to `then_role` ("{coordinator}"), or to
    // `role` when that is empty. A person not known when the task is made: `role`'s.
    std::string person;
    std::string then_role;
    DueRule due;
    std::vector<int> remind_days;  // lead times in days before due (0 = due day)
    std::optional<Escalation> escalation;
    std::string for_each;  // name of an instance list; one task per item
    std::string when;      // guard: create only if it holds
    bool report = false;   // a reporting deadline (council, college, ministry): listed apart
    TaskAttachment attach = TaskAttachment::none;
    // Why this task may be created with its deadline already past (the late-start rule
    // then leaves it); empty: a deadline before creation moves (see late_start_day).
    std::string overdue_at_creation;
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

// What starts an instance. `date`: a named municipality date (`at`, `every`, `until`).
// The others are things okod watches for; each gives its instances parameters (see
// trigger_params) that titles, roles and due rules can use.
enum class StartTrigger { date, election, role_leave, budget_line, capacity_shortfall };
std::string_view to_string(StartTrigger t);
std::optional<StartTrigger> parse_start_trigger(std::string_view text);

// The parameters an instance started by `t` carries; the ones in trigger_dates are
// ISO dates and so named moments.
const std::vector<std::string_view>& trigger_params(StartTrigger t);
const std::vector<std::string_view>& trigger_dates(StartTrigger t);
// The params that name a role (usable as `role = "{role}"`).
const std::vector<std::string_view>& trigger_roles(StartTrigger t);
// The params that name a person (usable as `person = "{leaver}"`). {successor} and
// {successor_name} are set once a successor is known; until then a title says "de
// opvolger" / "the successor" and a task for {successor} is the role's.
const std::vector<std::string_view>& trigger_people(StartTrigger t);
inline constexpr std::string_view kSuccessorParam = "successor";
inline constexpr std::string_view kSuccessorNameParam = "successor_name";

// When the engine starts instances of this definition for a municipality.
struct StartSpec {
    StartTrigger trigger = StartTrigger::date;
    std::string at = "trajectory_start";  // named municipality date of the first start
    std::optional<YearsSetting> every;    // repeat every N years; nullopt = once
    std::string until;                    // no start on or after this named date
    // election, budget_line: start this many days before the election / the line's end.
    std::optional<YearsSetting> days_before;
};

// What okod's yearly report takes from a workflow besides its tasks ([annual_report]
// in the file), so the report names no definition id.
struct AnnualReportUse {
    // Its tasks are the implementation trajectory's steps (the process monitor).
    bool trajectory_steps = false;
    // A municipality running it gets the execution-plan section, even before the
    // first action is recorded.
    bool execution_plan = false;
};

struct Definition {
    std::string id;
    int version = 0;
    Text name;
    std::string initial;
    std::optional<YearsSetting> years;  // length of an instance in years (guard last_year)
    StartSpec start;
    // Numbers a municipality may change ([settings] in its file), with their defaults:
    // lead times such as "starter_pack_days_before".
    std::map<std::string, int> settings;
    std::vector<std::string> required_dates;  // [requires] dates
    std::vector<std::string> required_lists;  // [requires] lists
    AnnualReportUse annual_report;
    std::vector<StateSpec> states;
    std::vector<TransitionSpec> transitions;
    std::string source_file;
    std::string source_text;

    const StateSpec* state(std::string_view id) const;
};

// The number a setting-or-literal stands for in municipality `m`: the literal, a
// built-in municipality setting, the municipality's [settings] value or the
// definition's default.
int resolve_setting(const YearsSetting& y, const Definition& d, const Municipality& m);
int resolve_setting(const std::string& name, const Definition& d, const Municipality& m);
// A setting read where no definition is at hand (a named moment, the survey window):
// the municipality's [settings] value kept within lo..hi, or `fallback`, the default its
// definitions declare too.
int municipality_setting_or(const Municipality& m, const std::string& name, int fallback, int lo,
                            int hi);

}  // namespace okod
