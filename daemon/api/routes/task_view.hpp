#pragma once
// A task as the API shows it (the task routes and the process monitor): with its names
// rendered (role, workflow and step in the caller's language), its traffic light for okod's now,
// and whether it is a reporting deadline.
#include <boost/json/value.hpp>

#include "model/instance.hpp"

namespace okod {

struct RouteCall;

boost::json::value task_view(const RouteCall& call, const Task& t);

}  // namespace okod
