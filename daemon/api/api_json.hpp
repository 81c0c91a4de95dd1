#pragma once
// The API's JSON shapes of okod's model (documented in openapi.json). Times are ISO
// 8601 with the Amsterdam offset, days YYYY-MM-DD, titles in Dutch and English.
#include <boost/json/value.hpp>

#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "model/people.hpp"

namespace okod {

struct RoleCatalog;

boost::json::value to_json(const Municipality& m);
boost::json::value to_json(const Instance& i);
// role_name in `l` (the caller's language, caller_language.hpp); the title in both.
boost::json::value to_json(const Task& t, const RoleCatalog& roles, Language l = Language::nl);
boost::json::value to_json(const Event& e);
boost::json::value to_json(const OutboxItem& o);
boost::json::value to_json(const Person& p);
boost::json::value to_json(const RoleAssignment& a);

}  // namespace okod
