#include "daemon/http/http_message.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/beast/http/field.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <set>
#include <stdexcept>

namespace okod {

namespace http = boost::beast::http;

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    });
    return out;
}

// RFC 9110 token characters.
bool is_token(std::string_view name) {
    static constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
    return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               extra.find(static_cast<char>(c)) != std::string_view::npos;
    });
}

// A CR or LF in a value would let the handler's data split the response (response
// splitting); other control characters are not valid either, tabs aside.
bool is_field_value(std::string_view value) {
    return std::none_of(value.begin(), value.end(),
                        [](unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7f; });
}

}  // namespace

HttpRequest to_http_request(BeastRequest&& request, std::string remote) {
    HttpRequest out;
    out.method = std::string(request.method_string());
    out.target = std::string(request.target());
    for (const auto& field : request) {
        auto [it, inserted] =
            out.headers.try_emplace(lowercase(field.name_string()), field.value());
        // RFC 9110 5.3: repeated fields are one list, in order.
        if (!inserted) it->second.append(", ").append(field.value());
    }
    out.body = std::move(request.body());
    out.remote = std::move(remote);
    return out;
}

BeastResponse to_beast_response(HttpResponse&& response, unsigned version, bool head) {
    // Status codes the handler may choose; 1xx are the transport's.
    if (response.status < 200 || response.status > 599)
        throw std::invalid_argument(fmt::format("the handler returned status {}", response.status));
    BeastResponse out{static_cast<http::status>(response.status), version};
    out.set(http::field::server, "okod");
    out.set(http::field::cache_control, "no-store");
    if (!response.content_type.empty()) {
        if (!is_field_value(response.content_type))
            throw std::invalid_argument("the handler returned an invalid Content-Type");
        out.set(http::field::content_type, response.content_type);
    }
    std::set<std::string> replaced;
    for (const auto& [name, value] : response.headers) {
        if (!is_token(name) || !is_field_value(value))
            throw std::invalid_argument(
                fmt::format("the handler returned an invalid header '{}'", name));
        const std::string key = lowercase(name);
        if (key == "content-length" || key == "transfer-encoding" || key == "connection")
            throw std::invalid_argument(
                fmt::format("the handler set {}, which the server owns", name));
        if (replaced.insert(key).second) out.erase(name);
        out.insert(name, value);
    }

    // RFC 9110 6.4.1: 204 and 304 have no body; 204 has no Content-Length either.
    if (response.status == 204 || response.status == 304) return out;
    out.content_length(response.body.size());
    if (!head) out.body() = std::move(response.body);
    return out;
}

HttpResponse error_response(int status, std::string_view code, std::string_view message) {
    HttpResponse out;
    out.status = status;
    out.body = boost::json::serialize(boost::json::object{{"error", code}, {"message", message}});
    return out;
}

}  // namespace okod
