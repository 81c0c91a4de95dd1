#pragma once
// The HTTP router: dispatches a request from the operations registry (operations.hpp),
// in the order every route shares:
//
//   no row's path pattern matches         404 "no route ..."
//   a pattern matches, not the method     405 with Allow: the methods the table has there
//   the row needs a token                 401 unless Authorization: Bearer is a live token
//                                         or the okod_session cookie a live session (a
//                                         write by cookie: 403 without its CSRF token;
//                                         session_auth.hpp)
//   Gate::role and may_use says no        403 "a <role> token may not ..."
//   then the row's handler                which looks up what the request names and asks
//                                         api_access about it (Gate::resource)
//
// Errors are thrown as ApiError; Api::handle turns them into JSON.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/api/route_call.hpp"

namespace okod {

// The path parameters of `segments` (a parsed target) under `pattern`
// ("/api/v1/tasks/{id}", "/ical/person/{id}.ics"), or nullopt when it does not match.
std::optional<PathParams> match_path(std::string_view pattern,
                                     const std::vector<std::string>& segments);

HttpResponse route_request(const HttpRequest& request, ApiContext& context);

// Whether `request` may be served on a read thread (reads_only() of its operation).
// Requests no operation matches (404, 405) read nothing either: true.
bool reads_only(const HttpRequest& request);

}  // namespace okod
