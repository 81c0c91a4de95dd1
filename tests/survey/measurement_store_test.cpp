// Survey values in the SQLite store: one per municipality, indicator, population and
// year; saving the same key again replaces the value; read back per municipality in a
// stable order; a rolled-back import leaves nothing.
#include <gtest/gtest.h>

#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {
namespace {

Measurement value(std::string municipality, std::string indicator, std::string population, int year,
                  double v) {
    Measurement m;
    m.municipality = std::move(municipality);
    m.indicator = std::move(indicator);
    m.population = std::move(population);
    m.year = year;
    m.value = v;
    m.source = "/data/survey.csv";
    m.imported_at = Instant{std::chrono::seconds{1700000000}};
    return m;
}

TEST(MeasurementStore, values_come_back_per_municipality_by_indicator_population_and_year) {
    auto store = SqliteStore::open(":memory:");
    store->save_measurement(value("GM0935", "vaping_last_month", "13", 2023, 6.4));
    store->save_measurement(value("GM0935", "alcohol_last_month", "14", 2023, 21.4));
    store->save_measurement(value("GM0935", "alcohol_last_month", "13", 2023, 9.8));
    store->save_measurement(value("GM0935", "alcohol_last_month", "13", 2021, 11.2));
    store->save_measurement(value("GM0014", "alcohol_last_month", "13", 2023, 8));

    const auto got = store->measurements_of_municipality("GM0935");
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0], value("GM0935", "alcohol_last_month", "13", 2021, 11.2));
    EXPECT_EQ(got[1], value("GM0935", "alcohol_last_month", "13", 2023, 9.8));
    EXPECT_EQ(got[2], value("GM0935", "alcohol_last_month", "14", 2023, 21.4));
    EXPECT_EQ(got[3], value("GM0935", "vaping_last_month", "13", 2023, 6.4));
    EXPECT_EQ(store->measurements_of_municipality("GM0014").size(), 1u);
    EXPECT_TRUE(store->measurements_of_municipality("GM0344").empty());
}

TEST(MeasurementStore, saving_the_same_key_replaces_value_source_and_time) {
    auto store = SqliteStore::open(":memory:");
    store->save_measurement(value("GM0935", "alcohol_last_month", "13", 2023, 21.4));
    auto corrected = value("GM0935", "alcohol_last_month", "13", 2023, 22.1);
    corrected.source = "/data/correction.csv";
    corrected.imported_at += std::chrono::hours{24};
    store->save_measurement(corrected);
    EXPECT_EQ(store->measurements_of_municipality("GM0935"), std::vector<Measurement>{corrected});
}

TEST(MeasurementStore, an_import_that_is_not_committed_leaves_nothing) {
    auto store = SqliteStore::open(":memory:");
    {
        auto tx = store->begin();
        store->save_measurement(value("GM0935", "alcohol_last_month", "13", 2023, 21.4));
    }
    EXPECT_TRUE(store->measurements_of_municipality("GM0935").empty());
}

}  // namespace
}  // namespace okod
