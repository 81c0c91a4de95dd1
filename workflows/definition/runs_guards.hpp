#pragma once
// The guard "runs_<workflow id>" (the municipality runs that workflow too, so another
// one may already do the work: the Scanner's kernteam step when the trajectory formed
// it) names another definition. A misspelt id would make the guard false for ever and
// bring back the very duplicate it was meant to prevent, so the loader checks it
// against every definition of the directory.
#include <set>
#include <string>
#include <vector>

#include "definition/definition.hpp"
#include "definition/load_error.hpp"
#include "definition/validate.hpp"

namespace okod {

// One error per task whose `when` names a workflow that is not in `workflow_ids`, at
// the position `where` records for it (see validate()).
std::vector<LoadError> unknown_workflow_guards(const Definition& d,
                                               const std::set<std::string>& workflow_ids,
                                               const SourceMap& where);

}  // namespace okod
