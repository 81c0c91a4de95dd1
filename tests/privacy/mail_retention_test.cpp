// The retention setting ([privacy] mail_retention_months): sent e-mail loses its
// address after the period, through an index (no scan of the outbox), and the directory
// transport's .eml files from before the cutoff go; pending e-mail keeps its address.
// And the event log of a store from before migration 8 stays append-only after it.
#include "daemon/privacy/mail_retention.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/sample_mail.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

namespace fs = std::filesystem;

Instant local(int y, unsigned m, unsigned d, int hour = 9) {
    return at_local(Date{date::year{y}, date::month{m}, date::day{d}}, TimeOfDay{hour * 60});
}

OutboxItem mail(const std::string& key, Instant created, OutboxStatus status) {
    return sample_mail(key, created, status,
                       status == OutboxStatus::sent
                           ? std::optional<Instant>(created + std::chrono::minutes{1})
                           : std::nullopt);
}

std::string raw_text(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    std::string all;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
        all = sqlite3_errmsg(db);
    } else {
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            const auto* t = sqlite3_column_text(s, sqlite3_column_count(s) - 1);
            all += t ? reinterpret_cast<const char*>(t) : "";
            all += '\n';
        }
        if (rc != SQLITE_DONE) all = sqlite3_errmsg(db);  // a trigger's refusal, say
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return all;
}

TEST(MailRetention, the_cutoff_is_whole_calendar_months_back_at_local_midnight) {
    EXPECT_EQ(format_iso_local(mail_retention_cutoff(local(2026, 12, 7), 13)),
              "2025-11-07T00:00:00+01:00");
    EXPECT_EQ(format_iso_local(mail_retention_cutoff(local(2026, 3, 31), 1)),
              "2026-02-28T00:00:00+01:00");
}

TEST(MailRetention,
     sent_and_given_up_mail_loses_its_address_after_the_period_pending_mail_keeps_it) {
    TempDir dir;
    auto store = SqliteStore::open(dir / "okod.sqlite");
    ASSERT_TRUE(store->enqueue(mail("old-sent", local(2024, 1, 10), OutboxStatus::sent)));
    ASSERT_TRUE(store->enqueue(mail("old-dead", local(2024, 2, 10), OutboxStatus::dead)));
    ASSERT_TRUE(store->enqueue(mail("old-pending", local(2024, 3, 10), OutboxStatus::pending)));
    ASSERT_TRUE(store->enqueue(mail("recent-sent", local(2025, 12, 1), OutboxStatus::sent)));

    Config config;
    config.mail.transport = MailTransportKind::smtp;
    const auto r = apply_mail_retention(*store, config, local(2026, 1, 15));
    EXPECT_EQ(format_date(local_date(r.cutoff)), "2024-12-15");
    EXPECT_EQ(r.addresses, 2);
    std::map<std::string, std::string> recipient;
    for (const auto& o : store->outbox_by_status(std::nullopt, 100)) recipient[o.key] = o.recipient;
    EXPECT_EQ(recipient["old-sent"], "");
    EXPECT_EQ(recipient["old-dead"], "");
    EXPECT_EQ(recipient["old-pending"], "sanne@maastricht.example");  // still to be sent
    EXPECT_EQ(recipient["recent-sent"], "sanne@maastricht.example");
    EXPECT_EQ(apply_mail_retention(*store, config, local(2026, 1, 15)).addresses, 0);  // done once

    // The daily run reads the index of rows that still have an address, not the outbox.
    const auto plan = raw_text(dir / "okod.sqlite",
                               "EXPLAIN QUERY PLAN SELECT id FROM outbox WHERE recipient <> '' AND "
                               "status <> 'pending' AND COALESCE(sent_at, created_at) < 0 ORDER BY "
                               "COALESCE(sent_at, created_at) LIMIT 10");
    EXPECT_NE(plan.find("USING INDEX outbox_kept"), std::string::npos) << plan;
}

TEST(MailRetention, eml_files_of_the_directory_transport_go_after_the_period) {
    TempDir dir;
    auto store = SqliteStore::open(":memory:");
    const fs::path mail_dir = dir / "mail";
    fs::create_directories(mail_dir);
    for (const char* name :
         {"20241101T090000-aaaa.eml", "20241215T090000-bbbb.eml", "notes.txt", "old.eml"})
        write_file(mail_dir / name, "To: sanne@maastricht.example\r\n\r\nhallo\r\n");
    Config config;
    config.mail.transport = MailTransportKind::directory;
    config.mail.directory = mail_dir;
    const auto r = apply_mail_retention(*store, config, local(2026, 1, 15));
    EXPECT_EQ(r.files, 1);
    EXPECT_FALSE(fs::exists(mail_dir / "20241101T090000-aaaa.eml"));
    EXPECT_TRUE(fs::exists(mail_dir / "20241215T090000-bbbb.eml"));  // within the period
    EXPECT_TRUE(fs::exists(mail_dir / "notes.txt"));                 // not the transport's
    EXPECT_TRUE(fs::exists(mail_dir / "old.eml"));
}

TEST(MailRetention, a_store_from_before_migration_8_keeps_its_log_and_it_stays_append_only) {
    TempDir dir;
    const auto file = dir / "okod.sqlite";
    create_store_at_schema_version(file, 7);
    raw_text(file,
             "INSERT INTO events(at, municipality, instance_id, workflow, kind, state, from_state, "
             "task, "
             "title, role, person, due, lead_days, note) VALUES (1, 'GM0935', 0, '', "
             "'person_saved', '', "
             "'', '', '', '', 'maastricht-anna', NULL, -1, 'Anna <anna@x.example>')");
    {
        auto store = SqliteStore::open(file);
        EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
        const auto events = store->events_after(0, 10);
        ASSERT_EQ(events.size(), 1u);
        EXPECT_EQ(events[0].note, "Anna <anna@x.example>");
        EXPECT_FALSE(store->person_erased_at("maastricht-anna"));
    }
    EXPECT_NE(raw_text(file, "UPDATE events SET note = '' RETURNING note").find("append-only"),
              std::string::npos);
    EXPECT_NE(raw_text(file, "DELETE FROM events RETURNING note").find("append-only"),
              std::string::npos);
    EXPECT_EQ(raw_text(file, "SELECT note FROM events"), "Anna <anna@x.example>\n");
}

}  // namespace
}  // namespace okod::test
