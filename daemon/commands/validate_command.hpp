#pragma once
// `okoctl validate FILE...`: checks workflow definitions (and role catalogues) the way
// okod would load them, printing every problem as file:line:col: message.
#include <iosfwd>
#include <string>
#include <vector>

namespace okod {

// Prints each error to `err`, one per line, and "<file>: ok (...)" to `out` for each
// file that is valid. Returns 0 when every file is valid, 1 otherwise.
int run_validate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err);

}  // namespace okod
