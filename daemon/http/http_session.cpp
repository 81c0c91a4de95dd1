#include "daemon/http/http_session.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <cstdint>
#include <limits>

#include "adapters/auth/token_secret.hpp"
#include "daemon/http/http_framing.hpp"

namespace okod {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;

namespace {

std::string endpoint_text(const net::ip::tcp::socket& socket) {
    error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    if (ec) return "?";
    const auto address = remote.address();
    return address.is_v6() ? fmt::format("[{}]:{}", address.to_string(), remote.port())
                           : fmt::format("{}:{}", address.to_string(), remote.port());
}

// The address a connection comes from, for the limit per client.
std::string client_address(const net::ip::tcp::socket& socket) {
    error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    return ec ? std::string("?") : remote.address().to_string();
}

bool is_http_error(const error_code& ec) {
    return ec.category() == http::make_error_code(http::error::bad_method).category();
}

// On the handler executor. Empty when the server closed meanwhile: then the handler,
// and what it may capture, is not called any more.
std::optional<HttpResponse> run_handler(const HttpServerState& state, const HttpHandler& handler,
                                        const HttpRequest& request) {
    if (state.connections.closed()) return std::nullopt;
    try {
        return handler(request);
    } catch (const std::exception& e) {
        spdlog::error("HTTP {} {} from {}: the handler failed: {}", request.method,
                      redact_token_secrets(request.target), request.remote, e.what());
    } catch (...) {
        spdlog::error("HTTP {} {} from {}: the handler failed with an unknown exception",
                      request.method, redact_token_secrets(request.target), request.remote);
    }
    // What went wrong stays in the log: it may name files or data the client must not see.
    return error_response(500, "internal", "okod could not handle this request; its log says why");
}

}  // namespace

HttpSession::HttpSession(net::ip::tcp::socket socket, std::shared_ptr<HttpServerState> state)
    : stream_(std::move(socket)),
      state_(std::move(state)),
      remote_(endpoint_text(stream_.socket())),
      client_(client_address(stream_.socket())),
      started_(Clock::now()) {}

HttpSession::~HttpSession() { state_->connections.remove(this); }

void HttpSession::start(const HttpAdmitted& admitted) {
    net::dispatch(stream_.get_executor(), [self = shared_from_this(), admitted] {
        const auto& limits = self->state_->limits;
        const std::string message =
            admitted.client_limit
                ? fmt::format(
                      "okod serves at most {} connections from one address at once, each with a "
                      "request in progress; try again later",
                      limits.max_connections_per_client)
                : fmt::format(
                      "okod serves at most {} connections at once, each with a request in "
                      "progress; try again later",
                      limits.max_connections);
        switch (admitted.admission) {
            case HttpAdmission::serve:
                self->read_header();
                break;
            case HttpAdmission::reject:
                spdlog::warn("HTTP connection from {} rejected: {}", self->remote_, message);
                self->send_error(503, "unavailable", message);
                break;
            case HttpAdmission::reject_at_once:
                self->reject_at_once(message);
                break;
            case HttpAdmission::refuse:
                self->stream_.close();
                break;
        }
    });
}

void HttpSession::stop() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        self->stopped_ = true;
        self->stream_.close();
    });
}

void HttpSession::give_way() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        if (self->stopped_) return;
        spdlog::debug(
            "HTTP connection from {} closed: it waited longest for a request header when a new "
            "connection needed its place",
            self->remote_);
        self->stopped_ = true;
        self->stream_.close();
    });
}

// Over the limit with as many 503s already waiting to be read: this one is written
// without waiting (a fresh socket's send buffer takes it whole) and the connection
// closed at once, so a flood of connections costs no file descriptor for long. What the
// client has sent so far is read first: closing with unread data would send a reset,
// which may reach the client before the 503.
void HttpSession::reject_at_once(const std::string& message) {
    note_ = message;
    auto& socket = stream_.socket();
    error_code ec;
    socket.non_blocking(true, ec);
    BeastResponse response =
        to_beast_response(error_response(503, "unavailable", message), 11, false);
    response.keep_alive(false);
    http::write(socket, response, ec);
    for (int i = 0; i < 16 && !ec; ++i) socket.read_some(net::buffer(drain_buffer_), ec);
    error_code ignored;
    socket.shutdown(net::ip::tcp::socket::shutdown_both, ignored);
    stream_.close();
    spdlog::debug("HTTP connection from {} rejected at once: {}", remote_, message);
}

// Between requests of a kept-alive connection: the idle timeout runs until the next
// request's first byte, the read timeout from there.
void HttpSession::wait_for_request() {
    if (buffer_.size() > 0) return read_header();  // pipelined: already here
    stream_.expires_after(state_->limits.idle_timeout);
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](error_code ec, std::size_t n) {
                                if (ec) return self->fail(ec, "idle");
                                self->buffer_.commit(n);
                                self->read_header();
                            });
}

void HttpSession::read_header() {
    if (stopped_) return;
    method_ = "-";
    target_ = "-";
    version_ = 11;
    head_ = false;
    keep_alive_ = false;
    note_.clear();
    started_ = Clock::now();

    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
        state_->limits.max_header, std::numeric_limits<std::uint32_t>::max())));
    parser_->body_limit(state_->limits.max_body);
    // The header must be in within header_timeout, header and body within read_timeout:
    // a client that trickles a byte at a time (slowloris) is cut off as surely as one
    // that stops, and sooner than one sending a body.
    header_done_ = false;
    request_deadline_ = started_ + state_->limits.read_timeout;
    stream_.expires_at(std::min(request_deadline_, started_ + state_->limits.header_timeout));
    http::async_read_header(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](error_code ec, std::size_t) { self->on_header(ec); });
}

void HttpSession::on_header(error_code ec) {
    const auto& request = parser_->get();
    // Also after an error in the fields: the request line was parsed, and says in the log
    // what the 413 or 431 was for.
    if (!request.method_string().empty()) {
        method_ = std::string(request.method_string());
        target_ = redact_token_secrets(request.target());  // only for the log
    }
    if (ec) return fail(ec, "request");
    header_done_ = true;
    // From here the connection keeps its place; unless it gave it away meanwhile.
    if (!state_->connections.busy(this)) return give_way();
    version_ = request.version();
    keep_alive_ = request.keep_alive();
    head_ = request.method() == http::verb::head;
    started_ = Clock::now();
    if (const auto why = framing_error(request.base())) return send_error(400, "bad_request", *why);
    stream_.expires_at(request_deadline_);

    // Decided on the header alone, before any body byte is read or 100 Continue is
    // sent. Beast's parser checks this too as the header completes; the check stays
    // here so the rule does not hang on a detail of Beast's.
    if (const auto length = parser_->content_length(); length && *length > state_->limits.max_body)
        return fail(http::error::body_limit, "request");
    if (parser_->is_done()) return call_handler();
    if (version_ == 11 && beast::iequals(request[http::field::expect], "100-continue")) {
        static constexpr std::string_view continue_100 = "HTTP/1.1 100 Continue\r\n\r\n";
        net::async_write(stream_, net::buffer(continue_100),
                         [self = shared_from_this()](error_code write_ec, std::size_t) {
                             if (write_ec) return self->fail(write_ec, "response");
                             self->read_body();
                         });
        return;
    }
    read_body();
}

void HttpSession::read_body() {
    http::async_read(
        stream_, buffer_, *parser_,
        [self = shared_from_this()](error_code ec, std::size_t) { self->on_body(ec); });
}

void HttpSession::on_body(error_code ec) {
    if (ec) return fail(ec, "request");
    call_handler();
}

void HttpSession::call_handler() {
    HttpRequest request = to_http_request(parser_->release(), remote_);
    parser_.reset();
    if (head_) request.method = "GET";
    // The handler may take its time (the store); the client has nothing to send meanwhile.
    stream_.expires_never();
    // Tracked, so the connection's io_context keeps running while the handler runs on
    // an executor elsewhere.
    auto back = net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
    HttpLane lane = state_->choose_lane(request);
    net::post(
        lane.executor, [self = shared_from_this(), back = std::move(back),
                        handler = std::move(lane.handler), request = std::move(request)]() mutable {
            // Only the shared state here: the session's members belong to its strand.
            auto response = run_handler(*self->state_, handler, request);
            net::post(back, [self = std::move(self), response = std::move(response)]() mutable {
                if (!response) {
                    self->stream_.close();
                    return;
                }
                self->respond(std::move(*response));
            });
        });
}

void HttpSession::respond(HttpResponse&& response) {
    if (stopped_) return;
    BeastResponse out;
    try {
        out = to_beast_response(std::move(response), version_, head_);
    } catch (const std::exception& e) {
        spdlog::error("HTTP {} {} from {}: {}", method_, target_, remote_, e.what());
        out = to_beast_response(
            error_response(500, "internal", "okod could not handle this request; its log says why"),
            version_, head_);
    }
    send(std::move(out), !keep_alive_);
}

void HttpSession::send(BeastResponse&& response, bool close_after) {
    if (stopped_) return;
    response.keep_alive(!close_after);
    response_ = std::move(response);
    stream_.expires_after(state_->limits.read_timeout);
    http::async_write(stream_, response_,
                      [self = shared_from_this(), close_after](error_code ec, std::size_t) {
                          if (ec) return self->fail(ec, "response");
                          self->log_request(self->response_.result_int());
                          self->response_ = {};
                          if (close_after) return self->linger();
                          self->state_->connections.waiting(self.get(), Clock::now());
                          self->wait_for_request();
                      });
}

void HttpSession::fail(error_code ec, const char* phase) {
    if (stopped_) return;
    const auto& limits = state_->limits;
    if (ec == http::error::header_limit)
        return send_error(431, "header_too_large",
                          fmt::format("the header is larger than {} bytes", limits.max_header));
    if (ec == http::error::body_limit)
        return send_error(413, "payload_too_large",
                          fmt::format("the body is larger than {} bytes", limits.max_body));
    // partial_message: the client went away in the middle; nobody to answer.
    if (is_http_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message)
        return send_error(400, "bad_request", ec.message());

    if (ec == beast::error::timeout) {
        const bool idle = std::string_view(phase) == "idle";
        const bool header = !idle && !header_done_ && limits.header_timeout < limits.read_timeout;
        spdlog::debug("HTTP connection from {} closed: no {} within {} s", remote_,
                      idle     ? "new request"
                      : header ? "request header"
                               : phase,
                      (idle     ? limits.idle_timeout
                       : header ? limits.header_timeout
                                : limits.read_timeout)
                          .count());
    } else if (ec != http::error::end_of_stream && ec != net::error::eof)
        spdlog::debug("HTTP connection from {} closed while reading the {}: {}", remote_, phase,
                      ec.message());
    stream_.close();
}

void HttpSession::send_error(int status, const char* code, const std::string& message) {
    note_ = message;
    keep_alive_ = false;
    send(to_beast_response(error_response(status, code, message), version_, false), true);
}

// After an answer that closes the connection: stop sending, then read and drop what
// the client still sends until it closes too or the header timeout passed. Closing with
// unread data would make the kernel send a reset, and a client still sending its body
// (a 413) would get that instead of the answer.
void HttpSession::linger() {
    error_code ignored;
    stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
    // Nothing more will be served here: the place may go to a new connection.
    state_->connections.waiting(this, Clock::now());
    stream_.expires_after(std::min(state_->limits.read_timeout, state_->limits.header_timeout));
    drain();
}

void HttpSession::drain() {
    stream_.async_read_some(net::buffer(drain_buffer_),
                            [self = shared_from_this()](error_code ec, std::size_t) {
                                if (ec) return self->stream_.close();
                                self->drain();
                            });
}

void HttpSession::log_request(unsigned status) const {
    const auto took = std::chrono::duration<double, std::milli>(Clock::now() - started_);
    if (note_.empty())
        spdlog::debug("HTTP {} {} from {}: {} in {:.1f} ms", method_, target_, remote_, status,
                      took.count());
    else
        spdlog::debug("HTTP {} {} from {}: {} ({}) in {:.1f} ms", method_, target_, remote_, status,
                      note_, took.count());
}

}  // namespace okod
