// `okoctl retention` applies [privacy] mail_retention_months on demand: with a 6-month
// setting, a sent e-mail from 8 months ago loses its address, last month's keeps it;
// a bad --at is refused with exit 2 and changes nothing.
#include <gtest/gtest.h>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/runtime.hpp"
#include "support/sample_mail.hpp"
#include "support/test_support.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {
namespace {

Instant local(int y, unsigned m, unsigned d) {
    return at_local(Date{date::year{y}, date::month{m}, date::day{d}}, TimeOfDay{9 * 60});
}

OutboxItem sent(const std::string& key, Instant when) {
    return sample_mail(key, when, OutboxStatus::sent, when);
}

TEST(OkoctlRetention, ClearsTheAddressesOfMailOlderThanTheSetting) {
    TempDir dir;
    copy_demo_config(dir.path());
    const auto config = dir / "okod.toml";
    write_file(config, read_file(config) + "\n[privacy]\nmail_retention_months = 6\n");
    {
        auto loaded = load_config(config);
        ASSERT_TRUE(loaded.config);
        auto opened = open_runtime(std::move(*loaded.config), dir / "state/okod.sqlite");
        ASSERT_TRUE(opened.runtime);
        ASSERT_TRUE(opened.runtime->store->enqueue(sent("old", local(2025, 7, 1))));
        ASSERT_TRUE(opened.runtime->store->enqueue(sent("recent", local(2026, 2, 1))));
    }

    auto r = run_binary("okoctl", {"retention", "--config", config.string(), "--at", "gisteren"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--at 'gisteren' is not an ISO 8601 time"), std::string::npos) << r.err;

    r = run_binary("okoctl",
                   {"retention", "--config", config.string(), "--at", "2026-03-02T09:00:00+01:00"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out,
              "retention ([privacy] mail_retention_months = 6): addresses of 1 e-mails sent before "
              "2025-09-02 cleared, 0 .eml files removed\n");
    auto store = SqliteStore::open(dir / "state/okod.sqlite");
    std::map<std::string, std::string> recipient;
    for (const auto& o : store->outbox_by_status(std::nullopt, 10)) recipient[o.key] = o.recipient;
    EXPECT_EQ(recipient["old"], "");
    EXPECT_EQ(recipient["recent"], "sanne@maastricht.example");
}

}  // namespace
}  // namespace okod::test
