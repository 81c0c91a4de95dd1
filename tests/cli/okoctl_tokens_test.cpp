// `okoctl tokens` on a store okod made from the demo config: create prints the secret
// as its only line and stores only the SHA-256 (the secret is nowhere in the store's
// files), list shows tokens without secret or hash, revoke works once and says so
// after; every bad argument (exit 2) and refusal (exit 1) prints no secret and changes
// nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>

#include "adapters/auth/token_secret.hpp"
#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"
#include "time/clock.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// What a refused command must leave as it was.
std::string describe(const std::vector<ApiToken>& tokens) {
    std::string text;
    for (const auto& t : tokens)
        text += std::to_string(t.id) + " " + t.hash + " " + std::string(to_string(t.role)) + " " +
                t.label + " " +
                (t.revoked_at ? std::to_string(t.revoked_at->time_since_epoch().count()) : "-") +
                "\n";
    return text;
}

class OkoctlTokens : public ::testing::Test {
protected:
    // A store as okod's first start leaves it: the demo config synced into it.
    void SetUp() override {
        copy_demo_config(dir_.path());
        auto loaded = load_config(config());
        ASSERT_TRUE(loaded.config) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
        auto opened = open_runtime(std::move(*loaded.config), store_path());
        ASSERT_TRUE(opened.runtime) << (opened.errors.empty() ? "" : opened.errors[0].to_string());
    }

    RunResult okoctl(std::vector<std::string> args) {
        args.insert(args.begin(), "tokens");
        args.insert(args.end(), {"--config", config().string()});
        return run_binary("okoctl", args);
    }

    // Creates a token and returns its secret.
    std::string create(std::vector<std::string> args) {
        args.insert(args.begin(), "create");
        const auto r = okoctl(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        const auto lines = lines_of(r.out);
        EXPECT_EQ(lines.size(), 1u) << r.out;
        return lines.empty() ? std::string() : lines[0];
    }

    std::vector<ApiToken> tokens() { return SqliteStore::open(store_path())->all_tokens(); }

    // Every byte okod's store keeps on disk: the database and its WAL and index files.
    std::string store_bytes() const {
        std::string bytes;
        for (const auto& entry : fs::directory_iterator(store_path().parent_path()))
            if (entry.path().filename().string().rfind("okod.sqlite", 0) == 0)
                bytes += read_file(entry.path());
        return bytes;
    }

    // A command that must fail with `exit_code`, print no secret, say `message` and
    // leave the tokens as they were.
    void expect_refused(const std::vector<std::string>& args, int exit_code,
                        const std::string& message) {
        const auto before = describe(tokens());
        const auto r = okoctl(args);
        EXPECT_EQ(r.exit_code, exit_code) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(describe(tokens()), before);
    }

    fs::path config() const { return dir_ / "okod.toml"; }
    fs::path store_path() const { return dir_ / "state/okod.sqlite"; }

    TempDir dir_;
};

TEST_F(OkoctlTokens, CreatePrintsTheSecretOnceAndStoresOnlyItsHash) {
    const auto r =
        okoctl({"create", "--role", "regisseur", "--municipality", "GM0935", "--municipality",
                "GM0014", "--municipality", "GM0935", "--label", "Sanne's laptop"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 1u) << r.out;
    const std::string secret = lines[0];
    EXPECT_EQ(secret.rfind("okod_", 0), 0u) << secret;
    EXPECT_EQ(secret.size(), 48u) << secret;
    EXPECT_NE(r.err.find("store it now: okod keeps only its hash"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(secret), std::string::npos) << "the secret goes to stdout only";

    const auto stored = tokens();
    ASSERT_EQ(stored.size(), 1u);
    const ApiToken& t = stored[0];
    EXPECT_EQ(t.hash, hash_token(secret));
    EXPECT_EQ(t.role, ApiRole::regisseur);
    EXPECT_EQ(t.municipalities, (std::vector<std::string>{"GM0935", "GM0014"}));  // once each
    EXPECT_EQ(t.label, "Sanne's laptop");
    EXPECT_EQ(t.person_id, "");
    EXPECT_TRUE(t.active());
    EXPECT_GT(t.created_at.time_since_epoch().count(), 1'700'000'000);  // the wall clock
    EXPECT_TRUE(SqliteStore::open(store_path())->token_by_hash(hash_token(secret)));

    const std::string bytes = store_bytes();
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "the secret is in the store's files";
    EXPECT_EQ(bytes.find(secret.substr(5)), std::string::npos)
        << "the secret is in the store's files";
    EXPECT_NE(bytes.find(t.hash), std::string::npos) << "the hash is not where it was looked for";
}

TEST_F(OkoctlTokens, EveryTokenHasItsOwnSecret) {
    const auto a = create({"--role", "admin", "--label", "ops"});
    const auto b = create({"--role", "admin", "--label", "ops"});
    EXPECT_NE(a, b);
    ASSERT_EQ(tokens().size(), 2u);
}

TEST_F(OkoctlTokens, StakeholderTokenIsForAPersonOkodKnows) {
    const auto secret = create({"--role", "stakeholder", "--municipality", "GM0935", "--person",
                                "maastricht-bram", "--label", "Bram, GGD"});
    const auto stored = SqliteStore::open(store_path())->token_by_hash(hash_token(secret));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->role, ApiRole::stakeholder);
    EXPECT_EQ(stored->person_id, "maastricht-bram");
}

TEST_F(OkoctlTokens, ListShowsEveryTokenWithoutSecretOrHash) {
    const auto admin = create({"--role", "admin", "--label", "ops"});
    const auto council = create(
        {"--role", "council", "--municipality", "GM0935", "--label", "Raadsgriffie Maastricht"});
    const auto stored = tokens();
    ASSERT_EQ(stored.size(), 2u);

    auto r = okoctl({"list"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lines = lines_of(r.out);
    ASSERT_EQ(lines.size(), 3u) << r.out;  // header and two tokens
    EXPECT_EQ(lines[0].rfind("ID", 0), 0u) << r.out;
    EXPECT_NE(lines[1].find("admin"), std::string::npos) << r.out;
    EXPECT_NE(lines[1].find("all"), std::string::npos) << r.out;
    EXPECT_NE(lines[2].find("council"), std::string::npos) << r.out;
    EXPECT_NE(lines[2].find("GM0935"), std::string::npos) << r.out;
    EXPECT_NE(lines[2].find("Raadsgriffie Maastricht"), std::string::npos) << r.out;
    for (const auto& secret : {admin, council}) EXPECT_EQ(r.out.find(secret), std::string::npos);
    for (const auto& t : stored) EXPECT_EQ(r.out.find(t.hash), std::string::npos);

    r = okoctl({"list", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json_lines = lines_of(r.out);
    ASSERT_EQ(json_lines.size(), 2u) << r.out;
    const auto o = boost::json::parse(json_lines[1]).as_object();
    EXPECT_EQ(o.at("id").as_int64(), stored[1].id);
    EXPECT_EQ(o.at("role").as_string(), "council");
    EXPECT_EQ(o.at("municipalities").as_array().size(), 1u);
    EXPECT_EQ(o.at("municipalities").as_array()[0].as_string(), "GM0935");
    EXPECT_TRUE(o.at("person").is_null());
    EXPECT_EQ(o.at("label").as_string(), "Raadsgriffie Maastricht");
    EXPECT_TRUE(o.at("created_at").is_string());
    EXPECT_TRUE(o.at("revoked_at").is_null());
    EXPECT_TRUE(o.at("active").as_bool());
    EXPECT_FALSE(o.contains("hash"));
    for (const auto& secret : {admin, council}) EXPECT_EQ(r.out.find(secret), std::string::npos);
    for (const auto& t : stored) EXPECT_EQ(r.out.find(t.hash), std::string::npos);
}

TEST_F(OkoctlTokens, ListOfNoTokensSaysSo) {
    auto r = okoctl({"list"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("no tokens", 0), 0u) << r.out;
    r = okoctl({"list", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST_F(OkoctlTokens, RevokeStopsATokenAndKeepsItInTheList) {
    create({"--role", "admin", "--label", "ops"});
    create({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    const auto id = tokens().at(1).id;

    auto r = okoctl({"revoke", std::to_string(id)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("revoked token " + std::to_string(id)), std::string::npos) << r.out;
    auto stored = tokens();
    ASSERT_EQ(stored.size(), 2u);
    EXPECT_TRUE(stored[0].active());
    ASSERT_TRUE(stored[1].revoked_at);
    const auto revoked_at = *stored[1].revoked_at;

    r = okoctl({"list", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto o = boost::json::parse(lines_of(r.out).at(1)).as_object();
    EXPECT_TRUE(o.at("revoked_at").is_string());
    EXPECT_FALSE(o.at("active").as_bool());

    // Again: nothing changes, and it says when it was revoked.
    r = okoctl({"revoke", std::to_string(id)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("revoked already"), std::string::npos) << r.out;
    EXPECT_EQ(tokens().at(1).revoked_at, revoked_at);
}

TEST_F(OkoctlTokens, RevokeOfAnUnknownIdIsRefused) {
    create({"--role", "admin", "--label", "ops"});
    expect_refused({"revoke", "99"}, 1, "no token with id 99");
    expect_refused({"revoke", "abc"}, 2, "'abc' is not a token id");
    expect_refused({"revoke", "0"}, 2, "'0' is not a token id");
}

TEST_F(OkoctlTokens, RefusalsNameTheProblemAndChangeNothing) {
    create({"--role", "admin", "--label", "ops"});
    // What only the store can tell: exit 1.
    expect_refused({"create", "--role", "regisseur", "--municipality", "GM9999", "--label", "x"}, 1,
                   "okod knows no municipality GM9999 (it knows: GM0014, GM0344, GM0935)");
    expect_refused({"create", "--role", "council", "--municipality", "GM0935", "--municipality",
                    "GM9999", "--label", "x"},
                   1, "okod knows no municipality GM9999");
    expect_refused({"create", "--role", "stakeholder", "--municipality", "GM0935", "--person",
                    "nobody", "--label", "x"},
                   1, "okod knows no person nobody");
    // Arguments that make no sense: exit 2 with CLI11's message.
    expect_refused({"create", "--role", "admin", "--municipality", "GM0935", "--label", "x"}, 2,
                   "an admin token covers every municipality");
    expect_refused({"create", "--role", "regisseur", "--label", "x"}, 2,
                   "a regisseur token needs --municipality");
    expect_refused({"create", "--role", "council", "--label", "x"}, 2,
                   "a council token needs --municipality");
    expect_refused({"create", "--role", "stakeholder", "--municipality", "GM0935", "--label", "x"},
                   2, "a stakeholder token needs --person");
    expect_refused({"create", "--role", "boss", "--label", "x"}, 2, "--role");
    expect_refused({"create", "--role", "council", "--municipality", "Maastricht", "--label", "x"},
                   2, "'Maastricht' is not a CBS code");
    expect_refused({"create", "--role", "admin"}, 2, "--label is required");
    expect_refused({"create", "--role", "admin", "--label", " "}, 2, "label");
    // A label is logged with what the token does: no line feed to forge a log line.
    expect_refused({"create", "--role", "admin", "--label", "ops\n[error] forged"}, 2,
                   "label: contains a control character (U+000A)");
    expect_refused({"create", "--label", "x"}, 2, "--role is required");
}

TEST_F(OkoctlTokens, NoStoreIsRefusedAndNoneIsMade) {
    const auto missing = dir_ / "elsewhere/okod.sqlite";
    const auto r = run_binary("okoctl", {"tokens", "create", "--role", "admin", "--label", "x",
                                         "--store", missing.string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("no store at " + missing.string()), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(missing));
}

// Issue 16: a token may have a last day; list shows it and when the token was last used.
TEST_F(OkoctlTokens, ExpiresGivesATokenItsLastDayAndListShowsIt) {
    const Date today = local_date(SystemClock().now());
    const std::string last_day = format_date(add_days(today, 30));
    const auto r = okoctl({"create", "--role", "council", "--municipality", "GM0935", "--label",
                           "stage", "--expires", last_day});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("last day " + last_day), std::string::npos) << r.err;
    const auto stored = tokens();
    ASSERT_EQ(stored.size(), 1u);
    ASSERT_TRUE(stored[0].expires_at);
    // Through the last day, to the next midnight in Amsterdam.
    EXPECT_EQ(*stored[0].expires_at, at_local(add_days(today, 31), TimeOfDay{0}));
    EXPECT_FALSE(stored[0].expired(SystemClock().now()));

    auto list = okoctl({"list"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("EXPIRES"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("LAST USED"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find(last_day), std::string::npos) << list.out;
    list = okoctl({"list", "--json"});
    const auto o = boost::json::parse(lines_of(list.out).at(0)).as_object();
    EXPECT_EQ(o.at("expires_at").as_string(), format_iso_local(*stored[0].expires_at));
    EXPECT_TRUE(o.at("last_used_at").is_null());  // never used yet
    EXPECT_TRUE(o.at("active").as_bool());

    // Without --expires a token does not expire.
    create({"--role", "admin", "--label", "ops"});
    EXPECT_FALSE(tokens().at(1).expires_at);
}

TEST_F(OkoctlTokens, AnExpiryThatHasPassedOrIsNoDateIsRefused) {
    const std::string yesterday = format_date(add_days(local_date(SystemClock().now()), -1));
    expect_refused({"create", "--role", "admin", "--label", "x", "--expires", yesterday}, 2,
                   "has passed");
    expect_refused({"create", "--role", "admin", "--label", "x", "--expires", "31-12-2026"}, 2,
                   "'31-12-2026' is not a date");
}

}  // namespace
}  // namespace okod::test
