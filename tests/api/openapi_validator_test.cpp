// The OpenAPI document okod serves is valid OpenAPI 3, as a real validator reads it
// (@apidevtools/swagger-parser from npm, pinned in tests/browser/package-lock.json):
// a client generator must be able to read it. (It once was not: query parameters with
// "required": "integer", an empty "required" list.)
#include <gtest/gtest.h>

#include "support/child_process.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

TEST(OpenApiDocument, passes_a_real_openapi_validator) {
    const auto modules = source_path("tests/browser/node_modules/@apidevtools/swagger-parser");
    ASSERT_TRUE(std::filesystem::exists(modules))
        << "the validator is not installed: scripts/install-deps.sh --tests (npm ci in "
           "tests/browser)";
    TempDir tmp;
    const auto log = tmp.path() / "validator.log";
    ChildProcess node("/usr/bin/env",
                      {"node", source_path("tests/browser/openapi_validate.mjs").string(),
                       source_path("daemon/api/openapi.json").string()},
                      log);
    EXPECT_EQ(node.wait_for(60s), 0) << read_file(log);
    EXPECT_NE(read_file(log).find("valid OpenAPI 3.0"), std::string::npos) << read_file(log);

    // And it says no to the mistake the document once had.
    std::string broken = read_file(source_path("daemon/api/openapi.json"));
    const auto at = broken.find("\"required\": false");
    ASSERT_NE(at, std::string::npos);
    broken.replace(at, 17, "\"required\": \"integer\"");
    write_file(tmp.path() / "broken.json", broken);
    const auto broken_log = tmp.path() / "broken.log";
    ChildProcess refused("/usr/bin/env",
                         {"node", source_path("tests/browser/openapi_validate.mjs").string(),
                          (tmp.path() / "broken.json").string()},
                         broken_log);
    EXPECT_EQ(refused.wait_for(60s), 1) << read_file(broken_log);
    EXPECT_NE(read_file(broken_log).find("must be boolean"), std::string::npos)
        << read_file(broken_log);
}

}  // namespace
}  // namespace okod::test
