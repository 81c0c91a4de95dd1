#pragma once
// Parts of a municipality the API shows in more than one place (its summary and the
// people list): the capacity against the norm, and every role with its holders.
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <string>

#include "model/capacity.hpp"

namespace okod {

struct RouteCall;

boost::json::value capacity_view(const Capacity& cap);

// Every role someone holds or held in the municipality, plus the regisseur: its
// holders on `day`, or vacant (the same rule as okoctl people list).
boost::json::array roles_view(const RouteCall& call, const std::string& code, Date day);

}  // namespace okod
