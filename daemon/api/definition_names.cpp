#include "daemon/api/definition_names.hpp"

#include "definition/definition.hpp"

namespace okod {

std::string workflow_name(const Definition* d, const std::string& workflow, Language l) {
    return d ? d->name.in(l) : workflow;
}

std::string state_name(const Definition* d, const std::string& state, Language l) {
    const StateSpec* s = d ? d->state(state) : nullptr;
    return s ? s->name.in(l) : state;
}

}  // namespace okod
