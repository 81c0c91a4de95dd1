// The TOML definition loader and the semantic validation behind it: every class of
// error is pinned to its exact message, line and column, because those are what a
// user editing a definition sees.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <variant>

#include "adapters/definitions/toml_definition_loader.hpp"
#include "daemon/commands/validate_command.hpp"
#include "definition/validate.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::write_file;

constexpr const char* kRoles = R"([roles.regisseur]
nl = "Regisseur"
en = "Project leader"

[roles.ggd-contact]
nl = "Contactpersoon GGD"
)";

// A small valid definition. Tests replace single lines so line numbers stay put:
//  6 [[states]] a    10 its task "do"    14 its due rule    16 [[states]] b
// 21 [[transitions]] a -> b
constexpr const char* kBase = R"(id = "t"
version = 1
initial = "a"
name = { nl = "Test" }

[[states]]
id = "a"
name = { nl = "A" }

  [[states.tasks]]
  id = "do"
  title = { nl = "Doen" }
  role = "regisseur"
  due = { quarter_end = 2 }

[[states]]
id = "b"
name = { nl = "B" }
final = true

[[transitions]]
from = "a"
to = "b"
on = "all_tasks_done"
)";

// `text` with its first line equal to `from` replaced by `to`.
std::string replace_line(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from + "\n");
    EXPECT_NE(at, std::string::npos) << "no line '" << from << "'";
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// "name.toml:line:col: message" with the directory left off, for readable expectations.
std::vector<std::string> errors_of(const DefinitionSet& set) {
    std::vector<std::string> out;
    for (LoadError e : set.errors) {
        e.file = fs::path(e.file).filename().string();
        out.push_back(e.to_string());
    }
    return out;
}
using Errors = std::vector<std::string>;

class DefinitionLoader : public ::testing::Test {
protected:
    void SetUp() override { write_file(dir_ / "roles.toml", kRoles); }

    DefinitionSet load(const std::string& text) {
        write_file(dir_ / "def.toml", text);
        return load_definition_dir(dir_.path());
    }
    Errors errors(const std::string& text) { return errors_of(load(text)); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    TempDir dir_;
};

TEST_F(DefinitionLoader, base_fixture_is_valid) {
    const DefinitionSet set = load(kBase);
    EXPECT_EQ(errors_of(set), Errors{});
    ASSERT_EQ(set.definitions.size(), 1u);
    EXPECT_TRUE(set.ok());
    EXPECT_EQ(set.roles.ids(), "ggd-contact, regisseur");
}

TEST_F(DefinitionLoader, reports_toml_syntax_errors_with_their_position) {
    EXPECT_EQ(errors(replace_line(kBase, "version = 1", "version = ")),
              Errors{"def.toml:2:11: Error while parsing key-value pair: expected value, saw "
                     "'\\n'"});
}

TEST_F(DefinitionLoader, reports_missing_dutch_title_at_the_title) {
    EXPECT_EQ(
        errors(replace_line(kBase, "  title = { nl = \"Doen\" }", "  title = { en = \"Do it\" }")),
        Errors{"def.toml:12:11: task 'do' has no Dutch title (title.nl)"});
}

TEST_F(DefinitionLoader, reports_missing_dutch_names_of_definition_and_state) {
    auto text = replace_line(kBase, "name = { nl = \"Test\" }", "name = { en = \"Test\" }");
    text = replace_line(text, "name = { nl = \"B\" }", "");
    EXPECT_EQ(errors(text), (Errors{"def.toml:4:8: definition has no Dutch name (name.nl)",
                                    "def.toml:16:1: state 'b' has no Dutch name (name.nl)"}));
}

TEST_F(DefinitionLoader, reports_transition_to_unknown_state_and_what_follows) {
    // Both errors: the typo, and the state nobody can reach any more.
    EXPECT_EQ(errors(replace_line(kBase, "to = \"b\"", "to = \"bb\"")),
              (Errors{"def.toml:16:1: state 'b' is unreachable from the initial state 'a'",
                      "def.toml:23:6: transition goes to unknown state 'bb'"}));
}

TEST_F(DefinitionLoader, reports_transition_from_unknown_state) {
    EXPECT_EQ(errors(replace_line(kBase, "from = \"a\"", "from = \"aa\"")),
              (Errors{"def.toml:6:1: state 'a' has no way out: add a transition or mark it final",
                      "def.toml:16:1: state 'b' is unreachable from the initial state 'a'",
                      "def.toml:22:8: transition comes from unknown state 'aa'"}));
}

TEST_F(DefinitionLoader, reports_unknown_initial_state) {
    EXPECT_EQ(errors(replace_line(kBase, "initial = \"a\"", "initial = \"start\"")),
              Errors{"def.toml:3:11: initial state 'start' does not exist (states: a, b)"});
}

TEST_F(DefinitionLoader, reports_unreachable_state) {
    const std::string text = std::string(kBase) + R"(
[[states]]
id = "c"
name = { nl = "C" }

[[transitions]]
from = "c"
to = "b"
on = "skip"
)";
    EXPECT_EQ(errors(text),
              Errors{"def.toml:26:1: state 'c' is unreachable from the initial state 'a'"});
}

TEST_F(DefinitionLoader, reports_state_without_way_out_and_transitions_out_of_final_states) {
    auto text = replace_line(kBase, "final = true", "final = false");
    EXPECT_EQ(errors(text),
              Errors{"def.toml:16:1: state 'b' has no way out: add a transition or mark it final"});
    text = std::string(kBase) + R"(
[[transitions]]
from = "b"
to = "a"
on = "reopen"
)";
    EXPECT_EQ(errors(text), Errors{"def.toml:27:8: transition leaves final state 'b': a final "
                                   "state ends the instance"});
}

TEST_F(DefinitionLoader, reports_duplicate_state_id) {
    const std::string text = replace_line(kBase, "id = \"b\"", "id = \"a\"");
    EXPECT_EQ(errors(replace_line(text, "to = \"b\"", "to = \"a\"")),
              Errors{"def.toml:17:6: duplicate state id 'a' (first defined on line 6)"});
}

TEST_F(DefinitionLoader, reports_duplicate_task_id_across_states) {
    const std::string text = replace_line(kBase, "final = true", R"(final = false

  [[states.tasks]]
  id = "do"
  title = { nl = "Nog eens" }
  role = "regisseur"
  due = { quarter_end = 4 }

[[transitions]]
from = "b"
to = "a"
on = "again")");
    EXPECT_EQ(errors(text),
              Errors{"def.toml:22:8: duplicate task id 'do' (first defined on line 10)"});
}

TEST_F(DefinitionLoader, reports_due_rule_with_two_forms) {
    EXPECT_EQ(errors(replace_line(kBase, "  due = { quarter_end = 2 }",
                                  "  due = { quarter_end = 2, date = 2022-03-31 }")),
              Errors{"def.toml:14:9: due rule has more than one form ('date' and "
                     "'quarter_end'): use exactly one"});
}

TEST_F(DefinitionLoader, reports_due_rule_without_form) {
    EXPECT_EQ(
        errors(replace_line(kBase, "  due = { quarter_end = 2 }", "  due = { at = \"09:00\" }")),
        Errors{"def.toml:14:9: due rule has no form: use one of 'date', 'quarter_end', "
               "'after', 'before' or 'every_years'"});
}

TEST_F(DefinitionLoader, reports_quarter_out_of_range) {
    EXPECT_EQ(errors(replace_line(kBase, "  due = { quarter_end = 2 }",
                                  "  due = { quarter_end = 5, year = -1 }")),
              (Errors{"def.toml:14:25: quarter_end must be between 1 and 4, got 5",
                      "def.toml:14:35: year must be 0 or more, got -1"}));
}

TEST_F(DefinitionLoader, reports_bad_deadline_time) {
    EXPECT_EQ(errors(replace_line(kBase, "  due = { quarter_end = 2 }",
                                  "  due = { quarter_end = 2, at = \"9:00\" }")),
              Errors{"def.toml:14:33: 'at' must be a time HH:MM, got '9:00'"});
}

TEST_F(DefinitionLoader, reports_bad_due_rule_details) {
    const auto with_due = [&](const std::string& due) {
        return errors(replace_line(kBase, "  due = { quarter_end = 2 }", "  due = " + due));
    };
    EXPECT_EQ(with_due("{ after = \"started\" }"),
              Errors{"def.toml:14:9: 'after' needs an amount: 'days', 'weeks', 'months' or "
                     "'years'"});
    EXPECT_EQ(with_due("{ after = \"started\", days = 1, weeks = 2 }"),
              Errors{"def.toml:14:9: 'after' takes one amount, got 'days' and 'weeks'"});
    EXPECT_EQ(with_due("{ before = \"election\", years = 1 }"),
              (Errors{"def.toml:14:9: 'before' needs an amount: 'days', 'weeks' or 'months'",
                      "def.toml:14:40: 'years' only goes with 'after', not 'before'"}));
    EXPECT_EQ(with_due("{ after = \"started\", months = -2 }"),
              Errors{"def.toml:14:39: 'months' must be 0 or more, got -2"});
    EXPECT_EQ(with_due("{ every_years = 0, from = \"trajectory_start\" }"),
              Errors{"def.toml:14:25: every_years must be at least 1, got 0"});
    EXPECT_EQ(with_due("{ quarter_end = 1, business_day = \"next\" }"),
              Errors{"def.toml:14:43: 'business_day' must be 'before' or 'after', got 'next'"});
    EXPECT_EQ(with_due("{ date = \"2022-3-31\" }"),
              Errors{"def.toml:14:18: 'date' must be a date YYYY-MM-DD, got '2022-3-31'"});
    EXPECT_EQ(with_due("{ quarter_end = 1, dayz = 3 }"),
              Errors{"def.toml:14:28: unknown key 'dayz' in due rule"});
    EXPECT_EQ(with_due("\"Q2\""), Errors{"def.toml:14:9: expected a table for 'due', got string"});
}

TEST_F(DefinitionLoader, reports_unknown_role_listing_known_roles) {
    EXPECT_EQ(errors(replace_line(kBase, "  role = \"regisseur\"", "  role = \"ggd\"")),
              Errors{"def.toml:13:10: unknown role 'ggd' (known roles: ggd-contact, regisseur)"});
}

TEST_F(DefinitionLoader, reports_unknown_escalation_role_and_negative_reminders) {
    const std::string text = replace_line(kBase, "  role = \"regisseur\"", R"(  role = "regisseur"
  remind_days = [3, -1, 3]
  escalate = { after_days = -2, to = "wethouder" })");
    EXPECT_EQ(errors(text),
              (Errors{"def.toml:14:21: remind_days must be 0 or more, got -1",
                      "def.toml:14:25: remind_days lists 3 more than once",
                      "def.toml:15:29: escalate.after_days must be 0 or more, got -2",
                      "def.toml:15:38: unknown escalation role 'wethouder' (known roles: "
                      "ggd-contact, regisseur)"}));
}

TEST_F(DefinitionLoader, reports_unknown_guards) {
    const std::string text = replace_line(kBase, "  role = \"regisseur\"", R"(  role = "regisseur"
  when = "has_schools")") + "guard = \"not survey_yaer\"\n";
    EXPECT_EQ(errors(text),
              (Errors{"def.toml:14:10: guard 'has_schools' names list 'schools', which is not "
                      "declared in [requires] lists",
                      "def.toml:26:9: unknown guard 'survey_yaer' (known guards: survey_year, "
                      "last_year, needs_ggd_agreement, role_vacant, has_<list>, <name>_year "
                      "with settings <name>_year and <name>_every_years)"}));
    EXPECT_EQ(errors(std::string(kBase) + "guard = \"last_year\"\n"),
              Errors{"def.toml:25:9: guard 'last_year' needs 'years' to be set"});
    EXPECT_EQ(errors(std::string(kBase) + "guard = \"Last Year\"\n"),
              Errors{"def.toml:25:9: malformed guard 'Last Year': write a guard name, "
                     "optionally preceded by 'not '"});
}

// A rhythm guard ("hbsc_year") is known when the definition declares its year and its
// interval as settings; without them it is an error that says what to add.
TEST_F(DefinitionLoader, a_rhythm_guard_needs_its_year_and_interval_as_settings) {
    const std::string guarded =
        replace_line(kBase, "  role = \"regisseur\"", R"(  role = "regisseur"
  when = "hbsc_year")");
    EXPECT_EQ(errors(guarded),
              Errors{"def.toml:14:10: guard 'hbsc_year' needs settings 'hbsc_year' and "
                     "'hbsc_every_years' under [settings]"});
    EXPECT_EQ(errors(guarded + "\n[settings]\nhbsc_year = 2022\nhbsc_every_years = 4\n"), Errors{});
}

// What the yearly report takes from a workflow is data in its file, not its id in okod.
TEST_F(DefinitionLoader, reads_what_the_yearly_report_takes_from_a_workflow) {
    const auto plain = load(kBase);
    ASSERT_EQ(plain.definitions.size(), 1u);
    EXPECT_FALSE(plain.definitions[0].annual_report.trajectory_steps);
    EXPECT_FALSE(plain.definitions[0].annual_report.execution_plan);

    const auto set = load(std::string(kBase) + "\n[annual_report]\ntrajectory_steps = true\n");
    EXPECT_EQ(errors_of(set), Errors{});
    ASSERT_EQ(set.definitions.size(), 1u);
    EXPECT_TRUE(set.definitions[0].annual_report.trajectory_steps);
    EXPECT_FALSE(set.definitions[0].annual_report.execution_plan);

    EXPECT_EQ(errors(std::string(kBase) + "\n[annual_report]\nexecution_plan = \"yes\"\n"
                                          "excution_plan = true\n"),
              (Errors{"def.toml:27:18: expected a boolean for 'execution_plan', got string",
                      "def.toml:28:1: unknown key 'excution_plan' in annual_report"}));
}

TEST_F(DefinitionLoader, the_shipped_definitions_say_what_the_yearly_report_takes) {
    const DefinitionSet set = load_definition_dir(test::source_path("workflows/definitions"));
    ASSERT_TRUE(set.ok());
    std::vector<std::string> steps, plans;
    for (const auto& d : set.definitions) {
        if (d.annual_report.trajectory_steps) steps.push_back(d.id);
        if (d.annual_report.execution_plan) plans.push_back(d.id);
    }
    EXPECT_EQ(steps, std::vector<std::string>{"implementation-trajectory"});
    EXPECT_EQ(plans, std::vector<std::string>{"scanner-execution-plan"});
}

TEST_F(DefinitionLoader, reports_unknown_named_moments) {
    auto text = replace_line(kBase, "  due = { quarter_end = 2 }",
                             "  due = { after = \"survey.done\", months = 2 }");
    text += R"(
[[transitions]]
from = "a"
to = "b"
after = { before = "elektion", days = 90 }
)";
    EXPECT_EQ(errors(text),
              (Errors{"def.toml:14:19: unknown moment 'survey.done': this definition has no "
                      "task 'survey'",
                      "def.toml:29:20: unknown moment 'elektion' (use started, entered, "
                      "year_start, trajectory_start, trajectory_end, first_january, report_due, "
                      "election, events_season, events_season_kickoff, survey_window_start, "
                      "survey_window_end, monitoring_results, <task id>.done, an event name or "
                      "a [requires] date)"}));
}

TEST_F(DefinitionLoader, accepts_task_events_and_required_dates_as_moments) {
    auto text = replace_line(kBase, "  due = { quarter_end = 2 }",
                             "  due = { after = \"do.done\", months = 2 }");
    text = replace_line(text, "initial = \"a\"", "initial = \"a\"\nrequires.dates = [\"kickoff\"]");
    text += R"(
[[transitions]]
from = "a"
to = "b"
after = { before = "kickoff", days = 1 }

[[transitions]]
from = "a"
to = "b"
after = { after = "approved", weeks = 1 }

[[transitions]]
from = "a"
to = "b"
on = "approved"
)";
    EXPECT_EQ(errors(text), Errors{});
}

TEST_F(DefinitionLoader, reports_for_each_on_undeclared_list) {
    EXPECT_EQ(errors(replace_line(kBase, "  role = \"regisseur\"",
                                  "  role = \"regisseur\"\n  for_each = \"recommendations\"")),
              Errors{"def.toml:14:14: for_each names list 'recommendations', which is not "
                     "declared in [requires] lists"});
}

TEST_F(DefinitionLoader, reports_unknown_keys) {
    // The typo is reported, and so is the title it was meant to be.
    EXPECT_EQ(
        errors(replace_line(kBase, "  title = { nl = \"Doen\" }", "  titel = { nl = \"Doen\" }")),
        (Errors{"def.toml:10:3: task 'do' has no Dutch title (title.nl)",
                "def.toml:12:3: unknown key 'titel' in task"}));
    EXPECT_EQ(
        errors(replace_line(kBase, "name = { nl = \"A\" }", "name = { nl = \"A\", de = \"A\" }")),
        Errors{"def.toml:8:20: unknown key 'de' in name"});
    EXPECT_EQ(errors(std::string("versoin = 2\n") + kBase),
              Errors{"def.toml:1:1: unknown key 'versoin' in definition"});
}

TEST_F(DefinitionLoader, reports_wrong_types) {
    EXPECT_EQ(errors(replace_line(kBase, "version = 1", "version = \"1\"")),
              Errors{"def.toml:2:11: expected an integer for 'version', got string"});
    EXPECT_EQ(errors(std::string(kBase) + "next_year = \"yes\"\n"),
              Errors{"def.toml:25:13: expected a boolean for 'next_year', got string"});
    EXPECT_EQ(errors(replace_line(kBase, "version = 1", "version = 1\nyears = 2.5")),
              Errors{"def.toml:3:9: expected an integer or a setting name for 'years', got "
                     "float"});
}

TEST_F(DefinitionLoader, reports_bad_header_values) {
    auto text = replace_line(kBase, "version = 1", "version = 0\nyears = \"cycle_jaren\"");
    text = replace_line(text, "id = \"t\"", "id = \"OKO cycle\"");
    EXPECT_EQ(errors(text),
              (Errors{"def.toml:1:6: definition id 'OKO cycle' may only contain lowercase "
                      "letters, digits and '-'",
                      "def.toml:2:11: 'version' must be at least 1, got 0",
                      "def.toml:3:9: unknown setting 'cycle_jaren' for 'years' (use "
                      "cycle_years, survey_every_years or trajectory_years)"}));
}

TEST_F(DefinitionLoader, reports_missing_required_keys_at_their_table) {
    EXPECT_EQ(errors(replace_line(kBase, "  role = \"regisseur\"", "")),
              Errors{"def.toml:10:3: missing required key 'role' in task"});
    EXPECT_EQ(errors(replace_line(kBase, "initial = \"a\"", "")),
              Errors{"def.toml:1:1: missing required key 'initial' in definition"});
    EXPECT_EQ(errors(replace_line(kBase, "  id = \"do\"", "  id = \"\"")),
              Errors{"def.toml:11:8: 'id' must not be empty"});
    EXPECT_EQ(errors("id = \"t\"\nversion = 1\ninitial = \"a\"\nname = { nl = \"Test\" }\n"),
              Errors{"def.toml:1:1: definition has no states: add at least one [[states]]"});
}

TEST_F(DefinitionLoader, requires_exactly_one_trigger_per_transition) {
    EXPECT_EQ(errors(replace_line(kBase, "on = \"all_tasks_done\"", "")),
              Errors{"def.toml:21:1: transition needs a trigger: 'on' or 'after'"});
    EXPECT_EQ(errors(replace_line(kBase, "on = \"all_tasks_done\"",
                                  "on = \"x\"\nafter = { after = \"entered\", days = 1 }")),
              Errors{"def.toml:21:1: transition has both 'on' and 'after': use one"});
}

TEST_F(DefinitionLoader, reports_duplicate_definition_id_across_files) {
    write_file(dir_ / "a.toml", kBase);
    write_file(dir_ / "b.toml", kBase);
    const DefinitionSet set = load_definition_dir(dir_.path());
    ASSERT_EQ(set.errors.size(), 1u);
    EXPECT_EQ(set.errors[0].file, path("b.toml"));
    EXPECT_EQ(set.errors[0].line, 1);
    EXPECT_EQ(set.errors[0].column, 6);
    EXPECT_EQ(set.errors[0].message,
              "duplicate definition id 't' (also in " + path("a.toml") + ")");
    ASSERT_EQ(set.definitions.size(), 1u);
    EXPECT_EQ(set.definitions[0].source_file, path("a.toml"));
}

// "runs_<id>" leaves a task out when the municipality runs that workflow too; a misspelt
// id would be false for ever, and the task it guards would come back twice.
TEST_F(DefinitionLoader, a_runs_guard_must_name_a_definition_of_the_directory) {
    write_file(dir_ / "a.toml", kBase);
    const std::string guarded =
        replace_line(replace_line(kBase, "id = \"t\"", "id = \"u\""), "  role = \"regisseur\"",
                     "  role = \"regisseur\"\n  when = \"not runs_t\"");
    write_file(dir_ / "b.toml", guarded);
    EXPECT_EQ(errors_of(load_definition_dir(dir_.path())), Errors{});
    write_file(dir_ / "b.toml",
               replace_line(guarded, "  when = \"not runs_t\"", "  when = \"not runs_tt\""));
    EXPECT_EQ(errors_of(load_definition_dir(dir_.path())),
              Errors{"b.toml:14:10: guard 'runs_tt' names workflow 'tt', which is not among the "
                     "definitions"});
}

TEST_F(DefinitionLoader, collects_errors_of_every_file) {
    write_file(dir_ / "a.toml", replace_line(kBase, "version = 1", "version = true"));
    write_file(dir_ / "b.toml", replace_line(kBase, "id = \"t\"", "id = \"u\"\nbogus = 1"));
    EXPECT_EQ(errors_of(load_definition_dir(dir_.path())),
              (Errors{"a.toml:2:11: expected an integer for 'version', got boolean",
                      "b.toml:2:1: unknown key 'bogus' in definition"}));
}

TEST_F(DefinitionLoader, needs_a_role_catalogue) {
    fs::remove(dir_ / "roles.toml");
    write_file(dir_ / "def.toml", kBase);
    const DefinitionSet set = load_definition_dir(dir_.path());
    // The missing catalogue is reported once, not again as an unknown role per task.
    ASSERT_EQ(set.errors.size(), 1u);
    EXPECT_EQ(set.errors[0].to_string(),
              path("roles.toml") +
                  ": cannot read: no such file or directory (every definitions directory needs "
                  "a roles.toml, the role catalogue)");
}

TEST_F(DefinitionLoader, checks_the_role_catalogue) {
    write_file(dir_ / "roles.toml", R"([roles.regisseur]
en = "Project leader"
nl = "Regisseur"

[roles.ggd-contact]
en = "GGD contact"
kleur = "blauw"

[team]
)");
    write_file(dir_ / "def.toml", kBase);
    EXPECT_EQ(errors_of(load_definition_dir(dir_.path())),
              (Errors{"roles.toml:5:1: role 'ggd-contact' has no Dutch name (nl)",
                      "roles.toml:7:1: unknown key 'kleur' in role 'ggd-contact'",
                      "roles.toml:9:2: unknown key 'team' in role catalogue"}));
}

TEST_F(DefinitionLoader, loads_listed_files_against_their_directory_roles) {
    write_file(dir_ / "def.toml", kBase);
    const DefinitionSet set =
        load_definition_files({dir_ / "def.toml", dir_ / "roles.toml", dir_ / "missing.toml"});
    ASSERT_EQ(set.errors.size(), 1u);
    EXPECT_EQ(set.errors[0].line, 0);
    EXPECT_EQ(set.errors[0].to_string(),
              path("missing.toml") + ": cannot read: no such file or directory");
    ASSERT_EQ(set.definitions.size(), 1u);
    EXPECT_EQ(set.roles.roles.size(), 2u);
}

TEST_F(DefinitionLoader, round_trips_a_full_definition_into_the_model) {
    const std::string text = R"(id = "oko-test"
version = 3
initial = "monitoring"
years = "cycle_years"

[name]
nl = "OKO-test"
en = "OKO test"

[start]
at = "trajectory_start"
every = 4
until = "trajectory_end"

[requires]
dates = ["scanner_date"]
lists = ["recommendations"]

[[states]]
id = "monitoring"
name = { nl = "Monitoring", en = "Monitoring" }

  [[states.tasks]]
  id = "survey"
  title = { nl = "Jeugdmonitor afnemen", en = "Run the survey" }
  role = "ggd-contact"
  due = { quarter_end = 3, school_time = "before" }
  remind_days = [14, 3, 0]
  escalate = { after_days = 7, to = "regisseur" }
  when = "survey_year"

  [[states.tasks]]
  id = "report"
  title = { nl = "Rapport" }
  role = "regisseur"
  due = { after = "survey.done", months = 2, business_day = "after", at = "09:30" }

[[states]]
id = "policy"
name = { nl = "Beleid" }

  [[states.tasks]]
  id = "action"
  title = { nl = "Actie {item}" }
  role = "regisseur"
  due = { date = 2022-03-31 }
  for_each = "recommendations"

  [[states.tasks]]
  id = "scan"
  title = { nl = "Scan" }
  role = "regisseur"
  due = { before = "scanner_date", weeks = 2 }

  [[states.tasks]]
  id = "council"
  title = { nl = "Raad" }
  role = "regisseur"
  due = { every_years = 2, from = "trajectory_start" }

  [[states.tasks]]
  id = "q4"
  title = { nl = "Q4" }
  role = "regisseur"
  due = { quarter_end = 4, year = 1, business_day = "before" }

  [[states.tasks]]
  id = "fixed"
  title = { nl = "Vast" }
  role = "regisseur"
  due = { date = "2023-01-15" }

[[states]]
id = "done"
name = { nl = "Klaar" }
final = true

[[transitions]]
from = "monitoring"
to = "policy"
on = "all_tasks_done"

[[transitions]]
from = "policy"
to = "monitoring"
on = "all_tasks_done"
guard = "not last_year"
next_year = true

[[transitions]]
from = "monitoring"
to = "done"
on = "cancelled"

[[transitions]]
from = "policy"
to = "done"
after = { after = "entered", days = 30 }
guard = "has_recommendations"
)";
    std::vector<LoadError> load_errors;
    RoleCatalog roles = parse_roles(kRoles, "roles.toml", load_errors);
    const auto d = parse_definition(text, "oko-test.toml", roles, load_errors);
    ASSERT_EQ(errors_of(DefinitionSet{{}, {}, load_errors}), Errors{});
    ASSERT_TRUE(d);

    EXPECT_EQ(d->id, "oko-test");
    EXPECT_EQ(d->version, 3);
    EXPECT_EQ(d->initial, "monitoring");
    EXPECT_EQ(d->name, (Text{"OKO-test", "OKO test"}));
    ASSERT_TRUE(d->years);
    EXPECT_EQ(d->years->setting, "cycle_years");
    EXPECT_EQ(d->start.at, "trajectory_start");
    ASSERT_TRUE(d->start.every);
    EXPECT_EQ(d->start.every->value, 4);
    EXPECT_TRUE(d->start.every->setting.empty());
    EXPECT_EQ(d->start.until, "trajectory_end");
    EXPECT_EQ(d->required_dates, std::vector<std::string>{"scanner_date"});
    EXPECT_EQ(d->required_lists, std::vector<std::string>{"recommendations"});
    EXPECT_EQ(d->source_file, "oko-test.toml");
    EXPECT_EQ(d->source_text, text);

    ASSERT_EQ(d->states.size(), 3u);
    const StateSpec& monitoring = d->states[0];
    EXPECT_EQ(monitoring.id, "monitoring");
    EXPECT_EQ(monitoring.name, (Text{"Monitoring", "Monitoring"}));
    EXPECT_FALSE(monitoring.final);
    EXPECT_EQ(monitoring.pos.line, 19);
    EXPECT_EQ(monitoring.pos.column, 1);
    ASSERT_EQ(monitoring.tasks.size(), 2u);

    const TaskSpec& survey = monitoring.tasks[0];
    EXPECT_EQ(survey.id, "survey");
    EXPECT_EQ(survey.title, (Text{"Jeugdmonitor afnemen", "Run the survey"}));
    EXPECT_EQ(survey.role, "ggd-contact");
    EXPECT_EQ(survey.pos.line, 23);
    EXPECT_EQ(survey.pos.column, 3);
    const auto* q3 = std::get_if<QuarterEnd>(&survey.due.kind);
    ASSERT_TRUE(q3);
    EXPECT_EQ(q3->quarter, 3);
    EXPECT_EQ(q3->year, 0);
    EXPECT_EQ(survey.due.school_time, Shift::before);
    EXPECT_EQ(survey.due.business_day, Shift::none);
    EXPECT_FALSE(survey.due.at);
    EXPECT_EQ(survey.remind_days, (std::vector<int>{14, 3, 0}));
    EXPECT_EQ(survey.escalation, (Escalation{7, "regisseur"}));
    EXPECT_EQ(survey.when, "survey_year");
    EXPECT_TRUE(survey.for_each.empty());

    const TaskSpec& report = monitoring.tasks[1];
    const auto* after = std::get_if<AfterMoment>(&report.due.kind);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->anchor, "survey.done");
    EXPECT_EQ(after->amount, 2);
    EXPECT_EQ(after->unit, PeriodUnit::months);
    EXPECT_EQ(report.due.business_day, Shift::after);
    EXPECT_EQ(report.due.at, TimeOfDay{9 * 60 + 30});
    EXPECT_TRUE(report.remind_days.empty());
    EXPECT_FALSE(report.escalation);

    const StateSpec& policy = d->states[1];
    ASSERT_EQ(policy.tasks.size(), 5u);
    const auto* absolute = std::get_if<AbsoluteDate>(&policy.tasks[0].due.kind);
    ASSERT_TRUE(absolute);
    EXPECT_EQ(absolute->date, date::year{2022} / 3 / 31);
    EXPECT_EQ(policy.tasks[0].for_each, "recommendations");
    EXPECT_EQ(policy.tasks[0].title.nl, "Actie {item}");
    const auto* before = std::get_if<BeforeDate>(&policy.tasks[1].due.kind);
    ASSERT_TRUE(before);
    EXPECT_EQ(before->anchor, "scanner_date");
    EXPECT_EQ(before->amount, 2);
    EXPECT_EQ(before->unit, PeriodUnit::weeks);
    const auto* every = std::get_if<EveryYears>(&policy.tasks[2].due.kind);
    ASSERT_TRUE(every);
    EXPECT_EQ(every->every, 2);
    EXPECT_EQ(every->anchor, "trajectory_start");
    const auto* q4 = std::get_if<QuarterEnd>(&policy.tasks[3].due.kind);
    ASSERT_TRUE(q4);
    EXPECT_EQ(q4->quarter, 4);
    EXPECT_EQ(q4->year, 1);
    EXPECT_EQ(policy.tasks[3].due.business_day, Shift::before);
    const auto* fixed = std::get_if<AbsoluteDate>(&policy.tasks[4].due.kind);
    ASSERT_TRUE(fixed);
    EXPECT_EQ(fixed->date, date::year{2023} / 1 / 15);

    EXPECT_TRUE(d->states[2].final);
    EXPECT_TRUE(d->states[2].tasks.empty());

    ASSERT_EQ(d->transitions.size(), 4u);
    const TransitionSpec& t0 = d->transitions[0];
    EXPECT_EQ(t0.from, "monitoring");
    EXPECT_EQ(t0.to, "policy");
    EXPECT_EQ(t0.trigger, TriggerKind::all_tasks_done);
    EXPECT_TRUE(t0.guard.empty());
    EXPECT_FALSE(t0.next_year);
    EXPECT_EQ(t0.pos.line, 78);
    const TransitionSpec& t1 = d->transitions[1];
    EXPECT_EQ(t1.trigger, TriggerKind::all_tasks_done);
    EXPECT_EQ(t1.guard, "not last_year");
    EXPECT_TRUE(t1.next_year);
    const TransitionSpec& t2 = d->transitions[2];
    EXPECT_EQ(t2.trigger, TriggerKind::event);
    EXPECT_EQ(t2.event, "cancelled");
    const TransitionSpec& t3 = d->transitions[3];
    EXPECT_EQ(t3.trigger, TriggerKind::timer);
    ASSERT_TRUE(t3.timer);
    const auto* timer = std::get_if<AfterMoment>(&t3.timer->kind);
    ASSERT_TRUE(timer);
    EXPECT_EQ(timer->anchor, "entered");
    EXPECT_EQ(timer->amount, 30);
    EXPECT_EQ(timer->unit, PeriodUnit::days);
    EXPECT_EQ(t3.guard, "has_recommendations");
}

TEST_F(DefinitionLoader, parse_definition_returns_nothing_when_invalid) {
    std::vector<LoadError> load_errors;
    RoleCatalog roles = parse_roles(kRoles, "roles.toml", load_errors);
    ASSERT_TRUE(load_errors.empty());
    const auto d = parse_definition(replace_line(kBase, "to = \"b\"", "to = \"x\""), "x.toml",
                                    roles, load_errors);
    EXPECT_FALSE(d);
    EXPECT_EQ(load_errors.size(), 2u);
}

TEST_F(DefinitionLoader, loads_every_shipped_definition) {
    const fs::path dir = test::source_path("workflows/definitions");
    std::error_code ec;
    const bool has_definitions = std::any_of(
        fs::directory_iterator(dir, ec), fs::directory_iterator(),
        [](const fs::directory_entry& e) {
            return e.path().extension() == ".toml" && e.path().filename() != "roles.toml";
        });
    if (!has_definitions) GTEST_SKIP() << "no shipped definitions in " << dir << " yet";
    const DefinitionSet set = load_definition_dir(dir);
    std::string all;
    for (const auto& e : set.errors) all += e.to_string() + "\n";
    EXPECT_TRUE(set.ok()) << all;
    EXPECT_FALSE(set.definitions.empty());
}

TEST(Validate, falls_back_to_element_positions_without_a_source_map) {
    Definition d;
    d.id = "x";
    d.version = 1;
    d.name.nl = "X";
    d.initial = "a";
    d.source_file = "x.toml";
    StateSpec a;
    a.id = "a";
    a.name.nl = "A";
    a.pos = {3, 1};
    TaskSpec t;
    t.id = "t";
    t.title.nl = "T";
    t.role = "nobody";
    t.due.kind = QuarterEnd{0, 0};
    t.pos = {5, 3};
    a.tasks.push_back(t);
    d.states.push_back(a);

    RoleCatalog roles;
    roles.roles["regisseur"] = Text{"Regisseur", ""};
    std::vector<std::string> got;
    for (const auto& e : validate(d, roles)) got.push_back(e.to_string());
    EXPECT_EQ(got, (std::vector<std::string>{
                       "x.toml:3:1: state 'a' has no way out: add a transition or mark it final",
                       "x.toml:5:3: unknown role 'nobody' (known roles: regisseur)",
                       "x.toml:5:3: quarter_end must be between 1 and 4, got 0"}));
}

TEST(Validate, skips_role_checks_when_the_catalogue_is_empty) {
    Definition d;
    d.name.nl = "X";
    d.initial = "a";
    StateSpec a;
    a.id = "a";
    a.name.nl = "A";
    a.final = true;
    TaskSpec t;
    t.id = "t";
    t.title.nl = "T";
    t.role = "anyone";
    a.tasks.push_back(t);
    d.states.push_back(a);
    EXPECT_TRUE(validate(d, RoleCatalog{}).empty());
}

TEST(Validate, prints_file_only_when_there_is_no_line) {
    EXPECT_EQ((LoadError{"a.toml", 0, 0, "cannot read: is a directory"}).to_string(),
              "a.toml: cannot read: is a directory");
    EXPECT_EQ((LoadError{"a.toml", 4, 2, "bad"}).to_string(), "a.toml:4:2: bad");
}

TEST(ValidateCommand, prints_ok_per_valid_file) {
    TempDir dir;
    write_file(dir / "roles.toml", kRoles);
    write_file(dir / "t.toml", kBase);
    std::ostringstream out, err;
    const int rc =
        run_validate({(dir / "t.toml").string(), (dir / "roles.toml").string()}, out, err);
    EXPECT_EQ(rc, 0);
    EXPECT_EQ(err.str(), "");
    EXPECT_EQ(out.str(), (dir / "t.toml").string() + ": ok (t version 1, 2 states, 1 tasks)\n" +
                             (dir / "roles.toml").string() + ": ok (role catalogue, 2 roles)\n");
}

TEST(ValidateCommand, prints_errors_and_fails) {
    TempDir dir;
    write_file(dir / "roles.toml", kRoles);
    write_file(dir / "bad.toml", replace_line(kBase, "to = \"b\"", "to = \"bb\""));
    write_file(dir / "good.toml", replace_line(kBase, "id = \"t\"", "id = \"g\""));
    std::ostringstream out, err;
    const std::string bad = (dir / "bad.toml").string();
    const std::string good = (dir / "good.toml").string();
    EXPECT_EQ(run_validate({bad, good}, out, err), 1);
    EXPECT_EQ(err.str(), bad + ":16:1: state 'b' is unreachable from the initial state 'a'\n" +
                             bad + ":23:6: transition goes to unknown state 'bb'\n");
    EXPECT_EQ(out.str(), good + ": ok (g version 1, 2 states, 1 tasks)\n");
}

// Triggered workflows (a hand-over, an election playbook): parameters in titles and
// roles, settings for lead times, and what goes with which trigger.
TEST_F(DefinitionLoader, a_triggered_definition_uses_its_parameters_and_settings) {
    auto text = replace_line(kBase, "name = { nl = \"Test\" }", R"(name = { nl = "Test" }
[start]
on = "role_leave"
[settings]
lead = 5)");
    text = replace_line(text, "  title = { nl = \"Doen\" }",
                        "  title = { nl = \"Overdracht {role_name} door {leaver_name}\" }");
    text = replace_line(text, "  role = \"regisseur\"", "  role = \"{role}\"");
    text = replace_line(text, "  due = { quarter_end = 2 }",
                        "  due = { before = \"leave_date\", days = \"lead\" }");
    const DefinitionSet set = load(text);
    EXPECT_EQ(errors_of(set), Errors{});
    ASSERT_EQ(set.definitions.size(), 1u);
    const Definition& d = set.definitions[0];
    EXPECT_EQ(d.start.trigger, StartTrigger::role_leave);
    EXPECT_EQ(d.settings.at("lead"), 5);
    const auto& before = std::get<BeforeDate>(d.states[0].tasks[0].due.kind);
    EXPECT_EQ(before.amount_setting, "lead");
}

TEST_F(DefinitionLoader, reports_parameters_settings_and_triggers_that_do_not_fit) {
    auto text = replace_line(kBase, "name = { nl = \"Test\" }", R"(name = { nl = "Test" }
[start]
on = "election"
days_before = "lead_time")");
    text = replace_line(text, "  title = { nl = \"Doen\" }",
                        "  title = { nl = \"Doen voor {leaver_name}\" }");
    text = replace_line(text, "  role = \"regisseur\"", "  role = \"{role}\"");
    text = replace_line(text, "  due = { quarter_end = 2 }",
                        "  due = { before = \"election\", days = \"prep\" }");
    EXPECT_EQ(
        errors(text + "guard = \"role_vacant\"\n"),
        (Errors{
            "def.toml:7:15: unknown setting 'lead_time': declare it with a default under "
            "[settings]",
            "def.toml:15:11: title of task 'do' uses unknown placeholder {leaver_name}",
            "def.toml:16:10: unknown role '{role}' names no role parameter of this definition "
            "(only on = \"role_leave\" offers {role} and {coordinator})",
            "def.toml:17:39: unknown setting 'prep': declare it with a default under [settings]",
            "def.toml:28:9: guard 'role_vacant' only goes with on = \"role_leave\""}));
    EXPECT_EQ(
        errors(replace_line(kBase, "name = { nl = \"Test\" }", R"(name = { nl = "Test" }
[start]
on = "someone_leaves")")),
        (Errors{"def.toml:6:6: unknown start trigger 'someone_leaves' (use election, role_leave, "
                "budget_line or capacity_shortfall)"}));
}

// A task for one person (issue 20): only a trigger that knows people offers them, and
// whose the task is afterwards goes with a person to follow.
TEST_F(DefinitionLoader, a_task_for_one_person_names_a_person_of_the_trigger) {
    const auto text = replace_line(kBase, "  role = \"regisseur\"",
                                   "  role = \"regisseur\"\n  person = \"{leaver}\"");
    const Errors found = errors(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].find("person '{leaver}' names no person parameter of this definition (only "
                            "on = \"role_leave\" offers {leaver} and {successor})"),
              std::string::npos)
        << found[0];
    const auto alone = replace_line(kBase, "  role = \"regisseur\"",
                                    "  role = \"regisseur\"\n  then_role = \"regisseur\"");
    const Errors without = errors(alone);
    ASSERT_EQ(without.size(), 1u);
    EXPECT_NE(without[0].find("task 'do' has 'then_role' but no 'person' it follows"),
              std::string::npos)
        << without[0];
}

}  // namespace
}  // namespace okod

namespace okod {
namespace {

TEST_F(DefinitionLoader, attach_names_the_yearly_report_or_is_refused_where_it_is_written) {
    const auto ok = load(replace_line(kBase, "  due = { quarter_end = 2 }",
                                      "  due = { quarter_end = 2 }\n  attach = \"annual_report\""));
    ASSERT_TRUE(ok.ok()) << errors_of(ok).front();
    EXPECT_EQ(ok.definitions.at(0).states.at(0).tasks.at(0).attach, TaskAttachment::annual_report);
    EXPECT_EQ(load(kBase).definitions.at(0).states.at(0).tasks.at(0).attach, TaskAttachment::none);
    EXPECT_EQ(errors(replace_line(kBase, "  due = { quarter_end = 2 }",
                                  "  due = { quarter_end = 2 }\n  attach = \"jaarverslag\"")),
              Errors{"def.toml:15:12: 'attach' must be 'annual_report', got 'jaarverslag'"});
    EXPECT_EQ(errors(replace_line(kBase, "  due = { quarter_end = 2 }",
                                  "  due = { quarter_end = 2 }\n  attach = true")),
              Errors{"def.toml:15:12: expected a string for 'attach', got boolean"});
}

}  // namespace
}  // namespace okod
