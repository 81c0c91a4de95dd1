#include "adapters/definitions/toml_definition_loader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <system_error>
#include <utility>

#include "adapters/toml/toml_fields.hpp"
#include "definition/runs_guards.hpp"
#include "definition/validate.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRolesFile = "roles.toml";
constexpr std::string_view kAllTasksDone = "all_tasks_done";

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

SourcePos pos_of(const toml::source_position& p) {
    return {static_cast<int>(p.line), static_cast<int>(p.column)};
}
SourcePos pos_of(const toml::node& n) { return pos_of(n.source().begin); }

// What one parse collects: errors and where each value was written.
struct Context {
    std::string file;
    std::vector<LoadError> errors;
    SourceMap where;

    void error(SourcePos p, std::string message) {
        errors.push_back({file, p.line, p.column, std::move(message)});
    }
    void type_error(const toml::node& n, std::string_view expected, const std::string& label) {
        error(pos_of(n), "expected " + std::string(expected) + " " + label + ", got " +
                             std::string(toml_type_name(n)));
    }

    // Typed views of a node; each reports a wrong type. `label` is "for 'key'" for a
    // value under a key and "in 'key'" for an array element.
    std::optional<std::string> as_string(const toml::node& n, const std::string& label) {
        if (const auto* v = n.as_string()) return v->get();
        type_error(n, "a string", label);
        return std::nullopt;
    }
    std::optional<int> as_int(const toml::node& n, const std::string& label) {
        const auto* v = n.as_integer();
        if (!v) {
            type_error(n, "an integer", label);
            return std::nullopt;
        }
        const std::int64_t x = v->get();
        if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max()) {
            error(pos_of(n), "integer " + label + " is out of range: " + std::to_string(x));
            return std::nullopt;
        }
        return static_cast<int>(x);
    }
    std::optional<bool> as_bool(const toml::node& n, const std::string& label) {
        if (const auto* v = n.as_boolean()) return v->get();
        type_error(n, "a boolean", label);
        return std::nullopt;
    }
    const toml::table* as_table(const toml::node& n, const std::string& label) {
        if (const auto* t = n.as_table()) return t;
        type_error(n, "a table", label);
        return nullptr;
    }
    const toml::array* as_array(const toml::node& n, std::string_view expected,
                                const std::string& label) {
        if (const auto* a = n.as_array()) return a;
        type_error(n, expected, label);
        return nullptr;
    }
};

std::string for_key(std::string_view key) { return "for " + quote(key); }
std::string in_key(std::string_view key) { return "in " + quote(key); }

// Reads one TOML table: typed access by key, positions recorded under `path`, and
// finish() reports every key nobody asked for (a typo must not be silently ignored).
class TableReader {
public:
    TableReader(Context& ctx, const toml::table& table, std::string what, std::string path)
        : ctx_(ctx), table_(table), what_(std::move(what)), path_(std::move(path)) {}

    SourcePos pos() const { return pos_of(table_); }
    std::string path(std::string_view key) const {
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }
    Context& ctx() { return ctx_; }

    const toml::node* get(std::string_view key) {
        seen_.insert(std::string(key));
        const toml::node* n = table_.get(key);
        if (n) ctx_.where[path(key)] = pos_of(*n);
        return n;
    }
    const toml::node* get(std::string_view key, bool required) {
        const toml::node* n = get(key);
        if (!n && required)
            ctx_.error(pos(), "missing required key " + quote(key) + " in " + what_);
        return n;
    }

    // A required string must also be non-empty: an empty id is as good as a missing one.
    std::optional<std::string> string(std::string_view key, bool required = false) {
        const toml::node* n = get(key, required);
        if (!n) return std::nullopt;
        auto s = ctx_.as_string(*n, for_key(key));
        if (s && s->empty() && required) {
            ctx_.error(pos_of(*n), quote(key) + " must not be empty");
            return std::nullopt;
        }
        return s;
    }
    std::optional<int> integer(std::string_view key, bool required = false) {
        const toml::node* n = get(key, required);
        return n ? ctx_.as_int(*n, for_key(key)) : std::nullopt;
    }
    std::optional<bool> boolean(std::string_view key) {
        const toml::node* n = get(key);
        return n ? ctx_.as_bool(*n, for_key(key)) : std::nullopt;
    }
    const toml::table* table(std::string_view key) {
        const toml::node* n = get(key);
        return n ? ctx_.as_table(*n, for_key(key)) : nullptr;
    }

    void finish() {
        for (auto&& [key, value] : table_)
            if (!seen_.count(key.str()))
                ctx_.error(pos_of(key.source().begin),
                           "unknown key " + quote(key.str()) + " in " + what_);
    }

private:
    Context& ctx_;
    const toml::table& table_;
    std::string what_;
    std::string path_;
    std::set<std::string, std::less<>> seen_;
};

// Calls `each(table)` for every table in the array under `key`.
template <typename Each>
void for_each_table(TableReader& r, std::string_view key, bool required, Each each) {
    const toml::node* n = r.get(key, required);
    if (!n) return;
    const toml::array* a = r.ctx().as_array(*n, "an array of tables", for_key(key));
    if (!a) return;
    for (const toml::node& element : *a)
        if (const toml::table* t = r.ctx().as_table(element, in_key(key))) each(*t);
}

std::vector<std::string> read_strings(TableReader& r, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* n = r.get(key);
    if (!n) return out;
    const toml::array* a = r.ctx().as_array(*n, "an array of strings", for_key(key));
    if (!a) return out;
    for (const toml::node& element : *a)
        if (auto s = r.ctx().as_string(element, in_key(key))) out.push_back(*s);
    return out;
}

Text read_text(TableReader& r, std::string_view key) {
    Text text;
    const toml::table* t = r.table(key);
    if (!t) return text;
    TableReader tr(r.ctx(), *t, std::string(key), r.path(key));
    text.nl = tr.string("nl").value_or("");
    text.en = tr.string("en").value_or("");
    tr.finish();
    return text;
}

// `years` and `every`: an integer, or the name of a municipality setting.
std::optional<YearsSetting> read_years(TableReader& r, std::string_view key) {
    const toml::node* n = r.get(key);
    if (!n) return std::nullopt;
    if (const auto* s = n->as_string()) return YearsSetting{0, s->get()};
    if (n->is_integer()) {
        auto v = r.ctx().as_int(*n, for_key(key));
        if (!v) return std::nullopt;
        return YearsSetting{*v, {}};
    }
    r.ctx().type_error(*n, "an integer or a setting name", for_key(key));
    return std::nullopt;
}

Shift read_shift(TableReader& r, std::string_view key) {
    const toml::node* n = r.get(key);
    if (!n) return Shift::none;
    auto s = r.ctx().as_string(*n, for_key(key));
    if (!s) return Shift::none;
    if (*s == "before") return Shift::before;
    if (*s == "after") return Shift::after;
    r.ctx().error(pos_of(*n), quote(key) + " must be 'before' or 'after', got " + quote(*s));
    return Shift::none;
}

std::optional<TimeOfDay> read_time(TableReader& r, std::string_view key) {
    const toml::node* n = r.get(key);
    if (!n) return std::nullopt;
    // A TOML local time (09:00:00) says the same as "09:00" when it has no seconds.
    if (const auto* t = n->as_time()) {
        const toml::time v = t->get();
        if (v.second == 0 && v.nanosecond == 0) return TimeOfDay{v.hour * 60 + v.minute};
        r.ctx().error(pos_of(*n), quote(key) + " must be a time HH:MM, without seconds");
        return std::nullopt;
    }
    auto s = r.ctx().as_string(*n, for_key(key));
    if (!s) return std::nullopt;
    if (auto t = parse_time_of_day(*s)) return t;
    r.ctx().error(pos_of(*n), quote(key) + " must be a time HH:MM, got " + quote(*s));
    return std::nullopt;
}

std::optional<Date> read_date(TableReader& r, std::string_view key) {
    const toml::node* n = r.get(key);
    if (!n) return std::nullopt;
    if (const auto* d = n->as_date()) {
        // toml++ has already rejected impossible dates such as 2022-02-30.
        const toml::date v = d->get();
        return Date{date::year{v.year}, date::month{v.month}, date::day{v.day}};
    }
    if (const auto* s = n->as_string()) {
        if (auto date = parse_date(s->get())) return date;
        r.ctx().error(pos_of(*n),
                      quote(key) + " must be a date YYYY-MM-DD, got " + quote(s->get()));
        return std::nullopt;
    }
    r.ctx().type_error(*n, "a date", for_key(key));
    return std::nullopt;
}

// The forms a due rule can take, and the keys that only make sense with one of them.
constexpr std::array<std::string_view, 5> kDueForms = {"date", "quarter_end", "after", "before",
                                                       "every_years"};
struct Companion {
    std::string_view key;
    std::string_view forms;  // the forms it goes with, for the message
};
constexpr std::array<Companion, 6> kCompanions = {{{"year", "quarter_end"},
                                                   {"days", "after or before"},
                                                   {"weeks", "after or before"},
                                                   {"months", "after or before"},
                                                   {"years", "after"},
                                                   {"from", "every_years"}}};

bool companion_fits(std::string_view key, std::string_view form) {
    if (key == "year") return form == "quarter_end";
    if (key == "from") return form == "every_years";
    if (key == "years") return form == "after";
    return form == "after" || form == "before";  // days, weeks, months
}

std::string join_quoted(const std::vector<std::string_view>& items, std::string_view last_sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? last_sep : ", ";
        out += quote(items[i]);
    }
    return out;
}

// "after"/"before": the anchor and exactly one amount.
template <typename Rule>
Rule read_offset(TableReader& r, std::string_view form, bool allow_years) {
    Rule rule;
    if (const toml::node* n = r.get(form))
        rule.anchor = r.ctx().as_string(*n, for_key(form)).value_or("");
    constexpr std::array<std::pair<std::string_view, PeriodUnit>, 4> kUnits = {
        {{"days", PeriodUnit::days},
         {"weeks", PeriodUnit::weeks},
         {"months", PeriodUnit::months},
         {"years", PeriodUnit::years}}};
    std::vector<std::string_view> given;
    for (const auto& [key, unit] : kUnits) {
        if (key == "years" && !allow_years) continue;
        const toml::node* n = r.get(key);
        if (!n) continue;
        given.push_back(key);
        if (given.size() == 1) {
            rule.unit = unit;
            if constexpr (requires { rule.amount_setting; }) {
                // A lead time a municipality may change: the name of a [settings] number.
                if (const auto* name = n->as_string()) {
                    rule.amount_setting = name->get();
                    continue;
                }
            }
            rule.amount = r.ctx().as_int(*n, for_key(key)).value_or(0);
        }
    }
    const std::string units =
        allow_years ? "'days', 'weeks', 'months' or 'years'" : "'days', 'weeks' or 'months'";
    if (given.empty())
        r.ctx().error(r.pos(), quote(form) + " needs an amount: " + units);
    else if (given.size() > 1)
        r.ctx().error(r.pos(),
                      quote(form) + " takes one amount, got " + join_quoted(given, " and "));
    return rule;
}

DueRule read_due_table(Context& ctx, const toml::table& table, const std::string& path) {
    DueRule rule;
    TableReader r(ctx, table, "due rule", path);

    std::vector<std::string_view> forms;
    for (std::string_view form : kDueForms)
        if (table.contains(form)) forms.push_back(form);
    if (forms.empty()) {
        ctx.error(r.pos(), "due rule has no form: use one of " +
                               join_quoted({kDueForms.begin(), kDueForms.end()}, " or "));
    } else if (forms.size() > 1) {
        ctx.error(r.pos(), "due rule has more than one form (" + join_quoted(forms, " and ") +
                               "): use exactly one");
    } else {
        for (const Companion& c : kCompanions) {
            const toml::node* n = table.get(c.key);
            if (n && !companion_fits(c.key, forms.front()))
                ctx.error(pos_of(*n), quote(c.key) + " only goes with '" + std::string(c.forms) +
                                          "', not " + quote(forms.front()));
        }
        const std::string_view form = forms.front();
        if (form == "date") {
            rule.kind = AbsoluteDate{read_date(r, "date").value_or(Date{})};
        } else if (form == "quarter_end") {
            QuarterEnd q;
            q.quarter = r.integer("quarter_end").value_or(q.quarter);
            q.year = r.integer("year").value_or(q.year);
            rule.kind = q;
        } else if (form == "after") {
            rule.kind = read_offset<AfterMoment>(r, "after", true);
        } else if (form == "before") {
            rule.kind = read_offset<BeforeDate>(r, "before", false);
        } else {
            EveryYears e;
            e.every = r.integer("every_years").value_or(e.every);
            e.anchor = r.string("from", true).value_or("");
            rule.kind = e;
        }
    }
    // Form and companion keys are known keys whether or not they were read above
    // (with no form or several forms, none is); only the rest is reported as unknown.
    for (std::string_view form : kDueForms) r.get(form);
    for (const Companion& c : kCompanions) r.get(c.key);

    rule.business_day = read_shift(r, "business_day");
    rule.school_time = read_shift(r, "school_time");
    rule.at = read_time(r, "at");
    r.finish();
    return rule;
}

std::optional<DueRule> read_due(TableReader& r, std::string_view key, bool required) {
    const toml::node* n = r.get(key, required);
    if (!n) return std::nullopt;
    const toml::table* t = r.ctx().as_table(*n, for_key(key));
    if (!t) return std::nullopt;
    return read_due_table(r.ctx(), *t, r.path(key));
}

TaskSpec read_task(Context& ctx, const toml::table& table, const std::string& path) {
    TaskSpec task;
    task.pos = pos_of(table);
    TableReader r(ctx, table, "task", path);
    task.id = r.string("id", true).value_or("");
    task.title = read_text(r, "title");
    task.role = r.string("role", true).value_or("");
    task.person = r.string("person").value_or("");
    task.then_role = r.string("then_role").value_or("");
    if (auto due = read_due(r, "due", true)) task.due = *due;
    if (const toml::node* n = r.get("remind_days")) {
        if (const toml::array* a =
                ctx.as_array(*n, "an array of integers", for_key("remind_days"))) {
            // Bad elements are skipped; positions are keyed by the index in
            // TaskSpec::remind_days, which is what validate() looks up.
            for (std::size_t k = 0; k < a->size(); ++k) {
                const toml::node& element = *a->get(k);
                if (auto days = ctx.as_int(element, in_key("remind_days"))) {
                    ctx.where[r.path("remind_days") + "." +
                              std::to_string(task.remind_days.size())] = pos_of(element);
                    task.remind_days.push_back(*days);
                }
            }
        }
    }
    if (const toml::table* t = r.table("escalate")) {
        TableReader e(ctx, *t, "escalate", r.path("escalate"));
        Escalation escalation;
        escalation.after_days = e.integer("after_days", true).value_or(0);
        escalation.to_role = e.string("to", true).value_or("");
        e.finish();
        task.escalation = escalation;
    }
    task.when = r.string("when").value_or("");
    task.for_each = r.string("for_each").value_or("");
    task.report = r.boolean("report").value_or(false);
    if (const toml::node* n = r.get("overdue_at_creation")) {
        if (auto why = ctx.as_string(*n, for_key("overdue_at_creation"))) {
            if (why->empty())
                ctx.error(pos_of(*n),
                          "'overdue_at_creation' must say why the task may be "
                          "born overdue, got an empty string");
            task.overdue_at_creation = *why;
        }
    }
    if (const toml::node* n = r.get("attach")) {
        if (auto what = ctx.as_string(*n, for_key("attach"))) {
            if (*what == "annual_report")
                task.attach = TaskAttachment::annual_report;
            else
                ctx.error(pos_of(*n), "'attach' must be 'annual_report', got " + quote(*what));
        }
    }
    r.finish();
    return task;
}

StateSpec read_state(Context& ctx, const toml::table& table, const std::string& path) {
    StateSpec state;
    state.pos = pos_of(table);
    TableReader r(ctx, table, "state", path);
    state.id = r.string("id", true).value_or("");
    state.name = read_text(r, "name");
    state.final = r.boolean("final").value_or(false);
    for_each_table(r, "tasks", false, [&](const toml::table& t) {
        const std::string task_path = path + ".tasks." + std::to_string(state.tasks.size());
        state.tasks.push_back(read_task(ctx, t, task_path));
    });
    r.finish();
    return state;
}

TransitionSpec read_transition(Context& ctx, const toml::table& table, const std::string& path) {
    TransitionSpec tr;
    tr.pos = pos_of(table);
    TableReader r(ctx, table, "transition", path);
    tr.from = r.string("from", true).value_or("");
    tr.to = r.string("to", true).value_or("");
    const bool has_on = table.contains("on");
    const bool has_after = table.contains("after");
    if (has_on && has_after)
        ctx.error(tr.pos, "transition has both 'on' and 'after': use one");
    else if (!has_on && !has_after)
        ctx.error(tr.pos, "transition needs a trigger: 'on' or 'after'");
    if (auto on = r.string("on", has_on)) {
        if (*on == kAllTasksDone) {
            tr.trigger = TriggerKind::all_tasks_done;
        } else {
            tr.trigger = TriggerKind::event;
            tr.event = *on;
        }
    }
    if (auto timer = read_due(r, "after", false)) {
        if (!has_on) {
            tr.trigger = TriggerKind::timer;
            tr.timer = *timer;
        }
    }
    tr.guard = r.string("guard").value_or("");
    tr.next_year = r.boolean("next_year").value_or(false);
    r.finish();
    return tr;
}

bool is_definition_id(std::string_view id) {
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

void read_definition(Context& ctx, const toml::table& root, Definition& d) {
    TableReader r(ctx, root, "definition", "");
    if (auto id = r.string("id", true)) {
        if (is_definition_id(*id))
            d.id = *id;
        else
            ctx.error(ctx.where["id"], "definition id " + quote(*id) +
                                           " may only contain lowercase letters, digits and '-'");
    }
    if (auto version = r.integer("version", true)) {
        if (*version >= 1)
            d.version = *version;
        else
            ctx.error(ctx.where["version"],
                      "'version' must be at least 1, got " + std::to_string(*version));
    }
    d.initial = r.string("initial", true).value_or("");
    d.years = read_years(r, "years");
    d.name = read_text(r, "name");
    if (const toml::table* t = r.table("start")) {
        TableReader s(ctx, *t, "start", "start");
        const auto on = s.string("on");
        if (on) {
            if (auto trigger = parse_start_trigger(*on); trigger && *trigger != StartTrigger::date)
                d.start.trigger = *trigger;
            else
                ctx.error(ctx.where["start.on"],
                          "unknown start trigger " + quote(*on) +
                              " (use election, role_leave, budget_line or capacity_shortfall)");
        }
        if (auto at = s.string("at", !on)) {
            d.start.at = *at;
            if (on) ctx.error(ctx.where["start.at"], "'at' goes with a dated start, not with 'on'");
        }
        d.start.every = read_years(s, "every");
        d.start.until = s.string("until").value_or("");
        d.start.days_before = read_years(s, "days_before");
        s.finish();
    }
    if (const toml::table* t = r.table("settings")) {
        TableReader s(ctx, *t, "settings", "settings");
        for (const auto& [key, node] : *t) {
            const std::string name(key.str());
            if (auto v = s.integer(name)) {
                if (*v < 0)
                    ctx.error(
                        ctx.where["settings." + name],
                        "setting " + quote(name) + " must be 0 or more, got " + std::to_string(*v));
                d.settings[name] = *v;
            }
        }
        s.finish();
    }
    if (const toml::table* t = r.table("requires")) {
        TableReader q(ctx, *t, "requires", "requires");
        d.required_dates = read_strings(q, "dates");
        d.required_lists = read_strings(q, "lists");
        q.finish();
    }
    if (const toml::table* t = r.table("annual_report")) {
        TableReader a(ctx, *t, "annual_report", "annual_report");
        d.annual_report.trajectory_steps = a.boolean("trajectory_steps").value_or(false);
        d.annual_report.execution_plan = a.boolean("execution_plan").value_or(false);
        a.finish();
    }
    // A missing or empty `states` is reported by validate(), once.
    for_each_table(r, "states", false, [&](const toml::table& t) {
        d.states.push_back(read_state(ctx, t, "states." + std::to_string(d.states.size())));
    });
    for_each_table(r, "transitions", false, [&](const toml::table& t) {
        const std::string path = "transitions." + std::to_string(d.transitions.size());
        d.transitions.push_back(read_transition(ctx, t, path));
    });
    r.finish();
}

void sort_by_position(std::vector<LoadError>& errors) {
    std::stable_sort(errors.begin(), errors.end(), [](const LoadError& a, const LoadError& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
}

std::optional<toml::table> parse_toml(std::string_view text, Context& ctx) {
    try {
        return toml::parse(text, std::string_view(ctx.file));
    } catch (const toml::parse_error& e) {
        ctx.error(pos_of(e.source().begin), std::string(e.description()));
        return std::nullopt;
    }
}

// A definition with its errors and positions, whether or not it is valid: the loaders
// need the id and its position even from a broken file to spot duplicates.
struct ParsedDefinition {
    Definition definition;
    SourceMap where;
    std::vector<LoadError> errors;
};

ParsedDefinition parse_definition_file(std::string_view text, const std::string& file,
                                       const RoleCatalog& roles) {
    ParsedDefinition out;
    Context ctx{file, {}, {}};
    Definition& d = out.definition;
    d.source_file = file;
    d.source_text = std::string(text);
    if (auto root = parse_toml(text, ctx)) {
        ctx.where[""] = SourcePos{1, 1};
        read_definition(ctx, *root, d);
        auto semantic = validate(d, roles, ctx.where);
        ctx.errors.insert(ctx.errors.end(), semantic.begin(), semantic.end());
        sort_by_position(ctx.errors);
    }
    out.where = std::move(ctx.where);
    out.errors = std::move(ctx.errors);
    return out;
}

// "no such file or directory": error texts read as the tail of our own messages.
std::string reason_text(const std::error_code& ec) {
    std::string text = ec.message();
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// The file's contents, or nullopt with `reason` set.
std::optional<std::string> read_file(const fs::path& path, std::string& reason) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        reason = "is a directory";
        return std::nullopt;
    }
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) {
        reason = reason_text(std::error_code(errno, std::generic_category()));
        return std::nullopt;
    }
    std::string text;
    std::array<char, 65536> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), f.get())) > 0)
        text.append(buffer.data(), n);
    if (std::ferror(f.get())) {
        reason = "read error";
        return std::nullopt;
    }
    return text;
}

// Reads a role catalogue into `out`, merging its roles into `set.roles`.
void load_roles(const fs::path& path, bool required_for_dir, DefinitionSet& set, RoleCatalog& out) {
    std::string reason;
    const auto text = read_file(path, reason);
    if (!text) {
        std::string message = "cannot read: " + reason;
        if (required_for_dir)
            message += " (every definitions directory needs a roles.toml, the role catalogue)";
        set.errors.push_back({path.string(), 0, 0, std::move(message)});
        return;
    }
    out = parse_roles(*text, path.string(), set.errors);
    for (const auto& [id, name] : out.roles) set.roles.roles.emplace(id, name);
}

// The file's text, or nullopt after adding a "cannot read" error to `set`.
std::optional<std::string> read_or_report(const fs::path& path, DefinitionSet& set) {
    std::string reason;
    auto text = read_file(path, reason);
    if (!text) set.errors.push_back({path.string(), 0, 0, "cannot read: " + reason});
    return text;
}

// Adds one definition file's text to `set`; `ids` maps definition ids to the file that
// defined them first.
// Adds the definition to `set` when it is valid, and returns where its keys stand in the
// file (for the checks across definitions); its errors go to `set` otherwise.
std::optional<SourceMap> load_definition(const fs::path& path, const std::string& text,
                                         const RoleCatalog& roles, DefinitionSet& set,
                                         std::map<std::string, std::string>& ids) {
    ParsedDefinition parsed = parse_definition_file(text, path.string(), roles);
    bool ok = parsed.errors.empty();
    set.errors.insert(set.errors.end(), parsed.errors.begin(), parsed.errors.end());
    const std::string& id = parsed.definition.id;
    if (!id.empty()) {
        auto [it, fresh] = ids.emplace(id, path.string());
        if (!fresh) {
            const SourcePos pos = parsed.where["id"];
            set.errors.push_back(
                {path.string(), pos.line, pos.column,
                 "duplicate definition id " + quote(id) + " (also in " + it->second + ")"});
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    set.definitions.push_back(std::move(parsed.definition));
    return std::move(parsed.where);
}

}  // namespace

RoleCatalog parse_roles(std::string_view text, const std::string& file,
                        std::vector<LoadError>& errors) {
    RoleCatalog catalogue;
    Context ctx{file, {}, {}};
    if (auto root = parse_toml(text, ctx)) {
        TableReader top(ctx, *root, "role catalogue", "");
        const toml::node* n = top.get("roles", true);
        const toml::table* roles = n ? ctx.as_table(*n, for_key("roles")) : nullptr;
        if (roles) {
            for (auto&& [key, value] : *roles) {
                const std::string id(key.str());
                const toml::table* t = ctx.as_table(value, for_key(id));
                if (!t) continue;
                TableReader r(ctx, *t, "role " + quote(id), "roles." + id);
                Text name;
                name.nl = r.string("nl").value_or("");
                name.en = r.string("en").value_or("");
                r.finish();
                if (name.nl.empty())
                    ctx.error(r.pos(), "role " + quote(id) + " has no Dutch name (nl)");
                catalogue.roles.emplace(id, std::move(name));
            }
            if (roles->empty()) ctx.error(pos_of(*roles), "role catalogue defines no roles");
        }
        top.finish();
        sort_by_position(ctx.errors);
    }
    errors.insert(errors.end(), ctx.errors.begin(), ctx.errors.end());
    return catalogue;
}

std::optional<Definition> parse_definition(std::string_view text, const std::string& file,
                                           const RoleCatalog& roles,
                                           std::vector<LoadError>& errors) {
    ParsedDefinition parsed = parse_definition_file(text, file, roles);
    if (!parsed.errors.empty()) {
        errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
        return std::nullopt;
    }
    return std::move(parsed.definition);
}

DefinitionSet load_definition_dir(const fs::path& dir) {
    DefinitionSet set;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        set.errors.push_back({dir.string(), 0, 0, "cannot read: " + reason_text(ec)});
        return set;
    }
    std::vector<fs::path> files;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::error_code type_ec;
        if (p.extension() == ".toml" && p.filename() != kRolesFile &&
            fs::is_regular_file(p, type_ec))
            files.push_back(dir / p.filename());
    }
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });

    RoleCatalog roles;
    load_roles(dir / kRolesFile, true, set, roles);
    std::map<std::string, std::string> ids;
    std::vector<SourceMap> where;  // of each definition in set.definitions
    for (const auto& file : files)
        if (auto text = read_or_report(file, set))
            if (auto keys = load_definition(file, *text, roles, set, ids))
                where.push_back(std::move(*keys));
    std::set<std::string> workflow_ids;
    for (const auto& [id, file] : ids) workflow_ids.insert(id);
    for (std::size_t k = 0; k < set.definitions.size(); ++k) {
        auto errors = unknown_workflow_guards(set.definitions[k], workflow_ids, where[k]);
        set.errors.insert(set.errors.end(), errors.begin(), errors.end());
    }
    return set;
}

DefinitionSet load_definition_files(const std::vector<fs::path>& files) {
    DefinitionSet set;
    std::map<fs::path, RoleCatalog> catalogues;  // by normalised directory
    auto roles_for = [&](const fs::path& dir, bool listed) -> const RoleCatalog& {
        const fs::path key = dir.lexically_normal();
        auto found = catalogues.find(key);
        if (found != catalogues.end()) return found->second;
        RoleCatalog roles;
        load_roles(dir / kRolesFile, !listed, set, roles);
        return catalogues.emplace(key, std::move(roles)).first->second;
    };
    std::set<fs::path> seen;
    std::map<std::string, std::string> ids;
    for (const auto& file : files) {
        if (!seen.insert(file.lexically_normal()).second) continue;  // listed twice
        if (file.filename() == kRolesFile) {
            roles_for(file.parent_path(), true);
        } else if (auto text = read_or_report(file, set)) {
            // Read first: an unreadable file should not also drag in its directory's roles.
            load_definition(file, *text, roles_for(file.parent_path(), false), set, ids);
        }
    }
    return set;
}

}  // namespace okod
