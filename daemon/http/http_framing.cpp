#include "daemon/http/http_framing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <string_view>

#include "model/trim.hpp"

namespace okod {

namespace http = boost::beast::http;

namespace {

// uri-host [":" port] (RFC 3986): reg-name, IPv4 or a bracketed IP literal. Empty is
// allowed (RFC 9112 3.2: a target without authority). No comma, although RFC 3986
// allows one in a reg-name: two Host fields joined by a proxy look like that.
bool is_host(std::string_view v) {
    static constexpr std::string_view extra = "-._~!$&'()*+;=:%[]";
    return std::all_of(v.begin(), v.end(), [](unsigned char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               extra.find(static_cast<char>(c)) != std::string_view::npos;
    });
}

// For the message: what the client sent, cut short and without control characters.
std::string shown(std::string_view v) {
    std::string out;
    for (const unsigned char c : v.substr(0, 60))
        out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
    return v.size() > 60 ? out + "..." : out;
}

}  // namespace

std::optional<std::string> framing_error(const http::request_header<>& header) {
    const auto codings = header.count(http::field::transfer_encoding);
    const auto lengths = header.count(http::field::content_length);
    if (codings > 0) {
        if (codings > 1) return "more than one Transfer-Encoding field";
        if (header.version() < 11) return "Transfer-Encoding is not allowed in an HTTP/1.0 request";
        if (lengths > 0) return "a request may not have both Transfer-Encoding and Content-Length";
        const auto coding = trim_blanks(header[http::field::transfer_encoding]);
        if (!boost::beast::iequals(coding, "chunked"))
            return fmt::format("Transfer-Encoding '{}' is not supported: okod reads only 'chunked'",
                               shown(coding));
    }
    if (lengths > 1) return "more than one Content-Length field";
    if (lengths == 1 && header[http::field::content_length].find(',') != std::string_view::npos)
        return "Content-Length must be one number";
    const auto hosts = header.count(http::field::host);
    if (hosts > 1) return "more than one Host field";
    if (hosts == 0 && header.version() >= 11) return "an HTTP/1.1 request needs a Host field";
    if (hosts == 1 && !is_host(trim_blanks(header[http::field::host])))
        return fmt::format("Host '{}' is not host[:port]", shown(header[http::field::host]));
    return std::nullopt;
}

}  // namespace okod
