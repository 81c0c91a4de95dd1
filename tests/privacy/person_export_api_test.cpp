// GET /api/v1/people/{id}/export on the real okod: the admin and the regisseur of the
// person's municipality get what `okoctl people export` prints; another municipality's
// regisseur, the council and an unknown id all get the same 404.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/api_daemon.hpp"
#include "support/http_client.hpp"

namespace okod::test {
namespace {

TEST(PersonExportApi, TheAdminAndThePersonsRegisseurGetTheExportOthersA404) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto admin = okod.token({"--role", "admin", "--label", "beheer"});
    const auto own =
        okod.token({"--role", "regisseur", "--municipality", "GM0935", "--label", "m"});
    const auto other =
        okod.token({"--role", "regisseur", "--municipality", "GM0014", "--label", "g"});
    const auto council =
        okod.token({"--role", "council", "--municipality", "GM0935", "--label", "r"});
    const auto path = okod.url() + "/api/v1/people/maastricht-bram/export";

    for (const auto& token : {admin, own}) {
        const auto r = http_request("GET", path, "", token);
        ASSERT_EQ(r.status, 200) << r.body;
        const auto v = r.json();
        EXPECT_EQ(v.at("person").at("id").as_string(), "maastricht-bram");
        EXPECT_EQ(v.at("person").at("name").as_string(), "Bram Hendriks");
        EXPECT_FALSE(v.at("assignments").as_array().empty());
        EXPECT_TRUE(v.at("person").at("erased_at").is_null());
    }
    const auto not_yours = http_request("GET", path, "", other);
    const auto unknown =
        http_request("GET", okod.url() + "/api/v1/people/maastricht-nobody/export", "", own);
    EXPECT_EQ(not_yours.status, 404);
    EXPECT_EQ(http_request("GET", path, "", council).status, 404);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(not_yours.json().at("error"), unknown.json().at("error"));
    EXPECT_EQ(http_request("POST", path, "{}", admin).status, 405);
}

}  // namespace
}  // namespace okod::test
