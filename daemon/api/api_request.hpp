#pragma once
// What a route needs from a request: the path split into segments, the query
// parameters decoded, and a JSON body read field by field with precise errors
// (unknown fields, wrong types and missing fields are 400s that name the field).
#include <boost/json/object.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace okod {

struct HttpRequest;

struct ApiTarget {
    std::vector<std::string> segments;         // "/api/v1/tasks/7" -> api, v1, tasks, 7
    std::map<std::string, std::string> query;  // decoded; a repeated key keeps the last value
};
// Throws ApiError (400) for a target that is not a valid origin-form URL.
ApiTarget parse_target(const std::string& target);

// The query parameters a route accepts; any other is a 400 naming it.
void allow_query(const ApiTarget& t, std::initializer_list<const char*> names);

class JsonBody {
public:
    // An object with only the `allowed` fields; an empty body is an empty object.
    JsonBody(const HttpRequest& r, std::initializer_list<const char*> allowed);

    std::optional<std::string> string(const char* field, bool required = false) const;
    std::optional<double> number(const char* field) const;
    // A whole number (42, or 42.0); anything else is a 400 naming the field.
    std::optional<std::int64_t> integer(const char* field) const;
    std::optional<bool> boolean(const char* field) const;
    // Whether the body has the field at all, null included: for a partial update, where
    // null clears a value and a missing field keeps it.
    bool contains(const char* field) const;

private:
    boost::json::object object_;
};

// Query helpers with 400s that name the parameter.
std::optional<std::int64_t> query_int(const ApiTarget& t, const char* name, std::int64_t min,
                                      std::int64_t max);
std::int64_t path_id(const std::string& segment, const char* what);

}  // namespace okod
