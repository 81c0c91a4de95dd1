#pragma once
// Parts of a municipality the API shows in more than one place (its summary and the
// people list, the instances): the capacity against the norm, every role with its
// holders, and a running workflow.
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "model/capacity.hpp"
#include "model/instance.hpp"
#include "model/person_record.hpp"

namespace okod {

struct RouteCall;

boost::json::value capacity_view(const Capacity& cap);

// Every role someone holds or held in the municipality, plus the regisseur: its
// holders on `day`, or vacant (the same rule as okoctl people list).
boost::json::array roles_view(const RouteCall& call, const std::string& code, Date day);

// An instance (api_json.hpp) with its workflow's and step's names in the caller's
// language, as its own definition version has them; people by name (person_names).
boost::json::value instance_view(const RouteCall& call, const Instance& i,
                                 const PersonNameOf& person_names);

}  // namespace okod
