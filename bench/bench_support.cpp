#include "bench_support.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "adapters/survey/csv_reader.hpp"

namespace okod::bench {
namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

// The school-holiday region of a province (the ministry splits some provinces; close
// enough for load).
std::string region_of(const std::string& province) {
    if (province == "Zeeland" || province == "Noord-Brabant" || province == "Limburg")
        return "zuid";
    if (province == "Utrecht" || province == "Zuid-Holland" || province == "Gelderland")
        return "midden";
    return "noord";
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(fmt::format("{}: {}", what, sqlite3_errmsg(db)));
}

}  // namespace

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + p.string());
}

std::vector<Place> real_places(int n) {
    const auto content =
        read_csv(read_file(fs::path(OKOD_SOURCE_DIR) / "bench/data/municipalities-2023.csv"));
    std::vector<Place> out;
    for (std::size_t i = 1; i < content.records.size() && static_cast<int>(out.size()) < n; ++i) {
        const auto& f = content.records[i].fields;
        if (f.size() >= 3) out.push_back({f[0], f[1], f[2]});
    }
    return out;
}

std::string config_text(const fs::path& store, const fs::path& municipalities_dir) {
    const fs::path src = OKOD_SOURCE_DIR;
    return fmt::format(R"([store]
path = "{}"
[definitions]
dir = "{}"
[calendar]
school_holidays = "{}"
[municipalities]
dir = "{}"
)",
                       store.string(), (src / "workflows/definitions").string(),
                       (src / "config/calendars/school-holidays.json").string(),
                       municipalities_dir.string());
}

void write_config(const fs::path& dir, const std::vector<Place>& places) {
    const fs::path src = OKOD_SOURCE_DIR;
    fs::create_directories(dir / "municipalities");
    write_file(dir / "okod.toml", config_text(dir / "okod.sqlite", "municipalities"));
    const std::string templ = read_file(src / "config/municipalities/GM0935-maastricht.toml");
    for (const auto& p : places) {
        std::string t = templ;
        replace_all(t, "code = \"GM0935\"", "code = \"" + p.code + "\"");
        std::string name = p.name;
        replace_all(name, "\"", "\\\"");
        replace_all(t, "name = \"Maastricht\"", "name = \"" + name + "\"");
        replace_all(t, "school_region = \"zuid\"",
                    "school_region = \"" + region_of(p.province) + "\"");
        replace_all(t, "id = \"maastricht-", "id = \"" + p.code + "-");
        replace_all(t, "    \"budget-decision\",",
                    "    \"budget-decision\",\n    \"subsidy-accountability\",");
        replace_all(t, "policy_start = 2023-01-01",
                    "policy_start = 2023-01-01\nsubsidy_period_end = "
                    "2025-12-31\nsubsidy_accountability_due = 2026-04-01");
        write_file(dir / "municipalities" / (p.code + ".toml"), t);
    }
}

std::optional<fs::path> work_dir(const std::string& mode, const std::string& keep) {
    if (keep.empty()) {
        const fs::path dir =
            fs::temp_directory_path() / fmt::format("okod-bench-{}-{}", mode, ::getpid());
        fs::remove_all(dir);
        return dir;
    }
    std::error_code ec;
    if (fs::exists(keep, ec) && !fs::is_empty(keep, ec)) {
        fmt::print(stderr, "okod_bench {}: --keep {} is not empty; name a new or empty directory\n",
                   mode, keep);
        return std::nullopt;
    }
    return fs::path(keep);
}

long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

double raw_sqlite_seconds(const fs::path& file, std::int64_t rows, std::int64_t transactions) {
    sqlite3* db = nullptr;
    check(sqlite3_open(file.c_str(), &db), db, "open");
    // okod's pragmas (SqliteStore::configure).
    check(
        sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-16384; "
                     "PRAGMA wal_autocheckpoint=10000; PRAGMA temp_store=MEMORY; "
                     "CREATE TABLE r (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v TEXT NOT NULL);",
                     nullptr, nullptr, nullptr),
        db, "schema");
    sqlite3_stmt* insert = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO r (k, v) VALUES (?1, ?2)", -1, &insert, nullptr), db,
          "prepare");
    const std::string value(180, 'x');
    const auto started = std::chrono::steady_clock::now();
    std::int64_t written = 0;
    for (std::int64_t t = 0; t < transactions; ++t) {
        check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
        const std::int64_t until = rows * (t + 1) / transactions;
        for (; written < until; ++written) {
            const std::string key = fmt::format("GM{:04}/{}", written % 342, written);
            sqlite3_bind_text(insert, 1, key.c_str(), static_cast<int>(key.size()),
                              SQLITE_TRANSIENT);
            sqlite3_bind_text(insert, 2, value.c_str(), static_cast<int>(value.size()),
                              SQLITE_STATIC);
            check(sqlite3_step(insert), db, "insert");
            sqlite3_reset(insert);
        }
        check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return seconds;
}

bool parse_options(const std::vector<std::string>& args, const std::vector<Option>& options) {
    for (std::size_t i = 1; i < args.size(); i += 2) {
        const Option* match = nullptr;
        for (const auto& o : options)
            if (args[i] == o.name) match = &o;
        if (!match) {
            fmt::print(stderr, "okod_bench {}: unknown option {}\n", args[0], args[i]);
            return false;
        }
        if (i + 1 >= args.size()) {
            fmt::print(stderr, "okod_bench {}: {} needs a value\n", args[0], args[i]);
            return false;
        }
        *match->value = args[i + 1];
    }
    return true;
}

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto n = sorted.size();
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(n)));
    return sorted[std::clamp<std::size_t>(rank, 1, n) - 1];
}

std::optional<double> positive_number(const std::string& text) {
    try {
        std::size_t used = 0;
        const double n = std::stod(text, &used);
        if (used == text.size() && n > 0) return n;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::optional<int> positive_int(const std::string& text) {
    const auto n = positive_number(text);
    if (!n || *n != std::floor(*n) || *n > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(*n);
}

}  // namespace okod::bench
