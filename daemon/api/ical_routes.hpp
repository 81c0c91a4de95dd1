#pragma once
// The calendar feeds (iCalendar, RFC 5545) that people subscribe to in Outlook, Google
// or Apple Calendar:
//
//   GET /ical/person/<feed secret>.ics  the deadlines of the roles that person holds
//                                    today; the secret (okodcal_..., okoctl people feed-url)
//                                    opens this one read-only feed and nothing else, so a
//                                    URL pasted into a calendar service grants no API access
//   GET /ical/person/<id>.ics        the same for person <id>, with Authorization: Bearer;
//                                    a person the token may see (its municipalities' people),
//                                    a stakeholder token only its own
//   GET /ical/municipality/<code>.ics  every deadline of the municipality and its council
//                                    elections; Bearer only; admin, regisseur, council
//
// API tokens in the path or in ?token= are refused (401) without being looked up.
// Refusals are thrown as ApiError, so Api::handle answers them as JSON like every other
// route. Runs on okod's strand (it reads the store), like the rest of the API.
#include "daemon/http/http_server.hpp"

namespace okod {

struct ApiContext;

// Serves a request whose first path segment is "ical".
HttpResponse serve_ical(const HttpRequest& request, ApiContext& context);

}  // namespace okod
