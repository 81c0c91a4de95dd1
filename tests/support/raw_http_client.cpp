#include "support/raw_http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace okod::test {

namespace http = boost::beast::http;

RawHttpClient::RawHttpClient(unsigned short port, const char* source)
    : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    if (fd_ < 0) throw std::runtime_error("cannot make a socket");
    if (source) {
        sockaddr_in from{};
        from.sin_family = AF_INET;
        ::inet_pton(AF_INET, source, &from.sin_addr);
        if (::bind(fd_, reinterpret_cast<const sockaddr*>(&from), sizeof from) != 0) {
            close();
            throw std::runtime_error(std::string("cannot bind to ") + source);
        }
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        close();
        throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
    }
}

RawHttpClient::~RawHttpClient() { close(); }

void RawHttpClient::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

bool RawHttpClient::send(std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::optional<RawHttpClient::Response> RawHttpClient::read_response(bool head,
                                                                    Clock::duration timeout) {
    http::response_parser<http::string_body> parser;
    parser.eager(true);
    parser.skip(head);
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        if (!pending_.empty()) {
            boost::system::error_code ec;
            const std::size_t used = parser.put(boost::asio::buffer(pending_), ec);
            pending_.erase(0, used);
            if (ec && ec != http::error::need_more) return std::nullopt;
            if (parser.is_done()) return parser.release();
            if (used > 0) continue;
        }
        if (receive(deadline) <= 0) return std::nullopt;
    }
}

bool RawHttpClient::closed_within(Clock::duration timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const long n = receive(deadline);
        if (n == 0 || (n < 0 && errno != EAGAIN)) return true;
        if (n < 0) return false;
    }
}

long RawHttpClient::receive(Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(left.count(), 0))) <= 0) {
        errno = EAGAIN;
        return -1;
    }
    char buffer[4096];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n > 0) pending_.append(buffer, static_cast<std::size_t>(n));
    if (n < 0 && errno == EAGAIN) errno = EIO;  // readable but nothing: treat as broken
    return n;
}

}  // namespace okod::test
