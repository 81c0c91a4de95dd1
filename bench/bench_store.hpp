#pragma once
// A simulated store made ready to serve: `okod_bench routes` builds two (the decade of
// all municipalities and a small one), each holding the same municipality `code` with
// the same rows, a regisseur token and a calendar feed URL for its regisseur.
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "route_samples.hpp"

namespace okod::bench {

struct BenchStore {
    fs::path dir;      // okod.toml, municipalities/, okod.sqlite
    std::string name;  // "342 x 10"
    int years = 0;
    SampleSubjects subjects;
    fs::path store() const { return dir / "okod.sqlite"; }
    // The moment the simulation stopped (1 January after its last year, local midnight),
    // ISO 8601: the clock okod serves the store at.
    std::string end_moment() const;
};

// `code` and the first n - 1 other places of the real list (all 342: every one).
std::vector<Place> places_including(const std::string& code, int n);

// The store of `places` x `years` in `dir`, simulated there now, or the one simulated
// there before with the same places and years (dir/bench-store.txt says which).
BenchStore prepare_store(const fs::path& dir, const std::vector<Place>& places, int years,
                         const std::string& code);

// What a municipality's rows are, counted: equal in two stores when the municipality's
// data is. "instances 27, tasks 162, events 1005, outbox 538".
std::string rows_of(const fs::path& store, const std::string& code);

// A config for serving `store` (okod.toml plus the API on 127.0.0.1:port, generous
// timeouts for a loaded okod, e-mail written as files beside the store), written to
// `file`. The municipality files are `dir`'s.
void write_serve_config(const BenchStore& s, const fs::path& store, int port, const fs::path& file);

// Forgets the accelerated clock okod keeps in `store` (RunClock), so the next
// `okod run --clock T` starts at T rather than resuming the last run's timeline. A write
// while okod is down: its next start runs the integrity check (not one to time).
void forget_clock(const fs::path& store);

// One value from `store` (the first column of the first row), for the bench's own
// questions, read-only; throws on an SQL error or no row.
std::int64_t query_int(const fs::path& store, const std::string& sql);
std::string query_text(const fs::path& store, const std::string& sql);
// A write to `store` (while okod is down: its next start then runs the integrity check).
void execute(const fs::path& store, const std::string& sql);

}  // namespace okod::bench
