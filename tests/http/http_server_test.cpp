#include "daemon/http/http_server.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace okod::test {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Response = http::response<http::string_body>;

// A client on plain sockets, so tests can send anything (half a request, broken
// headers) and every wait is bounded. Responses are parsed by Beast's parser.
class Client {
public:
    explicit Client(unsigned short port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd_ < 0 || ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
            throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
    }
    ~Client() { close(); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

    // False when the server has closed the connection.
    bool send(std::string_view data) {
        while (!data.empty()) {
            const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
            if (n <= 0) return false;
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

    // The next response, or nothing when the connection closed or `timeout` passed first.
    std::optional<Response> read_response(bool head = false, Clock::duration timeout = 5s) {
        http::response_parser<http::string_body> parser;
        parser.eager(true);
        parser.skip(head);
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            if (!pending_.empty()) {
                boost::system::error_code ec;
                const std::size_t used = parser.put(net::buffer(pending_), ec);
                pending_.erase(0, used);
                if (ec && ec != http::error::need_more) return std::nullopt;
                if (parser.is_done()) return parser.release();
                if (used > 0) continue;
            }
            if (receive(deadline) <= 0) return std::nullopt;
        }
    }

    // True when the server closes the connection (EOF or reset) within `timeout`;
    // whatever it still sends meanwhile is kept for read_response().
    bool closed_within(Clock::duration timeout) {
        const auto deadline = Clock::now() + timeout;
        for (;;) {
            const ssize_t n = receive(deadline);
            if (n == 0 || (n < 0 && errno != EAGAIN)) return true;
            if (n < 0) return false;
        }
    }

private:
    // > 0: bytes appended to pending_; 0: EOF; < 0: error, errno EAGAIN on timeout.
    ssize_t receive(Clock::time_point deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
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

    int fd_;
    std::string pending_;
};

std::string get(std::string_view target, std::string_view extra_headers = "") {
    return "GET " + std::string(target) + " HTTP/1.1\r\nHost: okod\r\n" + std::string(extra_headers) + "\r\n";
}

std::string json_field(const Response& response, const char* name) {
    return std::string(boost::json::parse(response.body()).as_object().at(name).as_string());
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Echoes the request: status from X-Status, body "METHOD target\nbody", the remote
// address in a header. "/throw" throws.
HttpResponse echo(const HttpRequest& request) {
    if (request.target == "/throw") throw std::runtime_error("the store is on fire");
    HttpResponse response;
    if (const auto it = request.headers.find("x-status"); it != request.headers.end())
        response.status = std::stoi(it->second);
    response.body = request.method + " " + request.target + "\n" + request.body;
    response.headers = {{"X-Remote", request.remote}, {"X-Echo", "one"}, {"X-Echo", "two"}};
    return response;
}

// A server on 127.0.0.1:0 with its io_context on two threads (sessions have strands of
// their own, so more than one thread must work), the handler on a strand of it.
class HttpServerTest : public ::testing::Test {
protected:
    void start(HttpLimits limits = {}, HttpHandler handler = echo,
               std::optional<net::any_io_executor> executor = std::nullopt) {
        if (!executor) executor = handler_strand_;
        const auto strand = handler_strand_;
        const bool own_strand = executor == net::any_io_executor(handler_strand_);
        server_.emplace(io_, *executor, limits, [=, this](const HttpRequest& request) {
            if (own_strand && !strand.running_in_this_thread()) ++off_strand_;
            {
                std::lock_guard lock(mutex_);
                requests_.push_back(request);
            }
            return handler(request);
        });
        std::string error;
        ASSERT_TRUE(server_->listen("127.0.0.1", 0, error)) << error;
        ASSERT_NE(server_->port(), 0);
        for (int i = 0; i < 2; ++i)
            threads_.emplace_back([this] {
                io_.run();
                std::lock_guard lock(mutex_);
                ++stopped_threads_;
                stopped_.notify_all();
            });
    }

    // True when io.run() returned on every thread within `timeout`.
    bool io_stopped_within(Clock::duration timeout) {
        std::unique_lock lock(mutex_);
        return stopped_.wait_for(lock, timeout, [this] { return stopped_threads_ == threads_.size(); });
    }

    void TearDown() override {
        if (server_) server_->close();
        if (!io_stopped_within(5s)) {
            ADD_FAILURE() << "io.run() did not return after close()";
            io_.stop();
        }
        for (auto& thread : threads_) thread.join();
        EXPECT_EQ(off_strand_, 0) << "the handler ran off its executor";
    }

    std::vector<HttpRequest> requests() {
        std::lock_guard lock(mutex_);
        return requests_;
    }

    unsigned short port() const { return server_->port(); }

    net::io_context io_;
    net::strand<net::io_context::executor_type> handler_strand_ = net::make_strand(io_);
    std::optional<HttpServer> server_;
    std::vector<std::thread> threads_;
    std::atomic<int> off_strand_{0};
    std::mutex mutex_;
    std::condition_variable stopped_;
    std::size_t stopped_threads_ = 0;
    std::vector<HttpRequest> requests_;
};

TEST_F(HttpServerTest, a_get_gets_the_handlers_status_body_and_headers) {
    start();
    Client client(port());
    ASSERT_TRUE(client.send(get("/api/v1/tasks?status=open&due=2026-01-01", "X-Status: 201\r\nX-Multi: a\r\nx-multi: b\r\n")));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 201u);
    EXPECT_EQ(response->body(), "GET /api/v1/tasks?status=open&due=2026-01-01\n");
    EXPECT_EQ((*response)[http::field::content_length], std::to_string(response->body().size()));
    EXPECT_EQ((*response)[http::field::content_type], "application/json; charset=utf-8");
    EXPECT_EQ((*response)[http::field::server], "okod");
    EXPECT_EQ((*response)[http::field::cache_control], "no-store");
    EXPECT_EQ(response->count("X-Echo"), 2u);

    const auto seen = requests();
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(seen[0].method, "GET");
    EXPECT_EQ(seen[0].headers.at("host"), "okod");
    EXPECT_EQ(seen[0].headers.at("x-multi"), "a, b");
    EXPECT_EQ(seen[0].remote.rfind("127.0.0.1:", 0), 0u) << seen[0].remote;
    EXPECT_EQ((*response)["X-Remote"], seen[0].remote);
}

TEST_F(HttpServerTest, a_post_body_reaches_the_handler) {
    start();
    Client client(port());
    ASSERT_TRUE(client.send("POST /api/v1/tasks/7/complete HTTP/1.1\r\nHost: okod\r\nContent-Type: application/json\r\n"
                            "Content-Length: 13\r\n\r\n{\"note\":\"ok\"}"));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body(), "POST /api/v1/tasks/7/complete\n{\"note\":\"ok\"}");
}

TEST_F(HttpServerTest, keep_alive_serves_two_requests_on_one_connection) {
    start();
    Client client(port());
    ASSERT_TRUE(client.send(get("/first")));
    const auto first = client.read_response();
    ASSERT_TRUE(first);
    ASSERT_TRUE(client.send(get("/second")));
    const auto second = client.read_response();
    ASSERT_TRUE(second);
    EXPECT_EQ(first->body(), "GET /first\n");
    EXPECT_EQ(second->body(), "GET /second\n");
    EXPECT_TRUE(first->keep_alive());
    // The same client port: the same connection.
    EXPECT_EQ((*first)["X-Remote"], (*second)["X-Remote"]);
}

TEST_F(HttpServerTest, pipelined_requests_are_answered_in_order) {
    start();
    Client client(port());
    ASSERT_TRUE(client.send(get("/a") + get("/b") + get("/c")));
    for (const char* target : {"/a", "/b", "/c"}) {
        const auto response = client.read_response();
        ASSERT_TRUE(response) << target;
        EXPECT_EQ(response->body(), std::string("GET ") + target + "\n");
    }
}

TEST_F(HttpServerTest, connection_close_is_honoured) {
    start();
    Client client(port());
    ASSERT_TRUE(client.send(get("/", "Connection: close\r\n")));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 200u);
    EXPECT_FALSE(response->keep_alive());
    EXPECT_TRUE(client.closed_within(2s));
}

TEST_F(HttpServerTest, head_is_answered_like_get_without_the_body) {
    start();
    Client client(port());
    ASSERT_TRUE(client.send("HEAD /api/v1/health HTTP/1.1\r\nHost: okod\r\n\r\n" + get("/after")));
    const auto head = client.read_response(true);
    ASSERT_TRUE(head);
    EXPECT_EQ((*head)[http::field::content_length], std::to_string(std::string("GET /api/v1/health\n").size()));
    // Had the body been sent, it would be read as the start of the next response.
    const auto after = client.read_response();
    ASSERT_TRUE(after);
    EXPECT_EQ(after->body(), "GET /after\n");
    EXPECT_EQ(requests().at(0).method, "GET");
}

TEST_F(HttpServerTest, a_post_over_max_body_gets_413_and_the_handler_never_runs) {
    HttpLimits limits;
    limits.max_body = 1024;
    start(limits);
    Client client(port());
    ASSERT_TRUE(client.send("POST /api/v1/people HTTP/1.1\r\nHost: okod\r\nContent-Length: 2000\r\n\r\n" +
                            std::string(2000, 'x')));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 413u);
    EXPECT_EQ(json_field(*response, "error"), "payload_too_large");
    EXPECT_EQ(json_field(*response, "message"), "the body is larger than 1024 bytes");
    EXPECT_TRUE(client.closed_within(2s));
    EXPECT_TRUE(requests().empty());
}

TEST_F(HttpServerTest, a_chunked_body_over_max_body_gets_413) {
    HttpLimits limits;
    limits.max_body = 1024;
    start(limits);
    Client client(port());
    std::string request = "POST / HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) request += "200\r\n" + std::string(512, 'x') + "\r\n";
    request += "0\r\n\r\n";
    ASSERT_TRUE(client.send(request));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 413u);
    EXPECT_TRUE(requests().empty());
}

TEST_F(HttpServerTest, expect_100_continue_is_answered_or_refused_before_the_body) {
    HttpLimits limits;
    limits.max_body = 1024;
    start(limits);
    Client small(port());
    ASSERT_TRUE(small.send("PUT /x HTTP/1.1\r\nHost: okod\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
    const auto go_on = small.read_response();
    ASSERT_TRUE(go_on);
    EXPECT_EQ(go_on->result_int(), 100u);
    ASSERT_TRUE(small.send("hello"));
    const auto done = small.read_response();
    ASSERT_TRUE(done);
    EXPECT_EQ(done->body(), "PUT /x\nhello");

    Client large(port());
    ASSERT_TRUE(large.send("PUT /x HTTP/1.1\r\nHost: okod\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n"));
    const auto refused = large.read_response();
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->result_int(), 413u);
}

TEST_F(HttpServerTest, malformed_requests_get_400_json_and_the_connection_closes) {
    start();
    const std::pair<const char*, std::string> cases[] = {
        {"broken header line", "GET / HTTP/1.1\r\nHost: okod\r\nthis is not a header\r\n\r\n"},
        {"bad request line", "GET\r\n\r\n"},
        {"bad chunk", "POST / HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"},
        {"two lengths", "POST / HTTP/1.1\r\nHost: okod\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"},
    };
    for (const auto& [name, request] : cases) {
        SCOPED_TRACE(name);
        Client client(port());
        ASSERT_TRUE(client.send(request));
        const auto response = client.read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->result_int(), 400u);
        EXPECT_EQ((*response)[http::field::content_type], "application/json; charset=utf-8");
        EXPECT_EQ(json_field(*response, "error"), "bad_request");
        EXPECT_FALSE(json_field(*response, "message").empty());
        EXPECT_TRUE(client.closed_within(2s));
    }
    EXPECT_TRUE(requests().empty());
}

TEST_F(HttpServerTest, headers_over_max_header_get_431) {
    HttpLimits limits;
    limits.max_header = 1024;
    start(limits);
    Client client(port());
    ASSERT_TRUE(client.send(get("/", "X-Big: " + std::string(2000, 'x') + "\r\n")));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 431u);
    EXPECT_EQ(json_field(*response, "error"), "header_too_large");
    EXPECT_TRUE(requests().empty());
}

TEST_F(HttpServerTest, a_stalled_client_is_cut_off_after_read_timeout_while_others_are_served) {
    HttpLimits limits;
    limits.read_timeout = 1s;
    start(limits);
    Client stalled(port());
    const auto stalled_at = Clock::now();
    ASSERT_TRUE(stalled.send("GET /half HTTP/1.1\r\nHost: ok"));

    Client other(port());
    ASSERT_TRUE(other.send(get("/other")));
    const auto response = other.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body(), "GET /other\n");
    EXPECT_LT(seconds_since(stalled_at), 0.9) << "the other client waited for the stalled one";
    EXPECT_FALSE(stalled.closed_within(0s));

    EXPECT_TRUE(stalled.closed_within(3s));
    EXPECT_GE(seconds_since(stalled_at), 0.9);
    EXPECT_LE(seconds_since(stalled_at), 3.0);
    EXPECT_FALSE(stalled.read_response(false, 0s)) << "a timeout is not answered";
}

TEST_F(HttpServerTest, a_client_trickling_its_request_is_cut_off_after_read_timeout) {
    HttpLimits limits;
    limits.read_timeout = 1s;
    start(limits);
    Client slow(port());
    const auto started = Clock::now();
    const std::string request = get("/", "X-Long: " + std::string(200, 'x') + "\r\n");
    bool closed = false;
    // One byte every 100 ms: each read makes progress, the whole request never comes.
    for (std::size_t i = 0; i < request.size() && seconds_since(started) < 5.0; ++i) {
        if (!slow.send(request.substr(i, 1)) || slow.closed_within(100ms)) {
            closed = true;
            break;
        }
    }
    EXPECT_TRUE(closed);
    EXPECT_GE(seconds_since(started), 0.9);
    EXPECT_LE(seconds_since(started), 3.0);
    EXPECT_TRUE(requests().empty());
}

TEST_F(HttpServerTest, an_idle_keep_alive_connection_is_closed_after_idle_timeout) {
    HttpLimits limits;
    limits.idle_timeout = 1s;
    limits.read_timeout = 10s;
    start(limits);
    Client client(port());
    ASSERT_TRUE(client.send(get("/")));
    ASSERT_TRUE(client.read_response());
    const auto idle_since = Clock::now();
    EXPECT_TRUE(client.closed_within(4s));
    EXPECT_GE(seconds_since(idle_since), 0.9);
    EXPECT_LE(seconds_since(idle_since), 4.0);
}

TEST_F(HttpServerTest, a_handler_exception_gives_500_and_the_server_keeps_serving) {
    start();
    Client client(port());
    ASSERT_TRUE(client.send(get("/throw")));
    const auto failed = client.read_response();
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->result_int(), 500u);
    EXPECT_EQ(json_field(*failed, "error"), "internal");
    EXPECT_EQ(failed->body().find("on fire"), std::string::npos) << "the exception's text stays in the log";

    ASSERT_TRUE(client.send(get("/again")));
    const auto again = client.read_response();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->result_int(), 200u);
    Client other(port());
    ASSERT_TRUE(other.send(get("/other")));
    const auto response = other.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 200u);
}

TEST_F(HttpServerTest, a_header_that_would_split_the_response_gives_500) {
    start(HttpLimits{}, [](const HttpRequest&) {
        HttpResponse response;
        response.headers = {{"X-Name", "a\r\nSet-Cookie: stolen=1"}};
        return response;
    });
    Client client(port());
    ASSERT_TRUE(client.send(get("/")));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 500u);
    EXPECT_EQ(response->count(http::field::set_cookie), 0u);
}

TEST_F(HttpServerTest, more_than_max_connections_at_once_get_503) {
    HttpLimits limits;
    limits.max_connections = 2;
    start(limits);
    auto first = std::make_unique<Client>(port());
    Client second(port());
    for (Client* client : {first.get(), &second}) {
        ASSERT_TRUE(client->send(get("/")));
        const auto response = client->read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->result_int(), 200u);
    }

    Client third(port());
    third.send(get("/"));
    const auto rejected = third.read_response();
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->result_int(), 503u);
    EXPECT_EQ(json_field(*rejected, "error"), "unavailable");
    EXPECT_TRUE(third.closed_within(2s));
    EXPECT_EQ(requests().size(), 2u);

    // A place that frees up is given to the next client (once the server noticed).
    first.reset();
    std::optional<unsigned> status;
    for (const auto until = Clock::now() + 5s; Clock::now() < until && status != 200u;) {
        Client next(port());
        next.send(get("/"));
        if (const auto response = next.read_response()) status = response->result_int();
    }
    EXPECT_EQ(status, 200u);
}

TEST_F(HttpServerTest, close_makes_io_run_return_with_connections_open) {
    start();
    Client idle(port());
    ASSERT_TRUE(idle.send(get("/")));
    ASSERT_TRUE(idle.read_response());
    Client half(port());
    ASSERT_TRUE(half.send("GET / HTTP/1.1\r\n"));
    Client fresh(port());

    server_->close();
    EXPECT_TRUE(io_stopped_within(5s));
    EXPECT_TRUE(idle.closed_within(1s));
    EXPECT_TRUE(half.closed_within(1s));
    EXPECT_TRUE(fresh.closed_within(1s));
}

TEST_F(HttpServerTest, the_handler_runs_on_the_handler_executor) {
    net::io_context handlers;
    auto work = net::make_work_guard(handlers);
    std::thread handler_thread([&] { handlers.run(); });
    std::atomic<bool> on_handler_thread{false};
    start(HttpLimits{}, [&](const HttpRequest& request) {
        on_handler_thread = std::this_thread::get_id() == handler_thread.get_id();
        return echo(request);
    }, handlers.get_executor());

    Client client(port());
    ASSERT_TRUE(client.send(get("/")));
    const auto response = client.read_response();
    work.reset();
    handler_thread.join();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 200u);
    EXPECT_TRUE(on_handler_thread);
}

TEST_F(HttpServerTest, listen_reports_an_address_in_use_and_a_bad_address) {
    start();
    HttpServer second(io_, handler_strand_, HttpLimits{}, echo);
    std::string error;
    EXPECT_FALSE(second.listen("127.0.0.1", port(), error));
    EXPECT_EQ(error, "127.0.0.1:" + std::to_string(port()) + ": address already in use");
    HttpServer third(io_, handler_strand_, HttpLimits{}, echo);
    EXPECT_FALSE(third.listen("localhost", 8080, error));
    EXPECT_EQ(error, "localhost: not an IP address");
}

}  // namespace
}  // namespace okod::test
