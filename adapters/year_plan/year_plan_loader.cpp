#include "adapters/year_plan/year_plan_loader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "adapters/toml/toml_fields.hpp"
#include "model/measurement.hpp"
#include "model/trim.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

SourcePos pos_of(const toml::node& n) {
    return {static_cast<int>(n.source().begin.line), static_cast<int>(n.source().begin.column)};
}

// "GM0935-2026.toml" -> ("GM0935", 2026).
std::optional<std::pair<std::string, int>> split_file_name(const fs::path& file) {
    const std::string stem = file.stem().string();
    if (stem.size() != 11 || stem[6] != '-') return std::nullopt;
    const std::string code = stem.substr(0, 6);
    const std::string year = stem.substr(7);
    if (!is_cbs_code(code) || year.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::pair{code, std::stoi(year)};
}

// A string (Dutch only) or a table { nl = "...", en = "..." } with nl required.
std::optional<Text> text_value(TomlFields& f, const toml::node& n, std::string_view key) {
    if (const auto* s = n.as_string()) {
        if (s->get().empty()) {
            f.error(&n, fmt::format("'{}' must not be empty", key));
            return std::nullopt;
        }
        return Text{s->get(), {}};
    }
    if (const auto* t = n.as_table()) {
        f.allow_only(*t, fmt::format("'{}' (only nl and en)", key), {"nl", "en"});
        Text text;
        text.nl = f.required_string(*t, "nl");
        text.en = f.optional_string(*t, "en").value_or("");
        if (text.nl.empty()) return std::nullopt;
        return text;
    }
    f.error(&n,
            fmt::format("expected a string or {{ nl = \"...\", en = \"...\" }} for '{}', got {}",
                        key, toml_type_name(n)));
    return std::nullopt;
}

Text required_text(TomlFields& f, const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) {
        f.error(&t, fmt::format("missing required key '{}'", key));
        return {};
    }
    return text_value(f, *n, key).value_or(Text{});
}

int required_year(TomlFields& f, const toml::table& t, std::string_view key) {
    if (!t.get(key)) {
        f.error(&t, fmt::format("missing required key '{}'", key));
        return 0;
    }
    return f.integer_in(t, key, 0, kFirstYear, kLastYear);
}

// The array of tables `key` (each [[key]] entry), reporting entries that are not tables.
std::vector<const toml::table*> entries(TomlFields& f, const toml::table& t, std::string_view key) {
    std::vector<const toml::table*> out;
    if (const toml::array* a = f.optional_array(t, key)) {
        for (const auto& node : *a) {
            if (const toml::table* et = node.as_table())
                out.push_back(et);
            else
                f.error(&node, fmt::format("each [[{}]] entry must be a table", key));
        }
    }
    return out;
}

// Ids are keys: the second use of one is an error at its place, naming the first.
class IdSet {
public:
    IdSet(TomlFields& f, std::string what) : f_(f), what_(std::move(what)) {}
    void add(const toml::table& t, const std::string& id) {
        if (id.empty()) return;
        const toml::node* n = t.get("id");
        const SourcePos at = n ? pos_of(*n) : SourcePos{};
        const auto [it, fresh] = first_.emplace(id, at);
        if (!fresh)
            f_.error(n, fmt::format("{} id '{}' is used twice (first at line {})", what_, id,
                                    it->second.line));
    }

private:
    TomlFields& f_;
    std::string what_;
    std::map<std::string, SourcePos> first_;
};

void read_workgroups(TomlFields& f, const toml::table& t, YearPlan& plan) {
    IdSet ids(f, "workgroup");
    for (const toml::table* wt : entries(f, t, "workgroups")) {
        f.allow_only(*wt, "workgroup", {"id", "name", "goals"});
        Workgroup w;
        w.id = f.required_string(*wt, "id");
        ids.add(*wt, w.id);
        w.name = required_text(f, *wt, "name");
        if (const toml::array* goals = f.optional_array(*wt, "goals"))
            for (const auto& g : *goals)
                if (auto text = text_value(f, g, "goals")) w.goals.push_back(std::move(*text));
        plan.workgroups.push_back(std::move(w));
    }
    if (plan.workgroups.empty()) f.error(&t, "a year plan needs at least one [[workgroups]] entry");
}

void read_activities(TomlFields& f, const toml::table& t, LoadedYearPlan& loaded) {
    YearPlan& plan = loaded.plan;
    IdSet ids(f, "activity");
    std::vector<std::string> workgroups;
    for (const auto& w : plan.workgroups) workgroups.push_back(w.id);
    for (const toml::table* at : entries(f, t, "activities")) {
        f.allow_only(*at, "activity", {"id", "workgroup", "title", "tasks", "remark"});
        Activity a;
        a.id = f.required_string(*at, "id");
        ids.add(*at, a.id);
        a.workgroup = f.required_string(*at, "workgroup");
        if (!a.workgroup.empty() && !plan.workgroup(a.workgroup))
            f.error(at->get("workgroup"),
                    fmt::format("activity '{}' names unknown workgroup '{}' (workgroups: {})", a.id,
                                a.workgroup, fmt::join(workgroups, ", ")));
        a.title = required_text(f, *at, "title");
        a.remark = f.optional_string(*at, "remark").value_or("");
        std::vector<SourcePos> positions;
        if (const toml::array* tasks = f.optional_array(*at, "tasks")) {
            for (const auto& n : *tasks) {
                const auto* s = n.as_string();
                auto selector = s ? parse_task_selector(s->get()) : std::nullopt;
                if (!selector) {
                    f.error(&n,
                            fmt::format("a task is written \"workflow/task\" (e.g. "
                                        "\"oko-cycle/survey\"), not {}",
                                        s ? "'" + s->get() + "'" : std::string(toml_type_name(n))));
                    continue;
                }
                a.tasks.push_back(std::move(*selector));
                positions.push_back(pos_of(n));
            }
        }
        plan.activities.push_back(std::move(a));
        loaded.task_positions.push_back(std::move(positions));
    }
}

GoalPoint read_point(TomlFields& f, const toml::table& t, std::string_view key) {
    GoalPoint p;
    const toml::table* pt = f.optional_table(t, key);
    if (!pt) {
        if (!t.get(key))
            f.error(&t,
                    fmt::format("missing required key '{}' ({{ value = ..., year = ... }})", key));
        return p;
    }
    f.allow_only(*pt, fmt::format("'{}'", key), {"value", "year"});
    if (!pt->get("value")) f.error(pt, fmt::format("missing required key 'value' in '{}'", key));
    p.value = f.number_in(*pt, "value", -1e9, 1e9).value_or(0.0);
    p.year = required_year(f, *pt, "year");
    return p;
}

void read_policy_goals(TomlFields& f, const toml::table& t, YearPlan& plan) {
    IdSet ids(f, "policy goal");
    for (const toml::table* gt : entries(f, t, "policy_goals")) {
        f.allow_only(*gt, "policy goal",
                     {"id", "pillar", "indicator", "description", "population", "unit", "baseline",
                      "target", "direction"});
        PolicyGoal g;
        g.id = f.required_string(*gt, "id");
        ids.add(*gt, g.id);
        const std::string pillar = f.required_string(*gt, "pillar");
        if (auto p = parse_pillar(pillar))
            g.pillar = *p;
        else if (!pillar.empty())
            f.error(gt->get("pillar"),
                    fmt::format("pillar must be aanbod, vraag, schade, omgeving, ouders, school or "
                                "vrije_tijd, not '{}'",
                                pillar));
        g.indicator = f.required_string(*gt, "indicator");
        // Matched to imported survey values by name: a typo would never match.
        if (!g.indicator.empty() && !is_indicator_name(g.indicator))
            f.error(gt->get("indicator"),
                    fmt::format(
                        "indicator '{}' must be lowercase letters, digits and _ (as in the survey "
                        "files), e.g. alcohol_last_month",
                        g.indicator));
        g.description = required_text(f, *gt, "description");
        g.population = f.required_string(*gt, "population");
        if (g.population != std::string(trim_blanks(g.population)))
            f.error(gt->get("population"),
                    fmt::format(
                        "population '{}' has spaces around it: the survey values would not match",
                        g.population));
        if (auto unit = f.optional_string(*gt, "unit")) g.unit = *unit;
        g.baseline = read_point(f, *gt, "baseline");
        g.target = read_point(f, *gt, "target");
        if (auto dir = f.optional_string(*gt, "direction")) {
            if (auto d = parse_direction(*dir))
                g.direction = *d;
            else
                f.error(gt->get("direction"),
                        fmt::format("direction must be down or up, not '{}'", *dir));
        }
        if (g.baseline.year && g.target.year && g.target.year <= g.baseline.year)
            f.error(gt->get("target"),
                    fmt::format("the target year {} must come after the baseline year {}",
                                g.target.year, g.baseline.year));
        const bool wrong_way = g.direction == Direction::down ? g.target.value > g.baseline.value
                                                              : g.target.value < g.baseline.value;
        if (wrong_way && gt->get("target") && gt->get("baseline"))
            f.error(
                gt->get("target"),
                fmt::format("direction is {} but the target {} is {} the baseline {}",
                            to_string(g.direction), g.target.value,
                            g.direction == Direction::down ? "above" : "below", g.baseline.value));
        plan.policy_goals.push_back(std::move(g));
    }
}

}  // namespace

namespace {

// The plan in `doc`, which was read from `source` and must be `named` (code, year).
std::optional<LoadedYearPlan> read_plan(TomlFields& f, const std::optional<toml::table>& doc,
                                        const std::string& source,
                                        const std::pair<std::string, int>& named,
                                        const std::vector<Municipality>& municipalities,
                                        std::vector<LoadError>& errors) {
    const std::size_t errors_before = errors.size();
    if (!doc) return std::nullopt;
    const toml::table& t = *doc;
    f.allow_only(t, "year plan",
                 {"municipality", "year", "workgroups", "activities", "policy_goals"});

    LoadedYearPlan loaded;
    loaded.file = source;
    YearPlan& plan = loaded.plan;
    plan.municipality = f.required_string(t, "municipality");
    if (!plan.municipality.empty()) {
        const bool known =
            std::any_of(municipalities.begin(), municipalities.end(),
                        [&](const Municipality& m) { return m.code == plan.municipality; });
        std::vector<std::string> codes;
        for (const auto& m : municipalities) codes.push_back(m.code);
        if (plan.municipality != named.first)
            f.error(t.get("municipality"),
                    fmt::format("municipality {} does not match the file name (a plan for {})",
                                plan.municipality, named.first));
        else if (!known)
            f.error(
                t.get("municipality"),
                fmt::format("a year plan for unknown municipality {} (configured: {})",
                            plan.municipality,
                            codes.empty() ? "none" : fmt::format("{}", fmt::join(codes, ", "))));
    }
    plan.year = required_year(f, t, "year");
    if (plan.year && plan.year != named.second)
        f.error(t.get("year"), fmt::format("year {} does not match the file name (a plan for {})",
                                           plan.year, named.second));
    read_workgroups(f, t, plan);
    read_activities(f, t, loaded);
    read_policy_goals(f, t, plan);
    if (errors.size() != errors_before) return std::nullopt;
    return loaded;
}

}  // namespace

std::optional<LoadedYearPlan> load_year_plan(const fs::path& file,
                                             const std::vector<Municipality>& municipalities,
                                             std::vector<LoadError>& errors) {
    TomlFields f(file.string(), errors);
    const auto named = split_file_name(file);
    if (!named) {
        errors.push_back({file.string(), 0, 0,
                          "a year plan file is named <CODE>-<YEAR>.toml, e.g. GM0935-2026.toml"});
        return std::nullopt;
    }
    return read_plan(f, f.parse_file(), file.string(), *named, municipalities, errors);
}

std::optional<LoadedYearPlan> load_year_plan_text(std::string_view text, const std::string& source,
                                                  const std::string& municipality, int year,
                                                  const std::vector<Municipality>& municipalities,
                                                  std::vector<LoadError>& errors) {
    TomlFields f(source, errors);
    return read_plan(f, f.parse_text(text), source, {municipality, year}, municipalities, errors);
}

std::vector<LoadedYearPlan> load_year_plans(const fs::path& dir,
                                            const std::vector<Municipality>& municipalities,
                                            std::vector<LoadError>& errors) {
    std::vector<LoadedYearPlan> plans;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return plans;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        if (auto p = load_year_plan(file, municipalities, errors)) plans.push_back(std::move(*p));
    return plans;
}

void check_plan_tasks(const std::vector<LoadedYearPlan>& plans,
                      const std::vector<Municipality>& municipalities,
                      const DefinitionRegistry& definitions, std::vector<LoadError>& errors) {
    for (const auto& loaded : plans) {
        const auto m =
            std::find_if(municipalities.begin(), municipalities.end(),
                         [&](const Municipality& x) { return x.code == loaded.plan.municipality; });
        for (std::size_t i = 0; i < loaded.plan.activities.size(); ++i) {
            const Activity& a = loaded.plan.activities[i];
            for (std::size_t j = 0; j < a.tasks.size(); ++j) {
                const TaskSelector& s = a.tasks[j];
                const SourcePos at = loaded.task_positions[i][j];
                const auto fail = [&](std::string message) {
                    errors.push_back({loaded.file, at.line, at.column, std::move(message)});
                };
                const Definition* d = definitions.latest(s.workflow);
                if (!d) {
                    fail(fmt::format("activity '{}' names unknown workflow '{}' (known: {})", a.id,
                                     s.workflow, fmt::join(definitions.ids(), ", ")));
                    continue;
                }
                std::vector<std::string> task_ids;
                for (const auto& state : d->states)
                    for (const auto& spec : state.tasks) task_ids.push_back(spec.id);
                if (std::find(task_ids.begin(), task_ids.end(), s.task) == task_ids.end()) {
                    fail(
                        fmt::format("activity '{}': workflow '{}' has no task '{}' (its tasks: {})",
                                    a.id, s.workflow, s.task, fmt::join(task_ids, ", ")));
                    continue;
                }
                if (m != municipalities.end() && std::find(m->workflows.begin(), m->workflows.end(),
                                                           s.workflow) == m->workflows.end())
                    fail(fmt::format("activity '{}': {} does not run workflow '{}'", a.id, m->code,
                                     s.workflow));
            }
        }
    }
}

const YearPlan* find_plan(const std::vector<LoadedYearPlan>& plans, const std::string& municipality,
                          int year) {
    for (const auto& p : plans)
        if (p.plan.municipality == municipality && p.plan.year == year) return &p.plan;
    return nullptr;
}

}  // namespace okod
