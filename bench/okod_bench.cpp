// okod's benchmark driver. Measures, never asserts: results go to BENCHMARKS.md.
//
//   okod_bench decade [--municipalities N] [--years Y] [--keep DIR]
//
// decade: the real Dutch municipalities (bench/data/municipalities-2023.csv; the first
// N, all 342 by default), each running every shipped workflow, simulated for Y years
// (10) on the virtual clock through the real engine and the real SQLite store on disk
// (WAL, synchronous=FULL as in production), every task completed at its deadline.
// Then, in the same run, the limit: raw SQLite through the plain C API writing the
// same number of rows in the same number of transactions with the same pragmas.
// Prints wall time, engine steps/s, rows written, peak RSS and the ratio engine/raw.
#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/survey/csv_reader.hpp"
#include "daemon/runtime.hpp"
#include "engine/simulator.hpp"
#include "time/amsterdam.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

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

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

// The school-holiday region of a province (the ministry splits some provinces; close
// enough for load).
std::string region_of(const std::string& province) {
    if (province == "Zeeland" || province == "Noord-Brabant" || province == "Limburg") return "zuid";
    if (province == "Utrecht" || province == "Zuid-Holland" || province == "Gelderland") return "midden";
    return "noord";
}

struct Place {
    std::string code, name, province;
};

std::vector<Place> places(const fs::path& csv, int n) {
    const auto content = okod::read_csv(read_file(csv));
    std::vector<Place> out;
    for (std::size_t i = 1; i < content.records.size() && static_cast<int>(out.size()) < n; ++i) {
        const auto& f = content.records[i].fields;
        if (f.size() >= 3) out.push_back({f[0], f[1], f[2]});
    }
    return out;
}

// A config tree with one municipality file per place, each a copy of the demo
// Maastricht (every shipped workflow, people in every role, budget lines, the Scanner's
// recommendations) plus the subsidy accountability, under its own code and name.
void write_config(const fs::path& dir, const std::vector<Place>& ps) {
    const fs::path src = OKOD_SOURCE_DIR;
    fs::create_directories(dir / "municipalities");
    write_file(dir / "okod.toml", fmt::format(R"([store]
path = "{}"
[definitions]
dir = "{}"
[calendar]
school_holidays = "{}"
[municipalities]
dir = "municipalities"
)",
                                              (dir / "okod.sqlite").string(), (src / "workflows/definitions").string(),
                                              (src / "config/calendars/school-holidays.json").string()));
    const std::string templ = read_file(src / "config/municipalities/GM0935-maastricht.toml");
    for (const auto& p : ps) {
        std::string t = templ;
        replace_all(t, "code = \"GM0935\"", "code = \"" + p.code + "\"");
        std::string name = p.name;
        replace_all(name, "\"", "\\\"");
        replace_all(t, "name = \"Maastricht\"", "name = \"" + name + "\"");
        replace_all(t, "school_region = \"zuid\"", "school_region = \"" + region_of(p.province) + "\"");
        replace_all(t, "id = \"maastricht-", "id = \"" + p.code + "-");
        replace_all(t, "    \"budget-decision\",", "    \"budget-decision\",\n    \"subsidy-accountability\",");
        replace_all(t, "policy_start = 2023-01-01",
                    "policy_start = 2023-01-01\nsubsidy_period_end = 2025-12-31\nsubsidy_accountability_due = 2026-04-01");
        write_file(dir / "municipalities" / (p.code + ".toml"), t);
    }
}

long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(fmt::format("{}: {}", what, sqlite3_errmsg(db)));
}

// The limit: `rows` rows of about the size of okod's (an event line, a task, an
// outbox item: ~200 bytes) in `transactions` transactions, WAL + synchronous=FULL.
double raw_sqlite_seconds(const fs::path& file, std::int64_t rows, std::int64_t transactions) {
    sqlite3* db = nullptr;
    check(sqlite3_open(file.c_str(), &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                           "CREATE TABLE r (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v TEXT NOT NULL);",
                       nullptr, nullptr, nullptr),
          db, "schema");
    sqlite3_stmt* insert = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO r (k, v) VALUES (?1, ?2)", -1, &insert, nullptr), db, "prepare");
    const std::string value(180, 'x');
    const auto started = Clock::now();
    std::int64_t written = 0;
    for (std::int64_t t = 0; t < transactions; ++t) {
        check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
        const std::int64_t until = rows * (t + 1) / transactions;
        for (; written < until; ++written) {
            const std::string key = fmt::format("GM{:04}/{}", written % 342, written);
            sqlite3_bind_text(insert, 1, key.c_str(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
            sqlite3_bind_text(insert, 2, value.c_str(), static_cast<int>(value.size()), SQLITE_STATIC);
            check(sqlite3_step(insert), db, "insert");
            sqlite3_reset(insert);
        }
        check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return seconds;
}

int decade(int municipalities, int years, const std::string& keep) {
    const fs::path dir = keep.empty() ? fs::temp_directory_path() / fmt::format("okod-bench-{}", ::getpid()) : fs::path(keep);
    fs::remove_all(dir);
    const auto ps = places(fs::path(OKOD_SOURCE_DIR) / "bench/data/municipalities-2023.csv", municipalities);
    write_config(dir, ps);

    auto loaded = okod::load_config(dir / "okod.toml");
    if (!loaded.config) {
        for (const auto& e : loaded.errors) fmt::print(stderr, "{}\n", e.to_string());
        return 1;
    }
    const auto setup_started = Clock::now();
    auto opened = okod::open_runtime(std::move(*loaded.config), dir / "okod.sqlite");
    if (!opened.runtime) {
        for (const auto& e : opened.errors) fmt::print(stderr, "{}\n", e.to_string());
        return 1;
    }
    auto& rt = *opened.runtime;
    const double setup_seconds = std::chrono::duration<double>(Clock::now() - setup_started).count();
    auto* sqlite = dynamic_cast<okod::SqliteStore*>(rt.store.get());
    const std::int64_t rows_before = sqlite->rows_changed();

    okod::SimulationOptions options;
    options.from = okod::at_local(okod::Date{date::year{2022} / 1 / 1}, okod::TimeOfDay{0});
    options.to = okod::at_local(okod::Date{date::year{2022 + years} / 1 / 1}, okod::TimeOfDay{0});
    options.complete_on_time = true;
    okod::VirtualClock clock(options.from);
    okod::Engine engine(*rt.store, rt.definitions, rt.calendar, clock, rt.config.engine);
    const auto started = Clock::now();
    const auto summary = okod::run_simulation(engine, *rt.store, clock, rt.config.municipalities, options, {});
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const std::int64_t rows = sqlite->rows_changed() - rows_before;
    const long rss = peak_rss_kib();

    const double raw = raw_sqlite_seconds(dir / "raw.sqlite", rows, summary.steps);
    fmt::print("decade: {} municipalities x {} years, every shipped workflow, tasks done on time\n", ps.size(), years);
    fmt::print("  setup (config into the store)  {:8.2f} s\n", setup_seconds);
    fmt::print("  engine wall time               {:8.2f} s\n", seconds);
    fmt::print("  engine steps (transactions)    {:8}   ({:.0f} steps/s)\n", summary.steps, static_cast<double>(summary.steps) / seconds);
    fmt::print("  events logged                  {:8}\n", summary.events);
    fmt::print("  rows written                   {:8}   ({:.0f} rows/s)\n", rows, static_cast<double>(rows) / seconds);
    fmt::print("  peak RSS                       {:8.1f} MiB\n", static_cast<double>(rss) / 1024.0);
    fmt::print("  raw SQLite, same rows and transactions: {:.2f} s\n", raw);
    fmt::print("  ratio engine/raw               {:8.2f}\n", seconds / raw);
    if (summary.hit_step_limit) fmt::print("  (stopped at the step limit)\n");
    if (keep.empty()) fs::remove_all(dir);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    spdlog::set_level(spdlog::level::warn);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] != "decade") {
        fmt::print(stderr, "usage: okod_bench decade [--municipalities N] [--years Y] [--keep DIR]\n");
        return 2;
    }
    int municipalities = 342, years = 10;
    std::string keep;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == "--municipalities") municipalities = std::atoi(args[i + 1].c_str());
        else if (args[i] == "--years") years = std::atoi(args[i + 1].c_str());
        else if (args[i] == "--keep") keep = args[i + 1];
        else {
            fmt::print(stderr, "okod_bench: unknown option {}\n", args[i]);
            return 2;
        }
    }
    if (municipalities < 1 || years < 1) {
        fmt::print(stderr, "okod_bench: --municipalities and --years must be positive\n");
        return 2;
    }
    try {
        return decade(municipalities, years, keep);
    } catch (const std::exception& e) {
        fmt::print(stderr, "okod_bench: {}\n", e.what());
        return 1;
    }
}
