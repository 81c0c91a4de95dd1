// The outbox route on a big store (issue 18): GET /api/v1/outbox once read the first
// 100,000 rows of the whole outbox and filtered them, so a municipality whose e-mails lay
// further on got only some of them (292 of 538 on the 342-municipality store). Here the
// real okod serves a store with 110,000 outbox rows spread over 23 municipalities, and
// paging through one municipality's e-mails returns exactly its rows, each once, through
// the API and through okoctl (which follows the pages), and to no other municipality.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "support/api_daemon.hpp"
#include "support/http_client.hpp"
#include "support/output_lines.hpp"
#include "support/test_support.hpp"

namespace okod::test {
namespace {

constexpr int kRows = 110'000;
constexpr int kMunicipalities = 23;
// A municipality without workflows: okod adds no e-mail of its own, so its rows are
// exactly the ones made here.
constexpr const char* kQuiet = "GM1900";

std::string municipality_of_row(int i) {
    switch (i % kMunicipalities) {
        case 0:
            return kQuiet;
        case 1:
            return "GM0935";
        case 2:
            return "GM0014";
        case 3:
            return "GM0344";
        default:
            return fmt::format("GM{}", 2000 + i % kMunicipalities);
    }
}

// Before okod starts: the quiet municipality's file, and the store with the rows, in one
// transaction (sent, every 5th obsolete: nothing for okod's sender to do).
void fill_store(const std::filesystem::path& dir) {
    write_file(dir / "municipalities" / "GM1900-stil.toml",
               "code = \"GM1900\"\nname = \"Stil\"\nschool_region = \"zuid\"\n"
               "trajectory_start = 2026-01-01\nworkflows = []\n");
    const auto store = dir / "state" / "okod.sqlite";
    std::filesystem::create_directories(store.parent_path());
    { const auto schema = SqliteStore::open(store); }
    SqliteDb db(store.string());
    db.exec("BEGIN");
    auto insert = db.prepare(
        "INSERT INTO outbox(key, created_at, municipality, task_id, kind, role, person_id, "
        "recipient, language, lead_days, due, late, status, attempts, next_attempt_at, "
        "last_error, sent_at) VALUES (?1, ?2, ?3, ?4, 'reminder', 'regisseur', 'someone', "
        "'someone@example.org', 'nl', 7, ?2, 0, ?5, 1, NULL, '', ?6)");
    const std::int64_t created = 1772409600 - kRows;  // until 2026-03-02 00:00 UTC
    for (int i = 0; i < kRows; ++i) {
        const bool obsolete = i % 5 == 4;
        insert.bind(1, fmt::format("paging-{}", i));
        insert.bind(2, created + i);
        insert.bind(3, municipality_of_row(i));
        insert.bind(4, std::int64_t{i});
        insert.bind(5, obsolete ? "obsolete" : "sent");
        if (obsolete)
            insert.bind_null(6);
        else
            insert.bind(6, created + i);
        insert.run();
        insert.reset();
    }
    db.exec("COMMIT");
}

std::vector<std::int64_t> ids_in_store(const std::filesystem::path& store,
                                       const std::string& extra_condition = "") {
    SqliteDb db(store.string());
    auto s = db.prepare("SELECT id FROM outbox WHERE municipality = ?1 " + extra_condition +
                        " ORDER BY id");
    s.bind(1, kQuiet);
    std::vector<std::int64_t> ids;
    while (s.step()) ids.push_back(s.column_int64(0));
    return ids;
}

class OutboxPaging : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        okod_ = new ApiDaemon("2026-03-02T09:00:00+01:00", "", fill_store);
        ASSERT_TRUE(okod_->ready());
        admin_ = okod_->token({"--role", "admin", "--label", "beheer"});
    }
    static void TearDownTestSuite() { delete okod_; }

    static std::filesystem::path store() { return okod_->dir() / "state" / "okod.sqlite"; }

    // Every page of `query`, 1000 rows a request, following next_after until it is null;
    // `requests` counts them.
    static std::vector<std::int64_t> page_through(const std::string& query,
                                                  const std::string& token, int* requests) {
        std::vector<std::int64_t> ids;
        std::string after = "0";
        for (*requests = 1; *requests < 1000; ++*requests) {
            const auto r = http_request(
                "GET",
                fmt::format("{}/api/v1/outbox?{}&limit=1000&after={}", okod_->url(), query, after),
                "", token);
            EXPECT_EQ(r.status, 200) << r.body;
            if (r.status != 200) break;
            const auto body = r.json();
            const auto& rows = body.at("outbox").as_array();
            EXPECT_LE(rows.size(), 1000u);
            for (const auto& o : rows) {
                EXPECT_EQ(o.at("municipality").as_string(), kQuiet) << o;
                ids.push_back(o.at("id").to_number<std::int64_t>());
            }
            const auto& next = body.at("next_after");
            if (next.is_null()) break;
            EXPECT_EQ(next.to_number<std::int64_t>(), ids.back());
            after = std::to_string(next.to_number<std::int64_t>());
        }
        return ids;
    }

    static inline ApiDaemon* okod_ = nullptr;
    static inline std::string admin_;
};

// One test: starting okod on the big store is most of its time (ctest runs each test
// in a process of its own).
TEST_F(OutboxPaging, pages_return_exactly_the_municipalitys_rows_of_a_store_of_110000) {
    const auto expected = ids_in_store(store());
    ASSERT_EQ(expected.size(),
              static_cast<std::size_t>((kRows + kMunicipalities - 1) / kMunicipalities));
    ASSERT_GT(expected.back(), 100'000) << "some of its rows lie past the first 100,000";

    int requests = 0;
    const auto ids = page_through(fmt::format("municipality={}", kQuiet), admin_, &requests);
    EXPECT_EQ(ids, expected);  // in id order, so also without duplicates
    EXPECT_EQ(std::set<std::int64_t>(ids.begin(), ids.end()).size(), ids.size());
    EXPECT_EQ(requests, static_cast<int>((expected.size() + 999) / 1000));

    // With a status, the same: its rows of that status only.
    const auto obsolete =
        page_through(fmt::format("municipality={}&status=obsolete", kQuiet), admin_, &requests);
    EXPECT_EQ(obsolete, ids_in_store(store(), "AND status = 'obsolete'"));
    EXPECT_FALSE(obsolete.empty());

    // Its regisseur's token has one municipality: the parameter may be left out.
    const auto regisseur =
        okod_->token({"--role", "regisseur", "--municipality", kQuiet, "--label", "Stil"});
    EXPECT_EQ(page_through("status=all", regisseur, &requests), expected);

    // okoctl asks for at most 1000 rows a request and follows next_after, so --limit above
    // 1000 lists them all, through the API as on the store; and --limit still limits.
    const auto ids_of = [](const RunResult& r) {
        std::vector<std::int64_t> out;
        for (const auto& o : json_lines(r.out)) out.push_back(o.at("id").to_number<std::int64_t>());
        return out;
    };
    const std::vector<std::string> through_api{"OKOD_URL=" + okod_->url(), "OKOD_TOKEN=" + admin_,
                                               "OKOD_TOKEN_FILE"};
    const auto remote = run_binary(
        "okoctl", {"outbox", "--json", "--municipality", kQuiet, "--limit", "100000"}, through_api);
    EXPECT_EQ(remote.exit_code, 0) << remote.err;
    EXPECT_EQ(ids_of(remote), expected);
    const auto some = run_binary(
        "okoctl", {"outbox", "--json", "--municipality", kQuiet, "--limit", "1500"}, through_api);
    EXPECT_EQ(some.exit_code, 0) << some.err;
    EXPECT_EQ(ids_of(some), std::vector<std::int64_t>(expected.begin(), expected.begin() + 1500));
    const auto local = run_binary("okoctl",
                                  {"outbox", "--json", "--store", store().string(),
                                   "--municipality", kQuiet, "--limit", "100000"},
                                  {"OKOD_URL"});
    EXPECT_EQ(local.exit_code, 0) << local.err;
    EXPECT_EQ(ids_of(local), expected);

    // Another municipality's token cannot read them.
    const auto groningen =
        okod_->token({"--role", "regisseur", "--municipality", "GM0014", "--label", "Jan"});
    for (const auto* query : {"municipality=GM1900", "municipality=GM1900&after=1000&limit=1000",
                              "municipality=GM1900&status=sent"}) {
        const auto r = http_request("GET", fmt::format("{}/api/v1/outbox?{}", okod_->url(), query),
                                    "", groningen);
        EXPECT_EQ(r.status, 404) << query << ": " << r.body;
        EXPECT_EQ(r.body.find("paging-"), std::string::npos);
    }
    // Its own list holds only its own rows.
    const auto own = http_request("GET", okod_->url() + "/api/v1/outbox?limit=1000", "", groningen);
    ASSERT_EQ(own.status, 200) << own.body;
    const auto rows = own.json().at("outbox").as_array();
    EXPECT_EQ(rows.size(), 1000u);
    for (const auto& o : rows) EXPECT_EQ(o.at("municipality").as_string(), "GM0014") << o;
}

}  // namespace
}  // namespace okod::test
