#pragma once
// One HTTP connection: reads requests one after another (keep-alive), has the handler
// answer each on the handler executor, writes the answers, and closes on errors,
// timeouts, `Connection: close` or stop(). Everything it does runs on its own strand;
// start() and stop() may be called from any thread. Internal to daemon/http.
#include <array>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "daemon/http/http_connections.hpp"
#include "daemon/http/http_message.hpp"

namespace okod {

// What the server and its connections share; outlives the HttpServer while
// connections still finish.
struct HttpServerState {
    HttpServerState(HttpLimits l, HttpLaneChooser c)
        : limits(l),
          choose_lane(std::move(c)),
          connections(l.max_connections, l.max_connections_per_client) {}

    const HttpLimits limits;
    const HttpLaneChooser choose_lane;
    HttpConnections connections;
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    // `socket` must be on a strand of its own.
    HttpSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<HttpServerState> state);
    ~HttpSession();
    HttpSession(const HttpSession&) = delete;
    HttpSession& operator=(const HttpSession&) = delete;

    void start(const HttpAdmitted& admitted);
    void stop();
    // Closes the connection, which was waiting for a request header, because a new
    // connection took its place (HttpConnections).
    void give_way();
    const std::string& client() const { return client_; }  // the remote address, no port

private:
    using Clock = std::chrono::steady_clock;

    void wait_for_request();
    void read_header();
    void on_header(boost::system::error_code ec);
    void read_body();
    void on_body(boost::system::error_code ec);
    void call_handler();
    void respond(HttpResponse&& response);
    void send(BeastResponse&& response, bool close_after);
    void fail(boost::system::error_code ec, const char* reading);
    void send_error(int status, const char* code, const std::string& message);
    void reject_at_once(const std::string& message);
    void linger();
    void drain();
    void log_request(unsigned status) const;

    boost::beast::tcp_stream stream_;
    std::shared_ptr<HttpServerState> state_;
    std::string remote_;
    std::string client_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    BeastResponse response_;  // kept alive while it is written

    // The request being served, for its answer and the log line.
    std::string method_ = "-";
    std::string target_ = "-";
    unsigned version_ = 11;
    bool keep_alive_ = false;
    bool head_ = false;
    Clock::time_point started_;
    Clock::time_point request_deadline_;  // header and body within read_timeout
    bool header_done_ = false;            // for the log: which deadline passed
    std::string note_;                    // why the transport answered by itself, for the log

    bool stopped_ = false;
    std::array<char, 4096> drain_buffer_{};
};

}  // namespace okod
