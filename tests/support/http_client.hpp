#pragma once
// A real HTTP client for tests of okod's API: libcurl, loopback only, with a bounded
// timeout so a hanging server fails the test instead of stalling it.
#include <boost/json/value.hpp>
#include <string>
#include <vector>

namespace okod::test {

struct HttpResult {
    long status = 0;  // 0 when no answer came
    std::string body;
    std::string headers;  // raw response headers
    std::string error;    // libcurl's message when status is 0

    boost::json::value json() const;  // the body parsed; fails the test when it is not JSON
    std::string message() const;      // an error body's "message" ("" when it has none)
};

HttpResult http_request(const std::string& method, const std::string& url,
                        const std::string& body = "", const std::string& token = "");

// Like http_request, with the request headers given as they are ("Name: value") and no
// others; HEAD returns once the headers are in (there is no body to wait for).
HttpResult http_request_with_headers(const std::string& method, const std::string& url,
                                     const std::vector<std::string>& headers,
                                     const std::string& body = "");

}  // namespace okod::test
