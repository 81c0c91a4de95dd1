// The real okod running while `okoctl people erase` pseudonymises a person who is still
// in okod's municipality file: okod logs the erasure by the pseudonym, shows the
// pseudonym from then on, and neither its store watch nor a reload (SIGHUP, which syncs
// the file into the store again) brings the name or the address back. And okod applies
// the mail retention itself.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <csignal>
#include <map>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/daemon_world.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

// Every text in the store file that contains `needle`, as "table.column".
std::vector<std::string> found_in_store(const std::filesystem::path& file,
                                        const std::string& needle) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    auto rows = [db](const std::string& sql) {
        std::vector<std::string> out;
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return out;
        while (sqlite3_step(s) == SQLITE_ROW) {
            const auto* t = sqlite3_column_text(s, 0);
            out.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
        }
        sqlite3_finalize(s);
        return out;
    };
    std::vector<std::string> found;
    for (const auto& table : rows("SELECT name FROM sqlite_schema WHERE type = 'table'"))
        for (const auto& column : rows("SELECT name FROM pragma_table_info('" + table + "')"))
            if (!rows(fmt::format("SELECT 1 FROM \"{}\" WHERE instr(\"{}\", '{}') > 0", table,
                                  column, needle))
                     .empty())
                found.push_back(table + "." + column);
    sqlite3_close(db);
    return found;
}

TEST(ErasureProcess, ARunningOkodDoesNotBringAnErasedPersonBackFromItsConfigFile) {
    DaemonWorld world(0);  // mail as .eml files
    write_file(world.definitions() / "warm-handover.toml",
               read_file(source_path("workflows/definitions/warm-handover.toml")));
    const auto file = world.dir() / "municipalities" / "GM0935.toml";
    std::string text = read_file(file);
    text.replace(text.find(R"(workflows = ["drill"])"), 21,
                 R"(workflows = ["drill", "warm-handover"])");
    // A name of his own: the other municipalities have a "Bram van de GGD" too.
    text.replace(text.find(R"(name = "Bram van de GGD")"), 24, R"(name = "Bram Maasland")");
    write_file(file, text);

    auto okod = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(1)) << world.log_text();

    // Bram's last day was yesterday (okod's clock starts on 2 March 2026): his hand-over
    // starts, its titles name him, and okod logs it with his name.
    auto r =
        run_binary("okoctl", {"people", "leave", "maastricht-bram", "--municipality", "GM0935",
                              "--last-day", "2026-03-01", "--config", world.config().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(wait_until([&] { return world.log_count("Bram Maasland vertrekt als") >= 1; }, 15s))
        << world.log_text();

    r = run_binary("okoctl",
                   {"people", "erase", "maastricht-bram", "--config", world.config().string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("from now on 'Verwijderde persoon 1'"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("note: maastricht-bram is still in a municipality file"),
              std::string::npos)
        << r.out;
    ASSERT_TRUE(wait_until(
        [&] { return world.log_count("persoonsgegevens van Verwijderde persoon 1 gewist") >= 1; },
        15s))
        << world.log_text();

    // A reload reads the file that still lists Bram: he stays erased, and okod says so.
    const auto log_before_reload = world.log_text().size();
    okod->signal(SIGHUP);
    ASSERT_TRUE(wait_until([&] { return world.log_count("reloaded:") >= 1; }, 15s))
        << world.log_text();
    EXPECT_GE(world.log_count("person maastricht-bram in the municipality files was erased"), 1)
        << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);

    const std::string after = world.log_text().substr(log_before_reload);
    EXPECT_EQ(after.find("Bram Maasland"), std::string::npos) << after;
    EXPECT_EQ(found_in_store(world.store(), "Bram Maasland"), std::vector<std::string>{});
    EXPECT_EQ(found_in_store(world.store(), "bram@maastricht.example"), std::vector<std::string>{});
    auto store = SqliteStore::open(world.store());
    EXPECT_EQ(store->person("maastricht-bram")->name, "Verwijderde persoon 1");
    EXPECT_TRUE(
        store->holders_of_role("GM0935", "ggd-contact", Date{date::year{2026} / 3 / 10}).empty());
    // The .eml copies that named him went with him.
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(world.dir() / "state" / "mail", ec))
        EXPECT_EQ(read_file(f.path()).find("bram@maastricht.example"), std::string::npos)
            << f.path();
}

}  // namespace
}  // namespace okod::test

namespace okod::test {
namespace {

// okod applies [privacy] mail_retention_months itself, as soon as it runs: an e-mail
// sent two years before okod's clock loses its address, last week's keeps it.
TEST(RetentionProcess, OkodClearsTheAddressesOfOldSentMailWhenItStarts) {
    DaemonWorld world(0);
    {
        auto okod = world.start_okod(1);  // creates the store
        ASSERT_TRUE(world.wait_ready(1)) << world.log_text();
        okod->signal(SIGTERM);
        ASSERT_EQ(okod->wait_for(20s), 0);
    }
    {
        auto store = SqliteStore::open(world.store());
        for (const auto& [key, day] : {std::pair{"old", Date{date::year{2024} / 3 / 1}},
                                       std::pair{"recent", Date{date::year{2026} / 2 / 23}}}) {
            OutboxItem o;
            o.key = key;
            o.created_at = at_local(day, TimeOfDay{9 * 60});
            o.sent_at = o.created_at;
            o.status = OutboxStatus::sent;
            o.municipality = "GM0935";
            o.kind = OutboxKind::reminder;
            o.person_id = "maastricht-sanne";
            o.recipient = "sanne@maastricht.example";
            ASSERT_TRUE(store->enqueue(o));
        }
    }
    write_file(world.config(),
               read_file(world.config()) + "\n[privacy]\nmail_retention_months = 13\n");
    auto okod = world.start_okod(1);
    ASSERT_TRUE(world.wait_ready(2)) << world.log_text();
    ASSERT_TRUE(wait_until(
        [&] { return world.log_count("addresses of 1 e-mails sent before 2025-02-02") >= 1; }, 15s))
        << world.log_text();
    okod->signal(SIGTERM);
    EXPECT_EQ(okod->wait_for(20s), 0);
    std::map<std::string, std::string> recipient;
    for (const auto& o : world.outbox()) recipient[o.key] = o.recipient;
    EXPECT_EQ(recipient["old"], "");
    EXPECT_EQ(recipient["recent"], "sanne@maastricht.example");
}

}  // namespace
}  // namespace okod::test
