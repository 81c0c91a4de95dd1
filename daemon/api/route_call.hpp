#pragma once
// One request on its way through a handler of the operations registry
// (daemon/api/operations.cpp): the request, its parsed target and path parameters, the
// authenticated token, and the store, engine and clock it may use. The lookups here
// (municipality, task, person) answer 404 for what the token may not see, exactly as
// for an unknown id (issue 16), so every handler hides the same way.
//
// Not thread-safe: lives for one request on okod's strand.
#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>

#include "daemon/api/api_request.hpp"
#include "daemon/api/session_auth.hpp"
#include "daemon/http/http_server.hpp"
#include "model/api_token.hpp"
#include "model/refusal.hpp"
#include "model/store.hpp"

namespace okod {

struct ApiContext;
struct CommandResult;
struct Runtime;
class Engine;

using PathParams = std::map<std::string, std::string, std::less<>>;

HttpResponse json_response(int status, const boost::json::value& v);
// {"error": code, "message": message}; a 401 also says how to authenticate.
HttpResponse error_response(int status, const std::string& code, const std::string& message);

struct RouteCall {
    const HttpRequest& request;
    ApiContext& context;
    ApiTarget target;
    PathParams params;  // "{code}" of the path pattern -> "GM0935"
    ApiToken token;     // empty for public and feed routes (they authenticate themselves)
    std::optional<SignedIn> session;  // when a browser's session cookie authenticated it

    Runtime& runtime() const;
    Store& store() const;
    Engine& engine() const;
    Instant now() const;
    Date today() const;
    const std::string& param(std::string_view name) const;

    // Who did it, for the event log: the token's person, else its label.
    std::string by() const;

    Municipality municipality(const std::string& code) const;
    // The municipality a list is about: the `municipality` parameter, required unless
    // the token sees exactly one.
    std::string list_municipality() const;
    Task task(std::int64_t id) const;
    Person person(const std::string& id) const;
    // 403 unless the token may change the municipality's work.
    void need_write(const std::string& code) const;
    // An engine refusal, as api_error.hpp maps its type.
    [[noreturn]] void refused(const CommandResult& r) const;
    // A write's answer: wakes the scheduler and the outbox first.
    HttpResponse written(const boost::json::value& v) const;
};

}  // namespace okod
