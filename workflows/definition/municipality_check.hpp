#pragma once
// A municipality must only ask for what the definitions offer: the workflows it runs
// exist, it sets the dates and lists they need, and its [settings] and the roles its
// people hold are declared there. Pure: okod's runtime calls it on the config it
// loads (at start and on SIGHUP), before anything touches the store.
#include <string>
#include <vector>

#include "definition/load_error.hpp"
#include "definition/registry.hpp"
#include "model/municipality.hpp"
#include "model/people.hpp"

namespace okod {

// Every problem, each naming `municipalities_dir` (the problem is in one of its files,
// at no single place). Empty when the municipalities fit the definitions.
std::vector<LoadError> check_municipalities(const std::vector<Municipality>& municipalities,
                                            const std::vector<RoleAssignment>& assignments,
                                            const DefinitionRegistry& definitions,
                                            const std::string& municipalities_dir);

}  // namespace okod
