// SqliteStore::open_reader: the read-only connection okod's read threads use beside the
// writer (daemon/run/read_pool.hpp).
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

Municipality maastricht(const std::string& name) {
    Municipality m;
    m.code = "GM0935";
    m.name = name;
    m.school_region = "zuid";
    return m;
}

TEST(ReaderStore, SeesTheLastCommitWhileTheWriterHoldsAnUncommittedChange) {
    test::TempDir dir;
    const auto file = dir.path() / "okod.sqlite";
    auto writer = SqliteStore::open(file);
    writer->upsert_municipality(maastricht("Maastricht"));
    auto reader = SqliteStore::open_reader(file);

    auto tx = writer->begin();
    writer->upsert_municipality(maastricht("Maastricht (nog niet vastgelegd)"));
    EXPECT_EQ(reader->municipality("GM0935")->name, "Maastricht");
    tx->commit();
    EXPECT_EQ(reader->municipality("GM0935")->name, "Maastricht (nog niet vastgelegd)");
}

TEST(ReaderStore, RefusesToWrite) {
    test::TempDir dir;
    const auto file = dir.path() / "okod.sqlite";
    auto writer = SqliteStore::open(file);
    auto reader = SqliteStore::open_reader(file);
    try {
        reader->upsert_municipality(maastricht("Maastricht"));
        FAIL() << "a reader wrote";
    } catch (const SqliteError& e) {
        EXPECT_EQ(e.primary_code(), 8);  // SQLITE_READONLY
    }
    EXPECT_FALSE(writer->municipality("GM0935"));
}

TEST(ReaderStore, NeverMigratesAStoreOfAnotherSchema) {
    test::TempDir dir;
    const auto file = dir.path() / "okod.sqlite";
    {
        SqliteDb db(file.string());
        db.exec("CREATE TABLE t(x); PRAGMA user_version=1;");
    }
    EXPECT_THROW(SqliteStore::open_reader(file), std::runtime_error);
    SqliteDb db(file.string());
    EXPECT_NO_THROW(db.exec("SELECT x FROM t"));
}

}  // namespace
}  // namespace okod
