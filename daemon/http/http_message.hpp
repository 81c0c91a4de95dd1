#pragma once
// Conversions between Beast's messages and okod's HttpRequest/HttpResponse, and the
// JSON error answers the transport gives by itself. Internal to daemon/http.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>
#include <string_view>

#include "daemon/http/http_server.hpp"

namespace okod {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

HttpRequest to_http_request(BeastRequest&& request, std::string remote);

// The response on the wire, without Connection (the session decides) and, for HEAD,
// without body but with the body's Content-Length. Throws std::invalid_argument when
// the handler's response cannot be sent as it is (status, headers; see HttpResponse).
BeastResponse to_beast_response(HttpResponse&& response, unsigned version, bool head);

// {"error": code, "message": message} with `status`.
HttpResponse error_response(int status, std::string_view code, std::string_view message);

}  // namespace okod
