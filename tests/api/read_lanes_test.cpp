// Which operations run on okod's read threads (reads_only, operations.hpp): every GET
// but /ready, never a write.
#include <gtest/gtest.h>

#include "daemon/api/operations.hpp"
#include "daemon/api/router.hpp"

namespace okod {
namespace {

HttpRequest request(std::string method, std::string target) {
    HttpRequest r;
    r.method = std::move(method);
    r.target = std::move(target);
    return r;
}

TEST(ReadLanes, EveryGetButReadyAndTheOidcCallbackReadsOnlyAndNoWriteDoes) {
    int reads = 0;
    for (const auto& op : operations()) {
        if (op.method != "GET") {
            EXPECT_FALSE(reads_only(op)) << op.id;
        } else if (op.id == "ready") {
            EXPECT_FALSE(reads_only(op)) << "/ready reports the strand's own state";
        } else if (op.id == "auth.oidc.callback") {
            EXPECT_FALSE(reads_only(op)) << "the OpenID Connect callback opens a session";
        } else {
            EXPECT_TRUE(reads_only(op)) << op.id;
            ++reads;
        }
    }
    EXPECT_GT(reads, 10);
}

TEST(ReadLanes, ARequestGoesWhereItsOperationDoes) {
    EXPECT_TRUE(reads_only(request("GET", "/health")));
    EXPECT_TRUE(reads_only(
        request("GET", "/api/v1/municipalities/GM0935/reports/annual?year=2026&format=html")));
    EXPECT_FALSE(reads_only(request("GET", "/ready")));
    EXPECT_FALSE(reads_only(request("POST", "/api/v1/people")));
    EXPECT_FALSE(reads_only(request("POST", "/api/v1/tasks/12/complete")));
    // Nothing matches: a 404 or 405 touches no store.
    EXPECT_TRUE(reads_only(request("GET", "/no/such/route")));
    EXPECT_TRUE(reads_only(request("DELETE", "/health")));
}

}  // namespace
}  // namespace okod
