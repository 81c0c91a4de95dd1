#pragma once
// What the benchmark modes share: test data as config trees, peak RSS, and the raw
// SQLite baseline ("the limit") that engine runs are measured against.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace okod::bench {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p);
void write_file(const fs::path& p, const std::string& text);

struct Place {
    std::string code, name, province;
};

// The first n real Dutch municipalities (bench/data/municipalities-2023.csv, CBS codes).
std::vector<Place> real_places(int n);

// A config tree in `dir`: okod.toml (store at dir/okod.sqlite) and one municipality
// file per place, each a copy of the demo Maastricht (every shipped workflow, people in
// every role, budget lines, the Scanner's recommendations) plus the subsidy
// accountability, under its own code and name.
void write_config(const fs::path& dir, const std::vector<Place>& places);

// okod.toml's text for `store` and the municipality files in `municipalities_dir`
// (relative to the file's own directory, or absolute), with the shipped definitions and
// school holidays: [store], [definitions], [calendar], [municipalities].
std::string config_text(const fs::path& store, const fs::path& municipalities_dir);

// Where a mode works: a fresh temp dir named after `mode` and this process, or `keep`
// (--keep DIR) if it is new or empty. A non-empty --keep dir is refused (nullopt, and
// says why): the mode would overwrite what is there.
std::optional<fs::path> work_dir(const std::string& mode, const std::string& keep);

// Peak resident set size of this process so far, in KiB.
long peak_rss_kib();

// The limit: `rows` rows of about the size of okod's (an event line, a task, an outbox
// item: ~200 bytes) in `transactions` transactions through the plain C API, with the
// store's pragmas (WAL, synchronous=FULL, a 16 MiB page cache). Returns wall seconds.
double raw_sqlite_seconds(const fs::path& file, std::int64_t rows, std::int64_t transactions);

// "--name value" pairs after the mode; returns false (and prints why) on an unknown
// name or a missing value.
struct Option {
    const char* name;
    std::string* value;
};
bool parse_options(const std::vector<std::string>& args, const std::vector<Option>& options);

// The value at percentile p in [0, 100] (nearest rank) of `sorted`; 0 when it is empty.
double percentile(const std::vector<double>& sorted, double p);

// A number > 0 written as nothing else (a whole one for positive_int), or nullopt.
std::optional<double> positive_number(const std::string& text);
std::optional<int> positive_int(const std::string& text);

}  // namespace okod::bench
