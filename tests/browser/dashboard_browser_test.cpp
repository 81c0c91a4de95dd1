// The dashboard end to end in headless Chromium: the real okod, the real okoctl making
// the tokens, Debian's chromium driven by playwright-core (tests/browser/dashboard.mjs,
// which prints each check). scripts/install-deps.sh --tests installs all three.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "support/api_daemon.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

TEST(DashboardBrowser, a_regisseur_does_the_months_jobs_and_a_council_token_cannot) {
    const auto script = source_path("tests/browser/dashboard.mjs");
    ASSERT_TRUE(std::filesystem::exists(source_path("tests/browser/node_modules/playwright-core")))
        << "playwright-core is missing: run scripts/install-deps.sh --tests";
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/chromium"))
        << "Debian's chromium is missing: run scripts/install-deps.sh --tests";

    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto regisseur =
        okod.token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
    const auto council =
        okod.token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    const auto stakeholder = okod.token({"--role", "stakeholder", "--municipality", "GM0935",
                                         "--person", "maastricht-bram", "--label", "Bram"});

    const auto log = okod.dir() / "browser.log";
    std::vector<std::string> node_args{"node",          script.string(), "--url",     okod.url(),
                                       "--regisseur",   regisseur,       "--council", council,
                                       "--stakeholder", stakeholder};
    // scripts/screenshots.sh: the pages of docs/handleiding-regisseur.md, made from the demo.
    if (const char* dir = std::getenv("OKOD_SCREENSHOTS")) {
        node_args.emplace_back("--screenshots");
        node_args.emplace_back(dir);
    }
    ChildProcess node("/usr/bin/env", node_args, log);
    const auto exit_code = node.wait_for(300s);
    EXPECT_EQ(exit_code, 0) << read_file(log);
    // Every check ran: the last one looks at script errors over the whole session.
    EXPECT_NE(read_file(log).find("ok: no script errors and no request outside okod"),
              std::string::npos)
        << read_file(log);
}

}  // namespace
}  // namespace okod::test
