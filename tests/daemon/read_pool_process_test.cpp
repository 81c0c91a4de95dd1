// The real okod serving reads on its read threads ([http] read_threads): reads answer
// while the strand is held up by a write, see the last committed state, keep working
// with read_threads = 0 and through reloads, and a client looping on the yearly report
// does not make timers late.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <future>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/api_daemon.hpp"
#include "support/daemon_world.hpp"
#include "support/http_client.hpp"
#include "support/smtp_sink.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

constexpr const char* kReport =
    "/api/v1/municipalities/GM0935/reports/annual?year=2026&format=html";

std::string admin_token(const std::filesystem::path& config) {
    auto r = run_binary("okoctl", {"tokens", "create", "--role", "admin", "--label", "load",
                                   "--config", config.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string secret = r.out;
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    return secret;
}

// The "timer due ... handled N ms late" lines okod logs at debug level.
std::vector<double> lateness_ms(const std::string& log) {
    static const std::regex line(R"(timer due \S+ handled (-?[0-9.]+) ms late)");
    std::vector<double> out;
    for (std::sregex_iterator it(log.begin(), log.end(), line), end; it != end; ++it)
        out.push_back(std::stod((*it)[1].str()));
    return out;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
    return v[at];
}

// Another process holds the store's write lock with a change not yet committed: the
// next write of okod waits for it on the strand (up to its busy timeout).
struct HeldWrite {
    explicit HeldWrite(const std::filesystem::path& store)
        : db(SqliteStore::open(store)), tx(db->begin()) {
        auto m = db->municipality("GM0935");
        m->name = "Maastricht (niet vastgelegd)";
        db->upsert_municipality(*m);
    }
    std::unique_ptr<SqliteStore> db;
    std::unique_ptr<StoreTransaction> tx;
};

TEST(ReadPoolProcess, ReadsAnswerWhileAWriteWaitsOnTheStrandAndSeeTheLastCommit) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    const auto municipality = okod.url() + "/api/v1/municipalities/GM0935";
    ASSERT_EQ(http_request("GET", municipality, "", admin).status, 200);

    auto held = std::make_unique<HeldWrite>(okod.dir() / "state/okod.sqlite");
    auto write = std::async(std::launch::async, [&] {
        return http_request("POST", okod.url() + "/api/v1/people",
                            R"({"id": "wachtende", "name": "Wachtende Schrijver"})", admin);
    });
    // While the write holds the strand, every read answers at once, with what was
    // committed before.
    for (int i = 0; i < 10; ++i) {
        const auto began = steady::now();
        const auto health = http_request("GET", okod.url() + "/health");
        const auto m = http_request("GET", municipality, "", admin);
        const auto report = http_request("GET", okod.url() + kReport, "", admin);
        EXPECT_LT(steady::now() - began, 1s);
        EXPECT_EQ(health.status, 200) << health.body;
        ASSERT_EQ(m.status, 200) << m.body;
        EXPECT_EQ(m.json().at("name").as_string(), "Maastricht");
        EXPECT_EQ(report.status, 200) << report.body;
    }
    EXPECT_EQ(write.wait_for(0s), std::future_status::timeout)
        << "the write did not wait for the lock: the strand was never held up";
    held->tx.reset();  // rolled back: the write goes through
    held.reset();
    const auto written = write.get();
    EXPECT_EQ(written.status, 200) << written.body;
}

TEST(ReadPoolProcess, WithoutReadThreadsEveryRouteStillAnswersOnTheStrand) {
    ApiDaemon okod("2026-03-02T09:00:00+01:00", "read_threads = 0\n");
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    EXPECT_EQ(http_request("GET", okod.url() + "/health").status, 200);
    EXPECT_EQ(http_request("GET", okod.url() + "/ready").status, 200);
    EXPECT_EQ(http_request("GET", okod.url() + kReport, "", admin).status, 200);
    const auto saved = http_request("POST", okod.url() + "/api/v1/people",
                                    R"({"id": "nieuw", "name": "Nieuwe Collega"})", admin);
    EXPECT_EQ(saved.status, 200) << saved.body;
    const auto person = http_request("GET", okod.url() + "/api/v1/people/nieuw", "", admin);
    EXPECT_EQ(person.status, 200) << person.body;
}

TEST(ReadPoolProcess, ARead_threadsOutOfRangeIsRefusedAtStart) {
    TempDir tmp;
    copy_demo_config(tmp.path());
    write_file(tmp.path() / "okod.toml",
               read_file(tmp.path() / "okod.toml") + "[http]\nport = 8470\nread_threads = 65\n");
    const auto r = run_binary("okod", {"run", "--config", (tmp.path() / "okod.toml").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("'read_threads' must be between 0 and 64, not 65"), std::string::npos)
        << r.err;
}

TEST(ReadPoolProcess, ReloadsUnderReadLoadKeepAnsweringAndStopCleanly) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    std::atomic<bool> reloading{true};
    std::atomic<int> answered{0}, failed{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c)
        clients.emplace_back([&] {
            for (int i = 0; i < 400 && reloading; ++i) {
                const auto r = http_request("GET", okod.url() + kReport, "", admin);
                ++(r.status == 200 ? answered : failed);
            }
        });
    for (int n = 1; n <= 3; ++n) {
        okod.signal(SIGHUP);
        EXPECT_TRUE(wait_until(
            [&] {
                const auto log = okod.log();
                std::size_t count = 0;
                for (auto at = log.find("reloaded: "); at != std::string::npos;
                     at = log.find("reloaded: ", at + 1))
                    ++count;
                return count >= static_cast<std::size_t>(n);
            },
            20s))
            << okod.log();
    }
    reloading = false;
    for (auto& t : clients) t.join();
    EXPECT_GT(answered.load(), 0);
    EXPECT_EQ(failed.load(), 0) << okod.log();
    EXPECT_EQ(http_request("GET", okod.url() + kReport, "", admin).status, 200);
}  // ~ApiDaemon: SIGTERM, exit code 0

// Timers fall due on an accelerated clock while clients loop on the yearly report;
// okod's debug log says how late each was handled.
TEST(ReadPoolProcess, ClientsLoopingOnTheYearlyReportDoNotMakeTimersLate) {
    DaemonWorld world(0);
    const int port = free_loopback_port();
    world.enable_http(port);
    auto okod = world.start_okod(36000);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();
    const auto admin = admin_token(world.config());
    const auto expected = world.expected_keys();

    std::atomic<bool> done{false};
    std::atomic<int> reports{0};
    std::vector<std::thread> clients;
    const auto url = fmt::format("http://127.0.0.1:{}{}", port, kReport);
    for (int c = 0; c < 4; ++c)
        clients.emplace_back([&] {
            for (int i = 0; i < 50000 && !done; ++i)
                if (http_request("GET", url, "", admin).status == 200) ++reports;
        });
    const bool all_sent = wait_until([&] { return world.all_sent(expected); }, 90s);
    done = true;
    for (auto& t : clients) t.join();
    ASSERT_TRUE(all_sent) << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);

    const auto late = lateness_ms(world.log_text());
    ASSERT_GE(late.size(), 20u);
    // The 90th percentile: on a shared machine (tests in parallel) the odd timer is late
    // for reasons of the machine's, not okod's; a strand held by reports makes most late.
    const double p90 = percentile(late, 0.9), p99 = percentile(late, 0.99);
    std::cout << fmt::format(
        "{} reports served; {} timers, lateness p50 {:.1f} ms, p90 {:.1f} ms, p99 {:.1f} ms\n",
        reports.load(), late.size(), percentile(late, 0.5), p90, p99);
    EXPECT_GT(reports.load(), 20);
    EXPECT_LT(p90, 50.0);
}

}  // namespace
}  // namespace okod::test
