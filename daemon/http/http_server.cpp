#include "daemon/http/http_server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <cctype>

#include "daemon/http/http_session.hpp"

namespace okod {

namespace net = boost::asio;
using boost::system::error_code;
using net::ip::tcp;

namespace {

std::string endpoint_text(const std::string& address, unsigned short port) {
    return address.find(':') != std::string::npos ? fmt::format("[{}]:{}", address, port)
                                                  : fmt::format("{}:{}", address, port);
}

// "Address already in use" reads better after a colon as "address already in use".
std::string lower_first(std::string text) {
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// Accepts connections; shared with its pending handlers, so it outlives the server
// object until they finished. All of it runs on the acceptor's strand.
class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(net::io_context& io, std::shared_ptr<HttpServerState> state)
        : io_(io),
          state_(std::move(state)),
          acceptor_(net::make_strand(io)),
          retry_(acceptor_.get_executor()) {}

    tcp::acceptor& acceptor() { return acceptor_; }

    void accept() {
        acceptor_.async_accept(net::make_strand(io_),
                               [self = shared_from_this()](error_code ec, tcp::socket socket) {
                                   self->on_accept(ec, std::move(socket));
                               });
    }

    void close() {
        net::post(acceptor_.get_executor(), [self = shared_from_this()] {
            error_code ignored;
            self->acceptor_.close(ignored);
            self->retry_.cancel();
        });
    }

private:
    void on_accept(error_code ec, tcp::socket socket) {
        if (!acceptor_.is_open() || ec == net::error::operation_aborted) return;
        if (ec) {
            // Typically out of file descriptors: accepting again at once would spin;
            // give open connections a moment to finish.
            spdlog::warn("HTTP: cannot accept a connection: {}", ec.message());
            retry_.expires_after(std::chrono::milliseconds(100));
            retry_.async_wait([self = shared_from_this()](error_code wait_ec) {
                if (!wait_ec && self->acceptor_.is_open()) self->accept();
            });
            return;
        }
        auto session = std::make_shared<HttpSession>(std::move(socket), state_);
        const auto admitted =
            state_->connections.add(session, session->client(), HttpConnections::Clock::now());
        if (admitted.evicted) admitted.evicted->give_way();
        session->start(admitted);
        accept();
    }

    net::io_context& io_;
    std::shared_ptr<HttpServerState> state_;
    tcp::acceptor acceptor_;
    net::steady_timer retry_;
};

}  // namespace

struct HttpServer::Impl {
    std::shared_ptr<HttpServerState> state;
    std::shared_ptr<Listener> listener;
    unsigned short port = 0;
    bool listening = false;
};

HttpServer::HttpServer(net::io_context& io, net::any_io_executor handler_executor,
                       HttpLimits limits, HttpHandler handler)
    : HttpServer(io, limits,
                 [lane = HttpLane{std::move(handler_executor), std::move(handler)}](
                     const HttpRequest&) { return lane; }) {}

HttpServer::HttpServer(net::io_context& io, HttpLimits limits, HttpLaneChooser choose)
    : impl_(std::make_unique<Impl>()) {
    impl_->state = std::make_shared<HttpServerState>(limits, std::move(choose));
    impl_->listener = std::make_shared<Listener>(io, impl_->state);
}

HttpServer::~HttpServer() { close(); }

bool HttpServer::listen(const std::string& address, unsigned short port, std::string& error) {
    if (impl_->listening || impl_->state->connections.closed()) {
        error = endpoint_text(address, port) + ": the server is already listening or closed";
        return false;
    }
    error_code ec;
    const auto ip = net::ip::make_address(address, ec);
    if (ec) {
        error = fmt::format("{}: not an IP address", address);
        return false;
    }
    const tcp::endpoint endpoint(ip, port);
    auto& acceptor = impl_->listener->acceptor();
    const auto failed = [&](const error_code& why) {
        error = endpoint_text(address, port) + ": " + lower_first(why.message());
        error_code ignored;
        acceptor.close(ignored);
        return false;
    };
    if (acceptor.open(endpoint.protocol(), ec); ec) return failed(ec);
    // Lets a restarted okod bind while connections of the last run are in TIME_WAIT;
    // on Linux it does not let two listeners share the port.
    if (acceptor.set_option(tcp::acceptor::reuse_address(true), ec); ec) return failed(ec);
    if (ip.is_v6()) {
        // "::1" means that address only, not IPv4 as well.
        if (acceptor.set_option(net::ip::v6_only(true), ec); ec) return failed(ec);
    }
    if (acceptor.bind(endpoint, ec); ec) return failed(ec);
    if (acceptor.listen(net::socket_base::max_listen_connections, ec); ec) return failed(ec);
    impl_->port = acceptor.local_endpoint(ec).port();
    impl_->listening = true;
    spdlog::debug("HTTP server listening on {}", endpoint_text(address, impl_->port));
    net::post(acceptor.get_executor(), [listener = impl_->listener] { listener->accept(); });
    return true;
}

unsigned short HttpServer::port() const { return impl_->port; }

void HttpServer::close() {
    // Connections first: from here on a connection still being accepted is refused.
    for (const auto& session : impl_->state->connections.close()) session->stop();
    impl_->listener->close();
}

}  // namespace okod
