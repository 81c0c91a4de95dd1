// The [http] limits of okod.toml reach the server: a sysadmin who lowers the body limit
// gets 413 above it, and a bad value is named with file:line before okod starts.
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"

#include <gtest/gtest.h>

namespace okod::test {
namespace {

TEST(HttpLimitsProcess, the_configured_body_limit_is_what_okod_enforces) {
    ApiDaemon okod("2026-03-02T09:00:00+01:00", "max_body_kib = 1\nread_timeout_seconds = 5\n");
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    const std::string body = R"({"id": "x", "name": ")" + std::string(2000, 'a') + R"("})";
    const auto r = http_request("POST", okod.url() + "/api/v1/people", body, admin);
    EXPECT_EQ(r.status, 413) << r.body;
    // Below the limit the same route works as usual (400: the e-mail is missing).
    EXPECT_EQ(http_request("POST", okod.url() + "/api/v1/people", R"({"id": "x"})", admin).status, 400);
}

TEST(HttpLimitsProcess, an_out_of_range_limit_is_a_config_error_with_its_line) {
    TempDir dir;
    copy_demo_config(dir.path());
    write_file(dir.path() / "okod.toml",
               read_file(dir.path() / "okod.toml") + "[http]\nport = 8470\nmax_connections = 0\n");
    const auto r = run_binary("okod", {"run", "--config", (dir.path() / "okod.toml").string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("okod.toml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("'max_connections' must be between 1 and 10000, not 0"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace okod::test
