#pragma once
// The registry of okod's HTTP operations: one row per operation, read by everything that
// needs to know the routes, so they cannot disagree:
//
//   the router (router.cpp)           method and path pattern, permission, handler
//   GET /api/v1/me                    "may": each row's `may` key, asked of api_access
//   openapi.json                      operationId, paths, roles and schema names, held
//                                     equal by tests/api/operations_registry_test.cpp
//   README.md's route table           render_routes_markdown(), held equal by the same test
//   tests/api/isolation_process_test  every row is tried with another municipality's ids
//
// Adding a route: a row in operations.cpp, its handler in daemon/api/routes/, its test.
#include <span>
#include <string>
#include <string_view>

#include "daemon/http/http_server.hpp"
#include "model/api_access.hpp"

namespace okod {

struct RouteCall;

using RouteHandler = HttpResponse (*)(RouteCall&);

// When the router asks api_access about the permission, before the handler runs.
enum class Gate {
    // Refuse a token whose role may never use the operation (may_use) with 403, before
    // anything is looked up.
    role,
    // Let the handler look up what the request names first (404 for what the token may
    // not see, as for an unknown id), then ask api_access about that municipality, task
    // or person: another municipality's ids then answer like unknown ones (issue 16).
    resource,
};

struct Operation {
    std::string_view id;       // "tasks.complete": operationId in openapi.json
    std::string_view method;   // "GET", "POST", "PUT", "DELETE"
    std::string_view path;     // "/api/v1/tasks/{id}/complete"; "{name}.ics" ends a segment
    ApiPermission permission;  // who_may(permission) words it for people
    Gate gate;
    RouteHandler handler;
    std::string_view request_schema;   // components/schemas name of the JSON body, or ""
    std::string_view response_schema;  // components/schemas name of the 2xx JSON, or ""
    std::string_view okoctl;           // the okoctl command that calls it, or ""
    std::string_view summary;          // one line
    std::string_view may = {};         // the key of GET /api/v1/me's "may" it grants, or ""
};

std::span<const Operation> operations();

// True when `op` only reads, so it may run on a read thread with a read-only store
// (api.hpp): every GET but those that read the strand's own state (/ready: the next
// timer and the writer's health). Writes run on the strand, one engine step each.
bool reads_only(const Operation& op);

// The route table of README.md (between <!-- routes:begin --> and <!-- routes:end -->).
std::string render_routes_markdown();

}  // namespace okod
