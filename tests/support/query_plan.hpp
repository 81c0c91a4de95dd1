#pragma once
// What SQLite will do for a query on a store file: the lines of EXPLAIN QUERY PLAN
// ("SEARCH events USING INDEX events_municipality (municipality=? AND seq>?)"), and which
// of them read a whole table. For tests that hold a read to the rows it asks about.
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace okod::test {

// Throws std::runtime_error with SQLite's message when `sql` does not prepare.
std::vector<std::string> query_plan(const std::filesystem::path& db, const std::string& sql);

// The plan's lines that read all of one of `tables`: "SCAN outbox", also through an
// index ("SCAN tasks USING INDEX tasks_status_due"), which visits every row as well.
std::vector<std::string> full_scans(const std::vector<std::string>& plan,
                                    std::initializer_list<std::string_view> tables);

}  // namespace okod::test
