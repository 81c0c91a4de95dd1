#include "definition/runs_guards.hpp"

#include "definition/guards.hpp"

namespace okod {

std::vector<LoadError> unknown_workflow_guards(const Definition& d,
                                               const std::set<std::string>& workflow_ids,
                                               const SourceMap& where) {
    constexpr std::string_view kRunsPrefix = "runs_";
    std::vector<LoadError> errors;
    for (std::size_t i = 0; i < d.states.size(); ++i) {
        for (std::size_t j = 0; j < d.states[i].tasks.size(); ++j) {
            const TaskSpec& t = d.states[i].tasks[j];
            const auto guard = parse_guard(t.when);
            if (!guard || !guard->name.starts_with(kRunsPrefix)) continue;
            const std::string workflow = guard->name.substr(kRunsPrefix.size());
            if (workflow_ids.contains(workflow)) continue;
            const auto it =
                where.find("states." + std::to_string(i) + ".tasks." + std::to_string(j) + ".when");
            const SourcePos pos = it == where.end() ? t.pos : it->second;
            errors.push_back({d.source_file, pos.line, pos.column,
                              "guard '" + guard->name + "' names workflow '" + workflow +
                                  "', which is not among the definitions"});
        }
    }
    return errors;
}

}  // namespace okod
