#pragma once
// A real okod serving its HTTP API on a free loopback port, with the demo config (three
// municipalities; Maastricht has open and overdue work) in a temporary directory, on
// the real clock from `start` at normal speed; tokens made by the real okoctl. For the
// tests of the API, its clients (okoctl, iCalendar, the dashboard) and their roles.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "support/child_process.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace okod::test {

class ApiDaemon {
public:
    // Starts okod and waits (bounded) until it is ready; check ready() afterwards.
    // `http_settings`: extra lines for the [http] table, e.g. "max_body_kib = 1\n";
    // `prepare`: changes to the copied config (its directory) before okod starts;
    // `smtp_port`: mail goes to an SMTP server there (an SmtpSink), not to state/mail.
    explicit ApiDaemon(const std::string& start = "2026-03-02T09:00:00+01:00",
                       const std::string& http_settings = "",
                       const std::function<void(const std::filesystem::path&)>& prepare = {},
                       int smtp_port = 0,
                       // The HTTP port; 0: a free one. For a peer that must know okod's
                       // address before it starts (an OpenID provider's redirect URI).
                       int port = 0);
    ~ApiDaemon();  // SIGTERM, and the exit code must be 0 (checked with EXPECT)

    bool ready() const { return ready_; }
    int port() const { return port_; }
    std::string url() const;  // "http://127.0.0.1:PORT"
    // One request to okod's `path` (e.g. "/api/v1/me") with `token` as the bearer.
    HttpResult call(const std::string& method, const std::string& path, const std::string& token,
                    const std::string& body = "") const;
    const std::filesystem::path& dir() const { return dir_.path(); }
    std::filesystem::path config() const { return dir() / "okod.toml"; }
    std::string log() const { return read_file(dir() / "okod.log"); }
    void signal(int signo) const { okod_->signal(signo); }  // e.g. SIGHUP

    // `okoctl tokens create ARGS --config ...`: the secret it prints (EXPECTs exit 0).
    std::string token(std::vector<std::string> args) const;
    // `okoctl people feed-url PERSON [--rotate] --config ...`: the path of the calendar feed
    // URL it prints, "/ical/person/okodcal_....ics" (EXPECTs exit 0).
    std::string feed_path(const std::string& person, bool rotate = false) const;

private:
    TempDir dir_;
    int port_ = 0;
    std::unique_ptr<ChildProcess> okod_;
    bool ready_ = false;
};

// Tokens of each role for the demo's Maastricht (GM0935), as most API tests use them: an
// admin "beheer", the regisseur "Sanne", the council "griffie" and the stakeholder Bram.
struct DemoTokens {
    std::string admin, regisseur, council, stakeholder;
};
DemoTokens demo_tokens(const ApiDaemon& okod);

}  // namespace okod::test
