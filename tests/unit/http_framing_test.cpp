// RFC 9112's framing rules on a request header (daemon/http/http_framing.hpp): what a
// proxy in front and okod behind it could read differently is refused.
#include "daemon/http/http_framing.hpp"

#include <gtest/gtest.h>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

namespace okod {
namespace {

namespace http = boost::beast::http;

// The header as Beast's parser reads it off the wire.
std::optional<std::string> problem_of(const std::string& head) {
    http::request_parser<http::empty_body> parser;
    parser.eager(false);
    boost::system::error_code ec;
    parser.put(boost::asio::buffer(head), ec);
    EXPECT_TRUE(parser.is_header_done()) << ec.message() << ": " << head;
    return framing_error(parser.get().base());
}

TEST(HttpFraming, only_a_single_chunked_coding_passes) {
    EXPECT_EQ(problem_of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"),
              std::nullopt);
    EXPECT_EQ(problem_of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:  CHUNKED \r\n\r\n"),
              std::nullopt);
    EXPECT_EQ(problem_of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n"),
              "Transfer-Encoding 'gzip' is not supported: okod reads only 'chunked'");
    EXPECT_EQ(
        problem_of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n"),
        "Transfer-Encoding 'chunked, identity' is not supported: okod reads only 'chunked'");
    EXPECT_TRUE(
        problem_of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"));
    EXPECT_EQ(problem_of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                         "gzip\r\nTransfer-Encoding: chunked\r\n\r\n"),
              "more than one Transfer-Encoding field");
    EXPECT_EQ(problem_of("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"),
              "Transfer-Encoding is not allowed in an HTTP/1.0 request");
    EXPECT_EQ(
        problem_of(
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\n"),
        "a request may not have both Transfer-Encoding and Content-Length");
}

TEST(HttpFraming, one_content_length_with_one_number) {
    EXPECT_EQ(problem_of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n"), std::nullopt);
    EXPECT_EQ(
        problem_of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n"),
        "more than one Content-Length field");
    EXPECT_EQ(problem_of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\n"),
              "Content-Length must be one number");
}

TEST(HttpFraming, http_1_1_needs_exactly_one_valid_host) {
    EXPECT_EQ(problem_of("GET / HTTP/1.1\r\n\r\n"), "an HTTP/1.1 request needs a Host field");
    EXPECT_EQ(problem_of("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
              "more than one Host field");
    EXPECT_EQ(problem_of("GET / HTTP/1.1\r\nHost: a b\r\n\r\n"), "Host 'a b' is not host[:port]");
    EXPECT_TRUE(problem_of("GET / HTTP/1.1\r\nHost: a, b\r\n\r\n"));
    EXPECT_TRUE(problem_of("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n"));
    EXPECT_TRUE(problem_of("GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n"));
    for (const char* host : {"okod", "127.0.0.1:8470", "[::1]:8470", "oko.example.nl", ""})
        EXPECT_EQ(problem_of(std::string("GET / HTTP/1.1\r\nHost: ") + host + "\r\n\r\n"),
                  std::nullopt)
            << host;
    EXPECT_EQ(problem_of("GET / HTTP/1.0\r\n\r\n"), std::nullopt);
}

}  // namespace
}  // namespace okod
