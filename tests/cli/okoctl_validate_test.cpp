// okoctl validate as a user runs it: the real binary, real files.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace okod::test {
namespace {

TEST(OkoctlValidate, the_shipped_definitions_are_valid) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(source_path("workflows/definitions")))
        if (e.path().extension() == ".toml") files.push_back(e.path().string());
    std::vector<std::string> args{"validate"};
    args.insert(args.end(), files.begin(), files.end());
    auto r = run_binary("okoctl", args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
}

TEST(OkoctlValidate, a_broken_file_is_reported_as_file_line_column_and_exits_1) {
    TempDir dir;
    write_file(dir / "roles.toml", "[roles.regisseur]\nnl = \"Regisseur\"\n");
    write_file(dir / "broken.toml", R"(id = "broken"
version = 1
initial = "a"
name = { nl = "Kapot" }

[[states]]
id = "a"
name = { nl = "A" }

[[transitions]]
from = "a"
to = "feedbak"
on = "all_tasks_done"
)");
    auto r = run_binary("okoctl", {"validate", (dir / "broken.toml").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find((dir / "broken.toml").string() +
                         ":12:6: transition goes to unknown state 'feedbak'"),
              std::string::npos)
        << r.err;
}

TEST(OkoctlValidate, without_files_it_says_what_is_missing_and_exits_2) {
    auto r = run_binary("okoctl", {"validate"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("files is required"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace okod::test
