// A dead letter sent again through okod's API, as a regisseur would after correcting
// an address: POST /api/v1/outbox/{id}/retry on the real okod, and okoctl outbox retry
// through it. The demo's Maastricht
// regisseur has no e-mail address here, so her reminders are dead letters at once.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

// The demo's Maastricht file without the regisseur's address.
void without_regisseur_address(const std::filesystem::path& dir) {
    const auto file = dir / "municipalities" / "GM0935-maastricht.toml";
    const std::string text = read_file(file);
    write_file(file, std::regex_replace(text, std::regex(R"(email = "sanne[^"]*"\n)"), ""));
}

TEST(OutboxRetryApi, ADeadLetterGoesOutAgainToTheCorrectedAddress) {
    ApiDaemon okod("2022-03-28T08:59:57+02:00", "",
                   without_regisseur_address);  // 3 days ahead: 09:00
    ASSERT_TRUE(okod.ready());
    const auto regisseur =
        okod.token({"--role", "regisseur", "--municipality", "GM0935", "--label", "Sanne"});
    const auto list = [&](const std::string& status) {
        return http_request("GET",
                            okod.url() + "/api/v1/outbox?municipality=GM0935&status=" + status, "",
                            regisseur);
    };
    std::int64_t id = 0;
    ASSERT_TRUE(wait_until(
        [&] {
            const auto dead = list("dead").json().at("outbox").as_array();
            if (dead.empty()) return false;
            id = dead.at(0).at("id").to_number<std::int64_t>();
            return true;
        },
        20s))
        << okod.log();
    const auto path = fmt::format("{}/api/v1/outbox/{}/retry", okod.url(), id);

    // Her address, then the dead letter again: it goes to her now.
    const auto person =
        http_request("GET", okod.url() + "/api/v1/people/maastricht-sanne", "", regisseur).json();
    const auto saved = http_request(
        "POST", okod.url() + "/api/v1/people",
        fmt::format(
            R"({{"id": "maastricht-sanne", "name": "{}", "email": "sanne@maastricht.example"}})",
            std::string(person.at("name").as_string())),
        regisseur);
    ASSERT_EQ(saved.status, 200) << saved.body;
    const auto retried = http_request("POST", path, "", regisseur);
    ASSERT_EQ(retried.status, 200) << retried.body;
    EXPECT_EQ(retried.json().at("recipient").as_string(), "sanne@maastricht.example");
    ASSERT_TRUE(wait_until(
        [&] {
            const auto sent = list("sent").json();
            for (const auto& o : sent.at("outbox").as_array())
                if (o.at("id").to_number<std::int64_t>() == id) return true;
            return false;
        },
        20s))
        << okod.log();

    // The rest with okoctl through the API, as from the regisseur's own machine.
    const auto rest =
        run_binary("okoctl", {"outbox", "retry", "--all-dead", "--municipality", "GM0935"},
                   {"OKOD_URL=" + okod.url(), "OKOD_TOKEN=" + regisseur, "OKOD_TOKEN_FILE"});
    EXPECT_EQ(rest.exit_code, 0) << rest.err;
    EXPECT_NE(rest.out.find("back in the queue"), std::string::npos) << rest.out;
    EXPECT_TRUE(
        wait_until([&] { return list("dead").json().at("outbox").as_array().empty(); }, 20s))
        << okod.log();

    // Sent is not dead: nothing to send again; another municipality's token sees nothing.
    const auto again = http_request("POST", path, "", regisseur);
    EXPECT_EQ(again.status, 409) << again.body;
    const auto groningen =
        okod.token({"--role", "regisseur", "--municipality", "GM0014", "--label", "Jan"});
    EXPECT_EQ(http_request("POST", path, "", groningen).status, 404);
    const auto council =
        okod.token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    EXPECT_EQ(http_request("POST", path, "", council).status, 403);
}

}  // namespace
}  // namespace okod::test
