#pragma once
// okoctl's side of okod's HTTP API: one request at a time over libcurl, with a bearer
// token, `Accept: application/json`, 5 s to connect and 30 s in all. Any host works;
// loopback never goes through a proxy.
//
// A failed request is printed once, here, as "okoctl: <status>: <okod's message>" (or
// "okoctl: cannot reach okod at <url>: ..."), and its reply carries the exit code from
// exit_codes.hpp, so a command only returns it. Not thread-safe: one client per command.
//
//   ApiClient api(connection, std::cerr);
//   auto reply = api.get("/api/v1/tasks", {{"municipality", "GM0935"}});
//   if (!reply.ok()) return reply.exit_code;
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "daemon/client/exit_codes.hpp"

namespace okod {

struct ApiConnection {
    std::string url;           // okod's base URL, e.g. http://127.0.0.1:8470 (no trailing /)
    std::string token;         // the bearer secret
    std::string token_source;  // where it was found, for messages: "OKOD_TOKEN" or a file
};

struct ApiReply {
    int exit_code = exit_code::ok;
    long status = 0;          // HTTP status; 0 when okod did not answer
    boost::json::value body;  // okod's JSON answer, also an error's (null when it was not JSON)
    std::string text;         // a document's bytes (get_document), else empty
    bool ok() const { return exit_code == exit_code::ok; }
};

// Query parameters in order; an empty value leaves the parameter out.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

class ApiClient {
public:
    ApiClient(ApiConnection connection, std::ostream& err);

    ApiReply get(const std::string& path, const QueryParams& query = {});
    ApiReply post(const std::string& path, const boost::json::object& body);
    ApiReply put(const std::string& path, const boost::json::object& body);
    ApiReply del(const std::string& path);  // DELETE
    // A document okod renders (a report as HTML or Markdown): its text, not JSON. Errors
    // are okod's JSON errors as for get().
    ApiReply get_document(const std::string& path, const QueryParams& query = {});

    const ApiConnection& connection() const { return connection_; }

private:
    ApiReply send(const std::string& method, const std::string& path, const std::string& body,
                  bool document = false);
    ApiReply failed(long status, const std::string& url, const std::string& text);

    ApiConnection connection_;
    std::ostream& err_;
};

}  // namespace okod
