#pragma once
// The calendar feeds (iCalendar, RFC 5545) that people subscribe to in Outlook, Google
// or Apple Calendar:
//
//   GET /ical/person/<token>.ics     the deadlines of the roles the token's person holds
//                                    today; the token in the path authenticates (calendar
//                                    apps cannot send headers)
//   GET /ical/person/<id>.ics        the same for person <id>; Bearer or ?token=; a
//                                    stakeholder token only for its own person
//   GET /ical/municipality/<code>.ics  every deadline of the municipality and its council
//                                    elections; Bearer or ?token=; admin, regisseur, council
//
// Refusals are thrown as ApiError, so Api::handle answers them as JSON like every other
// route. Runs on okod's strand (it reads the store), like the rest of the API.
#include "daemon/http/http_server.hpp"

namespace okod {

struct ApiContext;

// Serves a request whose first path segment is "ical".
HttpResponse serve_ical(const HttpRequest& request, ApiContext& context);

}  // namespace okod
