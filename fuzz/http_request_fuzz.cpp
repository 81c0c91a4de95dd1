// libFuzzer target: bytes from an HTTP client, through the same steps okod takes
// before a route runs: Beast's request parser with okod's limits, the framing rules,
// the conversion to okod's request, the target and query parser, the JSON body reader
// with typed fields, and the input rules on its text. Refusals are ApiErrors (a 4xx) or
// problems as values; anything else is a bug.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <cstddef>
#include <cstdint>

#include "daemon/api/api_error.hpp"
#include "daemon/api/api_request.hpp"
#include "daemon/http/http_framing.hpp"
#include "daemon/http/http_message.hpp"
#include "model/input_rules.hpp"

namespace http = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(64 * 1024);  // [http] max_body_kib's default
    boost::beast::error_code ec;
    parser.eager(true);
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_done()) return 0;
    (void)okod::framing_error(parser.get().base());
    okod::HttpRequest request = okod::to_http_request(parser.release(), "127.0.0.1");
    try {
        const auto target = okod::parse_target(request.target);
        (void)okod::query_int(target, "limit", 1, 1000);
        okod::allow_query(target, {"municipality", "limit"});
    } catch (const okod::ApiError&) {
    }
    try {
        okod::JsonBody body(request, {"note", "due", "reason", "fte", "money_euros", "recognised"});
        if (const auto note = body.string("note")) {
            (void)okod::text_problem("note", *note, okod::TextKind::free_text);
            (void)okod::reason_problem("reason", *note);
            (void)okod::email_problem("email", *note);
            (void)okod::escape_control_characters(*note);
        }
        (void)body.number("fte");
        (void)body.integer("money_euros");
        (void)body.boolean("recognised");
    } catch (const okod::ApiError&) {
    }
    return 0;
}
