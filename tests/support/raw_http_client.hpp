#pragma once
// A client on plain sockets, so tests can send anything (half a request, broken
// headers, a smuggled second request) and every wait is bounded. Responses are parsed
// by Beast's parser.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace okod::test {

class RawHttpClient {
public:
    using Clock = std::chrono::steady_clock;
    using Response = boost::beast::http::response<boost::beast::http::string_body>;

    // Connects to 127.0.0.1:port from `source` (any 127.x.y.z: a client of another
    // address, for the limits per client). Throws when it cannot connect.
    explicit RawHttpClient(unsigned short port, const char* source = nullptr);
    ~RawHttpClient();
    RawHttpClient(const RawHttpClient&) = delete;
    RawHttpClient& operator=(const RawHttpClient&) = delete;

    void close();

    // False when the server has closed the connection.
    bool send(std::string_view data);

    // The next response, or nothing when the connection closed or `timeout` passed first.
    std::optional<Response> read_response(bool head = false,
                                          Clock::duration timeout = std::chrono::seconds(5));

    // True when the server closes the connection (EOF or reset) within `timeout`;
    // whatever it still sends meanwhile is kept for read_response().
    bool closed_within(Clock::duration timeout);

private:
    // > 0: bytes appended to pending_; 0: EOF; < 0: error, errno EAGAIN on timeout.
    long receive(Clock::time_point deadline);

    int fd_;
    std::string pending_;
};

}  // namespace okod::test
