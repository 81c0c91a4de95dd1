#pragma once
// RFC 9112's rules for where a request ends, checked on the header before any body byte
// is read. A request whose framing two parties could read differently (a proxy in front
// and okod behind it) is refused with 400 and its connection closed, so nothing after
// it can be taken for a request of its own (request smuggling). Internal to daemon/http.
#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>
#include <optional>
#include <string>

namespace okod {

// Why the request header must be refused (a sentence for the 400), or nothing:
// - Transfer-Encoding other than exactly one field `chunked` (RFC 9112 6.1: okod
//   decodes no other coding, and one it cannot decode leaves the length unknown),
//   Transfer-Encoding in HTTP/1.0, or Transfer-Encoding with Content-Length (6.3);
// - more than one Content-Length field, or a list of lengths (6.3, 8.6 of RFC 9110);
// - an HTTP/1.1 request without Host, more than one Host, or a Host that is not
//   host[:port] (3.2).
std::optional<std::string> framing_error(const boost::beast::http::request_header<>& header);

}  // namespace okod
