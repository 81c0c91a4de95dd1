#include "definition/validate.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <set>
#include <string_view>
#include <type_traits>
#include <variant>

#include "definition/guards.hpp"
#include "definition/named_moments.hpp"

namespace okod {
namespace {

constexpr std::string_view kDoneSuffix = ".done";

template <typename Range>
bool contains(const Range& range, std::string_view value) {
    return std::find(std::begin(range), std::end(range), value) != std::end(range);
}

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// "a, b, c" -> "a, b or c"
std::string or_list(std::string list) {
    if (const auto last = list.rfind(", "); last != std::string::npos)
        list.replace(last, 2, " or ");
    return list;
}

// One validation run: collects the errors for one definition, then hands them over.
class Checker {
public:
    Checker(const Definition& d, const RoleCatalog& roles, const SourceMap& where)
        : d_(d), roles_(roles), where_(where) {
        for (const auto& t : d_.transitions)
            if (t.trigger == TriggerKind::event && !t.event.empty()) events_.insert(t.event);
        for (const auto& s : d_.states) {
            state_ids_.insert(s.id);
            for (const auto& t : s.tasks) task_ids_.insert(t.id);
        }
    }

    std::vector<LoadError> run() {
        check_header();
        check_states();
        check_transitions();
        check_reachability();
        check_ways_out();
        std::stable_sort(errors_.begin(), errors_.end(), [](const auto& a, const auto& b) {
            return a.line != b.line ? a.line < b.line : a.column < b.column;
        });
        return std::move(errors_);
    }

private:
    void error(SourcePos pos, std::string message) {
        errors_.push_back({d_.source_file, pos.line, pos.column, std::move(message)});
    }

    // The position recorded for `path`, else `fallback`.
    SourcePos at(const std::string& path, SourcePos fallback) const {
        auto it = where_.find(path);
        return it == where_.end() ? fallback : it->second;
    }
    SourcePos file_pos() const { return at("", SourcePos{}); }

    void check_header() {
        if (d_.name.nl.empty())
            error(at("name", file_pos()), "definition has no Dutch name (name.nl)");
        if (d_.states.empty())
            error(file_pos(), "definition has no states: add at least one [[states]]");
        else if (!d_.initial.empty() && !state_ids_.count(d_.initial))
            error(at("initial", file_pos()), "initial state " + quote(d_.initial) +
                                                 " does not exist (states: " + state_list() + ")");
        if (d_.years) check_years(*d_.years, "years", at("years", file_pos()));
        if (d_.start.every) check_years(*d_.start.every, "every", at("start.every", file_pos()));
        check_start_date(d_.start.until, "until");
        const bool dated = d_.start.trigger == StartTrigger::date;
        if (dated) check_start_date(d_.start.at, "at");
        const bool lead = d_.start.trigger == StartTrigger::election ||
                          d_.start.trigger == StartTrigger::budget_line;
        if (d_.start.days_before && !lead)
            error(at("start.days_before", file_pos()),
                  R"('days_before' only goes with on = "election" or on = "budget_line")");
        else if (d_.start.days_before)
            check_setting_or_number(*d_.start.days_before, "days_before",
                                    at("start.days_before", file_pos()));
        if (!dated && (d_.start.every || !d_.start.until.empty()))
            error(at(d_.start.every ? "start.every" : "start.until", file_pos()),
                  "'every' and 'until' only go with a dated start (at = ...), not with on = " +
                      quote(to_string(d_.start.trigger)));
    }

    void check_setting_or_number(const YearsSetting& y, std::string_view key, SourcePos pos) {
        if (y.setting.empty()) {
            if (y.value < 0)
                error(pos, quote(key) + " must be 0 or more, got " + std::to_string(y.value));
        } else {
            check_setting_name(y.setting, pos);
        }
    }

    void check_setting_name(const std::string& name, SourcePos pos) {
        if (is_municipality_setting(name) || d_.settings.count(name)) return;
        std::string known;
        for (const auto& [n, v] : d_.settings) known += (known.empty() ? "" : ", ") + n;
        error(pos, "unknown setting " + quote(name) +
                       ": declare it with a default under [settings]" +
                       (known.empty() ? std::string() : " (declared: " + known + ")"));
    }

    // A role written as "{param}" is taken from the instance: only triggers that know
    // a role (a hand-over: {role}, {coordinator}) offer one.
    void check_role(const std::string& role, const std::string& label, SourcePos pos) {
        if (role.size() > 2 && role.front() == '{' && role.back() == '}') {
            const std::string param = role.substr(1, role.size() - 2);
            if (!contains(trigger_roles(d_.start.trigger), param))
                error(pos,
                      label + " " + quote(role) + " names no role parameter of this definition" +
                          (trigger_roles(d_.start.trigger).empty()
                               ? std::string(
                                     " (only on = \"role_leave\" offers {role} and {coordinator})")
                               : std::string(" (use {role} or {coordinator})")));
            return;
        }
        if (!roles_.roles.empty() && !role.empty() && !roles_.contains(role))
            error(pos, label + " " + quote(role) + " (known roles: " + roles_.ids() + ")");
    }

    // A task for one person names a person parameter of the trigger ({leaver}); whose
    // it is afterwards (then_role) is a role like any other, and only goes with person.
    void check_person(const TaskSpec& t, const std::string& path) {
        if (!t.then_role.empty()) {
            if (t.person.empty())
                error(at(path + ".then_role", t.pos),
                      "task " + quote(t.id) + " has 'then_role' but no 'person' it follows");
            check_role(t.then_role, "unknown then_role", at(path + ".then_role", t.pos));
        }
        if (t.person.empty()) return;
        const auto& people = trigger_people(d_.start.trigger);
        const bool named = t.person.size() > 2 && t.person.front() == '{' &&
                           t.person.back() == '}' &&
                           contains(people, t.person.substr(1, t.person.size() - 2));
        if (!named)
            error(at(path + ".person", t.pos),
                  "person " + quote(t.person) + " names no person parameter of this definition" +
                      (people.empty() ? std::string(" (only on = \"role_leave\" offers {leaver} "
                                                    "and {successor})")
                                      : std::string(" (use {leaver} or {successor})")));
    }

    // "{name}" in a title must be a parameter the instance has, or {item} with for_each.
    void check_placeholders(const TaskSpec& t, const std::string& text, SourcePos pos) {
        for (auto open = text.find('{'); open != std::string::npos;
             open = text.find('{', open + 1)) {
            const auto close = text.find('}', open);
            if (close == std::string::npos) return;
            const std::string name = text.substr(open + 1, close - open - 1);
            if (name == "item" && !t.for_each.empty()) continue;
            if (contains(trigger_params(d_.start.trigger), name)) continue;
            error(pos, "title of task " + quote(t.id) + " uses unknown placeholder {" + name + "}");
        }
    }

    void check_start_date(const std::string& name, std::string_view key) {
        // A start is not inside an instance: only municipality-wide dates make sense.
        if (name.empty() || is_start_moment(name) || contains(d_.required_dates, name)) return;
        error(at("start." + std::string(key), file_pos()),
              "unknown start date " + quote(name) + " (use " + or_list(named_moment_list(true)) +
                  " or a [requires] date)");
    }

    void check_years(const YearsSetting& y, std::string_view key, SourcePos pos) {
        if (y.setting.empty()) {
            if (y.value < 1)
                error(pos, quote(key) + " must be at least 1, got " + std::to_string(y.value));
        } else if (!is_municipality_setting(y.setting)) {
            error(pos, "unknown setting " + quote(y.setting) + " for " + quote(key) + " (use " +
                           or_list(municipality_setting_names()) + ")");
        }
    }

    void check_states() {
        std::map<std::string, int> state_lines;
        std::map<std::string, int> task_lines;
        for (std::size_t i = 0; i < d_.states.size(); ++i) {
            const StateSpec& s = d_.states[i];
            const std::string path = "states." + std::to_string(i);
            if (!s.id.empty()) {
                auto [it, fresh] = state_lines.emplace(s.id, s.pos.line);
                if (!fresh)
                    error(at(path + ".id", s.pos), "duplicate state id " + quote(s.id) +
                                                       " (first defined on line " +
                                                       std::to_string(it->second) + ")");
            }
            if (s.name.nl.empty())
                error(at(path + ".name", s.pos),
                      "state " + quote(s.id) + " has no Dutch name (name.nl)");
            for (std::size_t j = 0; j < s.tasks.size(); ++j) {
                const TaskSpec& t = s.tasks[j];
                const std::string task_path = path + ".tasks." + std::to_string(j);
                if (!t.id.empty()) {
                    auto [it, fresh] = task_lines.emplace(t.id, t.pos.line);
                    if (!fresh)
                        error(at(task_path + ".id", t.pos), "duplicate task id " + quote(t.id) +
                                                                " (first defined on line " +
                                                                std::to_string(it->second) + ")");
                }
                check_task(t, task_path);
            }
        }
    }

    void check_task(const TaskSpec& t, const std::string& path) {
        if (t.title.nl.empty())
            error(at(path + ".title", t.pos),
                  "task " + quote(t.id) + " has no Dutch title (title.nl)");
        check_role(t.role, "unknown role", at(path + ".role", t.pos));
        check_person(t, path);
        check_placeholders(t, t.title.nl, at(path + ".title", t.pos));
        check_placeholders(t, t.title.en, at(path + ".title", t.pos));
        if (t.escalation) {
            const Escalation& e = *t.escalation;
            if (e.after_days < 0)
                error(at(path + ".escalate.after_days", t.pos),
                      "escalate.after_days must be 0 or more, got " + std::to_string(e.after_days));
            check_role(e.to_role, "unknown escalation role", at(path + ".escalate.to", t.pos));
        }
        std::set<int> seen_days;
        for (std::size_t k = 0; k < t.remind_days.size(); ++k) {
            const int days = t.remind_days[k];
            const SourcePos pos = at(path + ".remind_days." + std::to_string(k), t.pos);
            if (days < 0)
                error(pos, "remind_days must be 0 or more, got " + std::to_string(days));
            else if (!seen_days.insert(days).second)
                error(pos, "remind_days lists " + std::to_string(days) + " more than once");
        }
        if (!t.when.empty()) check_guard(t.when, at(path + ".when", t.pos));
        if (!t.for_each.empty() && !contains(d_.required_lists, t.for_each))
            error(at(path + ".for_each", t.pos), "for_each names list " + quote(t.for_each) +
                                                     ", which is not declared in [requires] lists");
        check_due(t.due, path + ".due", t.pos);
    }

    void check_transitions() {
        for (std::size_t i = 0; i < d_.transitions.size(); ++i) {
            const TransitionSpec& t = d_.transitions[i];
            const std::string path = "transitions." + std::to_string(i);
            if (!t.from.empty()) {
                const StateSpec* from = d_.state(t.from);
                if (!from)
                    error(at(path + ".from", t.pos),
                          "transition comes from unknown state " + quote(t.from));
                else if (from->final)
                    error(at(path + ".from", t.pos), "transition leaves final state " +
                                                         quote(t.from) +
                                                         ": a final state ends the instance");
            }
            if (!t.to.empty() && !state_ids_.count(t.to))
                error(at(path + ".to", t.pos), "transition goes to unknown state " + quote(t.to));
            if (!t.guard.empty()) check_guard(t.guard, at(path + ".guard", t.pos));
            if (t.timer) check_due(*t.timer, path + ".after", t.pos);
        }
    }

    void check_reachability() {
        if (d_.initial.empty() || !state_ids_.count(d_.initial)) return;  // reported already
        std::set<std::string> reached{d_.initial};
        std::deque<std::string> todo{d_.initial};
        while (!todo.empty()) {
            const std::string from = todo.front();
            todo.pop_front();
            for (const auto& t : d_.transitions)
                if (t.from == from && state_ids_.count(t.to) && reached.insert(t.to).second)
                    todo.push_back(t.to);
        }
        std::set<std::string> reported;
        for (const auto& s : d_.states) {
            if (s.id.empty() || !reported.insert(s.id).second) continue;
            if (!reached.count(s.id))
                error(s.pos, "state " + quote(s.id) + " is unreachable from the initial state " +
                                 quote(d_.initial));
        }
    }

    void check_ways_out() {
        std::set<std::string> reported;
        for (const auto& s : d_.states) {
            if (s.id.empty() || s.final || !reported.insert(s.id).second) continue;
            const bool has_exit =
                std::any_of(d_.transitions.begin(), d_.transitions.end(),
                            [&](const TransitionSpec& t) { return t.from == s.id; });
            if (!has_exit)
                error(s.pos, "state " + quote(s.id) +
                                 " has no way out: add a transition or mark it final");
        }
    }

    void check_guard(const std::string& text, SourcePos pos) {
        const auto g = parse_guard(text);
        if (!g) {
            error(pos, "malformed guard " + quote(text) +
                           ": write a guard name, optionally preceded by 'not '");
            return;
        }
        if (is_known_guard(*g, d_)) return;
        if (g->name == "role_vacant") {
            error(pos, "guard 'role_vacant' only goes with on = \"role_leave\"");
        } else if (g->name == "last_year") {
            error(pos, "guard 'last_year' needs 'years' to be set");
        } else if (g->name.starts_with("has_")) {
            error(pos, "guard " + quote(g->name) + " names list " + quote(g->name.substr(4)) +
                           ", which is not declared in [requires] lists");
        } else if (g->name.ends_with("_year") && g->name != "_year") {
            const std::string rhythm = g->name.substr(0, g->name.size() - 5);
            error(pos, "guard " + quote(g->name) + " needs settings " + quote(g->name) + " and " +
                           quote(rhythm + "_every_years") + " under [settings]");
        } else {
            error(pos, "unknown guard " + quote(g->name) +
                           " (known guards: survey_year, last_year, needs_ggd_agreement, "
                           "role_vacant, has_<list>, <name>_year with settings <name>_year "
                           "and <name>_every_years)");
        }
    }

    void check_due(const DueRule& rule, const std::string& path, SourcePos fallback) {
        auto pos = [&](std::string_view key) {
            return at(path + "." + std::string(key), fallback);
        };
        std::visit(
            [&](const auto& r) {
                using T = std::decay_t<decltype(r)>;
                if constexpr (std::is_same_v<T, QuarterEnd>) {
                    if (r.quarter < 1 || r.quarter > 4)
                        error(pos("quarter_end"), "quarter_end must be between 1 and 4, got " +
                                                      std::to_string(r.quarter));
                    if (r.year < 0)
                        error(pos("year"), "year must be 0 or more, got " + std::to_string(r.year));
                } else if constexpr (std::is_same_v<T, AfterMoment> ||
                                     std::is_same_v<T, BeforeDate>) {
                    if (r.amount < 0)
                        error(pos(to_string(r.unit)), quote(to_string(r.unit)) +
                                                          " must be 0 or more, got " +
                                                          std::to_string(r.amount));
                    const bool after = std::is_same_v<T, AfterMoment>;
                    if (!r.amount_setting.empty())
                        check_setting_name(r.amount_setting, pos(to_string(r.unit)));
                    check_moment(r.anchor, pos(after ? "after" : "before"));
                } else if constexpr (std::is_same_v<T, EveryYears>) {
                    if (r.every < 1)
                        error(pos("every_years"),
                              "every_years must be at least 1, got " + std::to_string(r.every));
                    check_moment(r.anchor, pos("from"));
                }
            },
            rule.kind);
    }

    void check_moment(const std::string& name, SourcePos pos) {
        if (name.empty() || find_named_moment(name) || contains(d_.required_dates, name) ||
            events_.count(name) || contains(trigger_dates(d_.start.trigger), name))
            return;
        if (name.ends_with(kDoneSuffix)) {
            const std::string task = name.substr(0, name.size() - kDoneSuffix.size());
            if (task_ids_.count(task)) return;
            error(pos,
                  "unknown moment " + quote(name) + ": this definition has no task " + quote(task));
            return;
        }
        error(pos, "unknown moment " + quote(name) + " (use " + named_moment_list(false) +
                       ", <task id>.done, an event name or a [requires] date)");
    }

    std::string state_list() const {
        std::string out;
        for (const auto& s : d_.states) {
            if (s.id.empty()) continue;
            if (!out.empty()) out += ", ";
            out += s.id;
        }
        return out;
    }

    const Definition& d_;
    const RoleCatalog& roles_;
    const SourceMap& where_;
    std::set<std::string, std::less<>> events_;
    std::set<std::string, std::less<>> state_ids_;
    std::set<std::string, std::less<>> task_ids_;
    std::vector<LoadError> errors_;
};

}  // namespace

std::vector<LoadError> validate(const Definition& d, const RoleCatalog& roles,
                                const SourceMap& where) {
    return Checker(d, roles, where).run();
}

}  // namespace okod
