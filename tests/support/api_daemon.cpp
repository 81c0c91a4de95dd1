#include "support/api_daemon.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <csignal>

namespace okod::test {

using namespace std::chrono_literals;

ApiDaemon::ApiDaemon(const std::string& start, const std::string& http_settings,
                     const std::function<void(const std::filesystem::path&)>& prepare,
                     int smtp_port, int port)
    : port_(port > 0 ? port : free_loopback_port()) {
    copy_demo_config(dir());
    if (prepare) prepare(dir());
    std::string toml = read_file(config());
    toml += fmt::format("[http]\naddress = \"127.0.0.1\"\nport = {}\n{}", port_, http_settings);
    toml += smtp_port > 0
                ? fmt::format(
                      "[mail]\ntransport = \"smtp\"\nfrom = \"oko@regio.example\"\n"
                      "[mail.smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\n"
                      "timeout_seconds = 5\n",
                      smtp_port)
                : std::string(
                      "[mail]\ntransport = \"directory\"\nfrom = \"oko@regio.example\"\n"
                      "directory = \"state/mail\"\n");
    write_file(config(), toml);
    okod_ = std::make_unique<ChildProcess>(
        binary_path("okod"),
        std::vector<std::string>{"run", "--config", config().string(), "--clock", start,
                                 "--clock-speed", "1"},
        dir() / "okod.log");
    ready_ = wait_until([this] { return log().find("ready: ") != std::string::npos; }, 20s);
    EXPECT_TRUE(ready_) << log();
}

ApiDaemon::~ApiDaemon() {
    okod_->signal(SIGTERM);
    EXPECT_EQ(okod_->wait_for(20s), 0) << log();
}

std::string ApiDaemon::url() const { return fmt::format("http://127.0.0.1:{}", port_); }

HttpResult ApiDaemon::call(const std::string& method, const std::string& path,
                           const std::string& token, const std::string& body) const {
    return http_request(method, url() + path, body, token);
}

std::string ApiDaemon::token(std::vector<std::string> args) const {
    args.insert(args.begin(), {"tokens", "create"});
    args.insert(args.end(), {"--config", config().string()});
    auto r = run_binary("okoctl", args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string secret = r.out;
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    return secret;
}

std::string ApiDaemon::feed_path(const std::string& person, bool rotate) const {
    std::vector<std::string> args{"people", "feed-url", person, "--config", config().string()};
    if (rotate) args.push_back("--rotate");
    auto r = run_binary("okoctl", args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto at = r.out.find("/ical/person/");
    if (at == std::string::npos) {
        ADD_FAILURE() << "no feed URL in: " << r.out;
        return {};
    }
    std::string path = r.out.substr(at);
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
    return path;
}

DemoTokens demo_tokens(const ApiDaemon& okod) {
    return {okod.token({"--role", "admin", "--label", "beheer"}),
            okod.token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"}),
            okod.token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"}),
            okod.token({"--role", "stakeholder", "--municipality", "GM0935", "--person",
                        "maastricht-bram", "--label", "Bram"})};
}

}  // namespace okod::test
