// libFuzzer target: bytes from an HTTP client, through the same steps okod takes
// before a route runs: Beast's request parser with okod's limits, the conversion to
// okod's request, the target and query parser, and the JSON body reader with typed
// fields. Refusals are ApiErrors (a 4xx); anything else is a bug.
#include "daemon/api/api_error.hpp"
#include "daemon/api/api_request.hpp"
#include "daemon/http/http_message.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include <cstddef>
#include <cstdint>

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(64 * 1024);  // [http] max_body_kib's default
    boost::beast::error_code ec;
    parser.eager(true);
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_done()) return 0;
    okod::HttpRequest request = okod::to_http_request(parser.release(), "127.0.0.1");
    try {
        const auto target = okod::parse_target(request.target);
        (void)okod::query_int(target, "limit", 1, 1000);
        okod::allow_query(target, {"municipality", "limit"});
    } catch (const okod::ApiError&) {
    }
    try {
        okod::JsonBody body(request, {"note", "due", "reason", "fte", "money_euros", "recognised"});
        (void)body.string("note");
        (void)body.number("fte");
        (void)body.integer("money_euros");
        (void)body.boolean("recognised");
    } catch (const okod::ApiError&) {
    }
    return 0;
}
