#pragma once
// A workflow's and a step's name as the API shows them, in the caller's language
// (caller_language.hpp); the id itself when the definition is not loaded (any more).
#include <string>

#include "model/text.hpp"

namespace okod {

struct Definition;

std::string workflow_name(const Definition* d, const std::string& workflow, Language l);
std::string state_name(const Definition* d, const std::string& state, Language l);

}  // namespace okod
