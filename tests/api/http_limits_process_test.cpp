// The [http] limits of okod.toml reach the server: a sysadmin who lowers the body limit
// gets 413 above it, and a bad value is named with file:line before okod starts. And
// the real okod holds against a hostile client on a real socket: requests framed to
// smuggle a second one past a proxy get 400 and the second never runs, a request
// without Host gets 400, over the connection limit every client gets a 503, and slow
// clients (slowloris) filling every place do not keep a normal client out.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <vector>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/raw_http_client.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string json_error(const RawHttpClient::Response& r) {
    return std::string(boost::json::parse(r.body()).at("error").as_string());
}

TEST(HttpLimitsProcess, the_configured_body_limit_is_what_okod_enforces) {
    ApiDaemon okod("2026-03-02T09:00:00+01:00", "max_body_kib = 1\nread_timeout_seconds = 5\n");
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    const std::string body = R"({"id": "x", "name": ")" + std::string(2000, 'a') + R"("})";
    const auto r = http_request("POST", okod.url() + "/api/v1/people", body, admin);
    EXPECT_EQ(r.status, 413) << r.body;
    // Below the limit the same route works as usual (400: the e-mail is missing).
    EXPECT_EQ(http_request("POST", okod.url() + "/api/v1/people", R"({"id": "x"})", admin).status,
              400);
}

TEST(HttpLimitsProcess, an_out_of_range_limit_is_a_config_error_with_its_line) {
    TempDir dir;
    copy_demo_config(dir.path());
    write_file(dir.path() / "okod.toml", read_file(dir.path() / "okod.toml") +
                                             "[http]\nport = 8470\nmax_connections = 0\n"
                                             "max_connections_per_client = 100\n");
    const auto r = run_binary("okod", {"run", "--config", (dir.path() / "okod.toml").string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("okod.toml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("'max_connections' must be between 1 and 10000, not 0"), std::string::npos)
        << r.err;
    // At most max_connections (its default 64 here, the bad value aside).
    EXPECT_NE(r.err.find("'max_connections_per_client' must be between 1 and 64, not 100"),
              std::string::npos)
        << r.err;
}

TEST(HttpLimitsProcess, a_smuggled_request_gets_400_and_never_runs) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    const auto open = http_request(
        "GET", okod.url() + "/api/v1/tasks?municipality=GM0935&status=open&limit=1", "", admin);
    ASSERT_EQ(open.status, 200) << open.body;
    const auto id = open.json().at("tasks").at(0).at("id").as_int64();
    // Behind a proxy that reads the body by these headers, this would be one request;
    // read as bodiless, its body would be a second one that completes a task.
    const std::string smuggled = fmt::format(
        "POST /api/v1/tasks/{}/complete HTTP/1.1\r\nHost: okod\r\nAuthorization: Bearer {}\r\n"
        "Content-Length: 0\r\n\r\n",
        id, admin);
    for (const char* framing :
         {"Transfer-Encoding: gzip\r\n", "Transfer-Encoding: chunked, identity\r\n",
          "Transfer-Encoding: identity\r\nContent-Length: 0\r\n"}) {
        SCOPED_TRACE(framing);
        RawHttpClient client(static_cast<unsigned short>(okod.port()));
        ASSERT_TRUE(client.send(std::string("GET /health HTTP/1.1\r\nHost: okod\r\n") + framing +
                                "\r\n" + smuggled));
        const auto response = client.read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->result_int(), 400u) << response->body();
        EXPECT_EQ(json_error(*response), "bad_request");
        EXPECT_TRUE(client.closed_within(3s));
        EXPECT_FALSE(client.read_response(false, 0s)) << "the smuggled request was answered";
    }
    const auto task =
        http_request("GET", okod.url() + fmt::format("/api/v1/tasks/{}", id), "", admin);
    ASSERT_EQ(task.status, 200) << task.body;
    EXPECT_EQ(task.json().at("status").as_string(), "open")
        << "the smuggled request completed the task";
    EXPECT_EQ(http_request("GET", okod.url() + "/health").status, 200);
}

TEST(HttpLimitsProcess, an_http_1_1_request_without_host_gets_400) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    RawHttpClient client(static_cast<unsigned short>(okod.port()));
    ASSERT_TRUE(client.send("GET /health HTTP/1.1\r\n\r\n"));
    const auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 400u);
    EXPECT_NE(response->body().find("needs a Host"), std::string::npos) << response->body();
}

TEST(HttpLimitsProcess, over_the_connection_limit_every_client_gets_a_503) {
    ApiDaemon okod("2026-03-02T09:00:00+01:00", "max_connections = 2\n");
    ASSERT_TRUE(okod.ready());
    const auto port = static_cast<unsigned short>(okod.port());
    // Two requests in progress (header in, body not yet: 100 Continue says okod has
    // the header) hold both places.
    std::vector<std::unique_ptr<RawHttpClient>> busy;
    for (int i = 0; i < 2; ++i) {
        busy.push_back(std::make_unique<RawHttpClient>(port));
        ASSERT_TRUE(busy.back()->send(
            "POST /api/v1/people HTTP/1.1\r\nHost: okod\r\nExpect: 100-continue\r\n"
            "Content-Length: 2\r\n\r\n"));
        const auto go_on = busy.back()->read_response();
        ASSERT_TRUE(go_on);
        ASSERT_EQ(go_on->result_int(), 100u);
    }
    // Past twice the limit too (the old okod closed those without a word).
    std::vector<std::unique_ptr<RawHttpClient>> others;
    for (int i = 0; i < 6; ++i) {
        SCOPED_TRACE(i);
        others.push_back(std::make_unique<RawHttpClient>(port));
        others.back()->send("GET /health HTTP/1.1\r\nHost: okod\r\n\r\n");
        const auto response = others.back()->read_response();
        ASSERT_TRUE(response);
        EXPECT_EQ(response->result_int(), 503u);
        EXPECT_EQ(json_error(*response), "unavailable");
    }
}

TEST(HttpLimitsProcess, the_limit_per_client_address_is_what_okod_enforces) {
    ApiDaemon okod("2026-03-02T09:00:00+01:00", "max_connections_per_client = 1\n");
    ASSERT_TRUE(okod.ready());
    const auto port = static_cast<unsigned short>(okod.port());
    // One request in progress from 127.0.0.2 takes that address's one place.
    RawHttpClient busy(port, "127.0.0.2");
    ASSERT_TRUE(
        busy.send("POST /api/v1/people HTTP/1.1\r\nHost: okod\r\nExpect: 100-continue\r\n"
                  "Content-Length: 2\r\n\r\n"));
    const auto go_on = busy.read_response();
    ASSERT_TRUE(go_on);
    ASSERT_EQ(go_on->result_int(), 100u);
    RawHttpClient second(port, "127.0.0.2");
    second.send("GET /health HTTP/1.1\r\nHost: okod\r\n\r\n");
    const auto refused = second.read_response();
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->result_int(), 503u);
    EXPECT_NE(refused->body().find("from one address"), std::string::npos) << refused->body();
    // Another address is served.
    const auto r = http_request("GET", okod.url() + "/health");
    EXPECT_EQ(r.status, 200) << r.body << r.error;
}

TEST(HttpLimitsProcess, slow_clients_in_every_place_do_not_keep_a_normal_client_out) {
    // The header deadline is long here: what lets the normal client in is that a slow
    // client gives way, not that the slow ones time out.
    ApiDaemon okod("2026-03-02T09:00:00+01:00",
                   "max_connections = 64\nheader_timeout_seconds = 30\n");
    ASSERT_TRUE(okod.ready());
    const auto port = static_cast<unsigned short>(okod.port());
    std::vector<std::unique_ptr<RawHttpClient>> slow;
    for (int i = 0; i < 64; ++i) {
        slow.push_back(std::make_unique<RawHttpClient>(port));
        ASSERT_TRUE(slow.back()->send("GET /health HTTP/1.1\r\nHost: okod\r\nX-Slow: "));
    }
    for (int round = 0; round < 3; ++round) {
        SCOPED_TRACE(round);
        for (auto& s : slow) s->send("x");  // a header byte now and then
        const auto started = Clock::now();
        const auto r = http_request("GET", okod.url() + "/health");
        EXPECT_EQ(r.status, 200) << r.body << r.error;
        EXPECT_LT(seconds_since(started), 1.0);
    }
}

TEST(HttpLimitsProcess, a_header_not_in_within_header_timeout_is_cut_off) {
    ApiDaemon okod("2026-03-02T09:00:00+01:00",
                   "header_timeout_seconds = 1\nread_timeout_seconds = 10\n");
    ASSERT_TRUE(okod.ready());
    RawHttpClient slow(static_cast<unsigned short>(okod.port()));
    const auto started = Clock::now();
    ASSERT_TRUE(slow.send("GET /health HTTP/1.1\r\nHost: okod\r\n"));
    bool closed = false;
    for (int i = 0; i < 40 && !closed; ++i) closed = !slow.send("X") || slow.closed_within(100ms);
    EXPECT_TRUE(closed);
    EXPECT_GE(seconds_since(started), 0.9);
    EXPECT_LE(seconds_since(started), 3.0);
}

}  // namespace
}  // namespace okod::test
