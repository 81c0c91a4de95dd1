// Signing in with the municipality's account in headless Chromium (issue 19): the real
// okod on the demo with an [oidc] section, a real OpenID provider on 127.0.0.1
// (oidc-provider from npm), Debian's chromium through playwright-core
// (tests/browser/oidc_sign_in.mjs, which prints each check), at 1280 and at 390 px.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/api_daemon.hpp"
#include "support/child_process.hpp"
#include "support/oidc_provider.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

TEST(OidcBrowser, a_regisseur_follows_a_link_signs_in_with_her_account_and_works) {
    if (!oidc_provider_installed())
        GTEST_SKIP() << "oidc-provider is not installed: scripts/install-deps.sh --tests";
    ASSERT_TRUE(std::filesystem::exists(source_path("tests/browser/node_modules/playwright-core")))
        << "playwright-core is missing: run scripts/install-deps.sh --tests";
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/chromium"))
        << "Debian's chromium is missing: run scripts/install-deps.sh --tests";

    const int port = free_loopback_port();
    const auto callback = fmt::format("http://127.0.0.1:{}/auth/oidc/callback", port);
    OidcTestProvider provider({{"okod", "okod-secret", callback}},
                              {{"sanne", "sanne.vermeulen@maastricht.example", "Sanne"}});
    const std::string issuer = provider.issuer();
    ApiDaemon okod(
        "2026-03-02T09:00:00+01:00", "",
        [&](const std::filesystem::path& dir) { add_oidc_section(dir, issuer, callback); }, 0,
        port);
    ASSERT_TRUE(okod.ready()) << okod.log();

    // Each width in a browser of its own: the second signs in anew at the provider.
    for (const char* width : {"1280", "390"}) {
        const auto log = okod.dir() / fmt::format("browser-{}.log", width);
        ChildProcess node("/usr/bin/env",
                          {"node", source_path("tests/browser/oidc_sign_in.mjs").string(), "--url",
                           okod.url(), "--provider", issuer, "--login", "sanne", "--name",
                           "Sanne Vermeulen", "--width", width},
                          log);
        EXPECT_EQ(node.wait_for(180s), 0) << read_file(log) << okod.log() << provider.log();
        EXPECT_NE(read_file(log).find("ok: no script errors and no request outside okod"),
                  std::string::npos)
            << read_file(log);
    }
}

}  // namespace
}  // namespace okod::test
