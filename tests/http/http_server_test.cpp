#include "daemon/http/http_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/parse.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/raw_http_client.hpp"

namespace okod::test {
namespace {

namespace net = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Response = http::response<http::string_body>;

using Client = RawHttpClient;

std::string get(std::string_view target, std::string_view extra_headers = "") {
    return "GET " + std::string(target) + " HTTP/1.1\r\nHost: okod\r\n" +
           std::string(extra_headers) + "\r\n";
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
        return stopped_.wait_for(lock, timeout,
                                 [this] { return stopped_threads_ == threads_.size(); });
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
    ASSERT_TRUE(client.send(get("/api/v1/tasks?status=open&due=2026-01-01",
                                "X-Status: 201\r\nX-Multi: a\r\nx-multi: b\r\n")));
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
    ASSERT_TRUE(client.send(
        "POST /api/v1/tasks/7/complete HTTP/1.1\r\nHost: okod\r\nContent-Type: application/json\r\n"
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
    EXPECT_EQ((*head)[http::field::content_length],
              std::to_string(std::string("GET /api/v1/health\n").size()));
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
    ASSERT_TRUE(
        client.send("POST /api/v1/people HTTP/1.1\r\nHost: okod\r\nContent-Length: 2000\r\n\r\n" +
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
    ASSERT_TRUE(small.send(
        "PUT /x HTTP/1.1\r\nHost: okod\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
    const auto go_on = small.read_response();
    ASSERT_TRUE(go_on);
    EXPECT_EQ(go_on->result_int(), 100u);
    ASSERT_TRUE(small.send("hello"));
    const auto done = small.read_response();
    ASSERT_TRUE(done);
    EXPECT_EQ(done->body(), "PUT /x\nhello");

    Client large(port());
    ASSERT_TRUE(large.send(
        "PUT /x HTTP/1.1\r\nHost: okod\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n"));
    const auto refused = large.read_response();
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->result_int(), 413u);
}

TEST_F(HttpServerTest, malformed_requests_get_400_json_and_the_connection_closes) {
    start();
    const std::pair<const char*, std::string> cases[] = {
        {"broken header line", "GET / HTTP/1.1\r\nHost: okod\r\nthis is not a header\r\n\r\n"},
        {"bad request line", "GET\r\n\r\n"},
        {"bad chunk",
         "POST / HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: "
         "chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"},
        {"two lengths",
         "POST / HTTP/1.1\r\nHost: okod\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"},
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
    EXPECT_EQ(failed->body().find("on fire"), std::string::npos)
        << "the exception's text stays in the log";

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

// A request whose header is in and whose body is not: it holds its place. The 100
// Continue says the server has read the header.
void start_busy(Client& client) {
    ASSERT_TRUE(client.send(
        "POST /busy HTTP/1.1\r\nHost: okod\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n"));
    const auto go_on = client.read_response();
    ASSERT_TRUE(go_on);
    ASSERT_EQ(go_on->result_int(), 100u);
}

// The status a new client gets for GET `target`, trying again (within 5 s) while it
// gets 503: a connection counts as idle only once the server has finished writing its
// answer, a moment after the client has read it.
std::optional<unsigned> status_once_a_place_is_free(unsigned short port,
                                                    const std::string& target) {
    std::optional<unsigned> status;
    for (const auto until = Clock::now() + 5s;
         Clock::now() < until && (!status || *status == 503u);) {
        Client next(port);
        next.send(get(target));
        if (const auto response = next.read_response()) status = response->result_int();
    }
    return status;
}

TEST_F(HttpServerTest, over_max_connections_with_every_place_busy_every_client_gets_503) {
    HttpLimits limits;
    limits.max_connections = 2;
    start(limits);
    auto first = std::make_unique<Client>(port());
    Client second(port());
    start_busy(*first);
    start_busy(second);

    // Two 503s linger until their clients read them (max_connections of them); the
    // others are answered and closed at once: every one gets its 503.
    std::vector<std::unique_ptr<Client>> rejected;
    for (int i = 0; i < 6; ++i) {
        SCOPED_TRACE(i);
        rejected.push_back(std::make_unique<Client>(port()));
        rejected.back()->send(get("/"));
        const auto response = rejected.back()->read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->result_int(), 503u);
        EXPECT_EQ(json_field(*response, "error"), "unavailable");
        EXPECT_TRUE(rejected.back()->closed_within(2s));
    }

    ASSERT_TRUE(first->send("done"));
    const auto done = first->read_response();
    ASSERT_TRUE(done);
    EXPECT_EQ(done->body(), "POST /busy\ndone");
    EXPECT_EQ(requests().size(), 1u);

    // The first one is idle now: its place goes to the next client.
    EXPECT_EQ(status_once_a_place_is_free(port(), "/next"), 200u);
    EXPECT_TRUE(first->closed_within(2s));
}

TEST_F(HttpServerTest, a_new_client_takes_the_place_of_the_one_waiting_longest_for_its_header) {
    HttpLimits limits;
    limits.max_connections = 3;
    limits.header_timeout = 30s;
    limits.read_timeout = 30s;
    start(limits);
    std::vector<std::unique_ptr<Client>> slow;
    for (int i = 0; i < 3; ++i) {
        slow.push_back(std::make_unique<Client>(port()));
        ASSERT_TRUE(slow.back()->send("GET /slow HTTP/1.1\r\nHost: ok"));
        std::this_thread::sleep_for(20ms);  // so the order of their waiting is certain
    }
    // Each normal client stays connected (idle after its answer, so waiting since
    // later than the slow ones): the next one finds every place taken again.
    std::vector<std::unique_ptr<Client>> normal;
    for (int round = 0; round < 2; ++round) {
        SCOPED_TRACE(round);
        const auto started = Clock::now();
        normal.push_back(std::make_unique<Client>(port()));
        ASSERT_TRUE(normal.back()->send(get("/normal")));
        const auto response = normal.back()->read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->result_int(), 200u);
        EXPECT_LT(seconds_since(started), 1.0);
        // The longest waiting slow client gave way, the others are still there.
        EXPECT_TRUE(slow[round]->closed_within(2s));
        EXPECT_FALSE(slow[2]->closed_within(0s));
    }
    EXPECT_FALSE(normal.front()->closed_within(0s));
    EXPECT_EQ(requests().size(), 2u);
}

TEST_F(HttpServerTest, an_idle_keep_alive_connection_gives_way_to_a_new_client) {
    HttpLimits limits;
    limits.max_connections = 1;
    start(limits);
    Client idle(port());
    ASSERT_TRUE(idle.send(get("/first")));
    ASSERT_TRUE(idle.read_response());
    EXPECT_EQ(status_once_a_place_is_free(port(), "/second"), 200u);
    EXPECT_TRUE(idle.closed_within(2s));
}

TEST_F(HttpServerTest, the_limit_per_client_address_leaves_other_addresses_their_places) {
    HttpLimits limits;
    limits.max_connections = 4;
    limits.max_connections_per_client = 2;
    start(limits);
    Client a1(port(), "127.0.0.2");
    Client a2(port(), "127.0.0.2");
    start_busy(a1);
    start_busy(a2);
    Client a3(port(), "127.0.0.2");
    a3.send(get("/a3"));
    const auto rejected = a3.read_response();
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected->result_int(), 503u);
    EXPECT_NE(json_field(*rejected, "message").find("from one address"), std::string::npos);

    Client other(port(), "127.0.0.3");
    ASSERT_TRUE(other.send(get("/other")));
    const auto served = other.read_response();
    ASSERT_TRUE(served);
    EXPECT_EQ(served->result_int(), 200u);
}

TEST_F(HttpServerTest, a_new_client_over_its_address_limit_replaces_its_own_slowest_not_anothers) {
    HttpLimits limits;
    limits.max_connections = 4;
    limits.max_connections_per_client = 2;
    start(limits);
    Client other(port(), "127.0.0.3");
    ASSERT_TRUE(other.send("GET /x HTTP/1.1\r\n"));  // waiting longest of all
    std::this_thread::sleep_for(20ms);
    Client s1(port(), "127.0.0.2");
    ASSERT_TRUE(s1.send("GET /x HTTP/1.1\r\n"));
    std::this_thread::sleep_for(20ms);
    Client s2(port(), "127.0.0.2");
    Client s3(port(), "127.0.0.2");
    ASSERT_TRUE(s3.send(get("/s3")));
    const auto served = s3.read_response();
    ASSERT_TRUE(served);
    EXPECT_EQ(served->result_int(), 200u);
    EXPECT_TRUE(s1.closed_within(2s));
    EXPECT_FALSE(other.closed_within(0s));
}

TEST_F(HttpServerTest, the_header_deadline_cuts_off_a_slow_header_but_not_a_body) {
    HttpLimits limits;
    limits.header_timeout = 1s;
    limits.read_timeout = 10s;
    start(limits);
    Client slow(port());
    const auto started = Clock::now();
    ASSERT_TRUE(slow.send("GET / HTTP/1.1\r\n"));
    bool closed = false;
    for (int i = 0; i < 40 && !closed; ++i)  // a header byte every 100 ms, 4 s at most
        closed = !slow.send("X") || slow.closed_within(100ms);
    EXPECT_TRUE(closed);
    EXPECT_GE(seconds_since(started), 0.9);
    EXPECT_LE(seconds_since(started), 3.0);

    // A whole header in time, then the body after the header deadline: served.
    Client body(port());
    ASSERT_TRUE(body.send("POST /late-body HTTP/1.1\r\nHost: okod\r\nContent-Length: 2\r\n\r\n"));
    std::this_thread::sleep_for(1500ms);
    ASSERT_TRUE(body.send("ok"));
    const auto response = body.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body(), "POST /late-body\nok");
}

TEST_F(HttpServerTest, framing_that_could_smuggle_a_request_gets_400_and_nothing_after_it_runs) {
    start();
    const std::string smuggled = get("/smuggled");
    const std::pair<const char*, std::string> cases[] = {
        {"gzip", "POST /outer HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: gzip\r\n\r\n"},
        {"chunked not last",
         "POST /outer HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: chunked, identity\r\n\r\n"},
        {"identity", "POST /outer HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: identity\r\n\r\n"},
        {"gzip, chunked",
         "POST /outer HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"},
        {"two codings",
         "POST /outer HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: gzip\r\n"
         "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"coding and length",
         "POST /outer HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: gzip\r\n"
         "Content-Length: 0\r\n\r\n"},
        {"length and chunked",
         "POST /outer HTTP/1.1\r\nHost: okod\r\nContent-Length: 5\r\n"
         "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"chunked in HTTP/1.0",
         "POST /outer HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"equal lengths twice",
         "POST /outer HTTP/1.1\r\nHost: okod\r\nContent-Length: 0\r\n"
         "Content-Length: 0\r\n\r\n"},
        {"a list of lengths", "POST /outer HTTP/1.1\r\nHost: okod\r\nContent-Length: 0, 0\r\n\r\n"},
        {"no Host", "GET /outer HTTP/1.1\r\n\r\n"},
        {"two Hosts", "GET /outer HTTP/1.1\r\nHost: okod\r\nHost: evil.example\r\n\r\n"},
        {"a Host list", "GET /outer HTTP/1.1\r\nHost: okod, evil.example\r\n\r\n"},
    };
    for (const auto& [name, request] : cases) {
        SCOPED_TRACE(name);
        Client client(port());
        ASSERT_TRUE(client.send(request + smuggled));
        const auto response = client.read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->result_int(), 400u);
        EXPECT_EQ(json_field(*response, "error"), "bad_request");
        EXPECT_FALSE(response->keep_alive());
        EXPECT_TRUE(client.closed_within(2s));
        EXPECT_FALSE(client.read_response(false, 0s)) << "the smuggled request was answered";
    }
    EXPECT_TRUE(requests().empty()) << requests().front().target;

    // Well-framed requests still pass: chunked, an HTTP/1.0 request without Host.
    Client chunked(port());
    ASSERT_TRUE(
        chunked.send("POST /c HTTP/1.1\r\nHost: okod\r\nTransfer-Encoding: "
                     "Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"));
    const auto c = chunked.read_response();
    ASSERT_TRUE(c);
    EXPECT_EQ(c->body(), "POST /c\nok");
    Client old(port());
    ASSERT_TRUE(old.send("GET /old HTTP/1.0\r\n\r\n"));
    const auto o = old.read_response();
    ASSERT_TRUE(o);
    EXPECT_EQ(o->result_int(), 200u);
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
    start(
        HttpLimits{},
        [&](const HttpRequest& request) {
            on_handler_thread = std::this_thread::get_id() == handler_thread.get_id();
            return echo(request);
        },
        handlers.get_executor());

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
