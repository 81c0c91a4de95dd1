#pragma once
// Semantic checks over a parsed workflow definition: everything workflows/README.md
// promises under "Validation" that does not depend on TOML syntax (ids, references
// between states, tasks and transitions, roles, guards, named moments, numbers in due
// rules, Dutch texts). Pure: the TOML loader calls it after parsing, and tests and
// tools can call it on definitions built in code.
#include <map>
#include <string>
#include <vector>

#include "definition/definition.hpp"
#include "definition/load_error.hpp"
#include "definition/roles.hpp"

namespace okod {

// Where individual values were written, keyed by a dotted path into the file:
// "" (the file itself), "initial", "name", "start.every", "states.0.name",
// "states.0.tasks.1.role", "states.0.tasks.1.due.quarter_end",
// "states.0.tasks.1.remind_days.2", "transitions.2.to", "transitions.2.after.from".
// Indices are positions in Definition::states / tasks / transitions. The loader fills
// it so that an error points at the offending value; a value without an entry falls
// back to the position of its state, task or transition (0:0 for the definition).
using SourceMap = std::map<std::string, SourcePos>;

// Every problem found, ordered by position; empty when the definition is valid.
// Errors name `d.source_file`.
//
// Required strings that are empty (an id, a role, a transition's from/to) are skipped
// rather than reported: the loader reports them as missing keys, and reporting them
// twice would only add noise. Likewise an empty role catalogue disables the role
// checks: it means roles.toml did not load, which is reported on its own.
std::vector<LoadError> validate(const Definition& d, const RoleCatalog& roles,
                                const SourceMap& where = {});

}  // namespace okod
