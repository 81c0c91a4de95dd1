// routes: what a read costs on a big store against a small one (issue 18). Two stores
// simulated through the real engine (bench/simulated_store.hpp): the decade of all
// municipalities (--municipalities 342, --years 10) and a small one (--small 3) holding
// the same GM0935 with the same rows (checked). Then, each side by side in one run:
//
//   1. The real okod serves both at once, on a clock all but stopped at the simulation's
//      end (nothing falls due while it is measured); every GET operation of the API's
//      registry (bench/route_samples.cpp) is loaded for --seconds with each number of
//      --clients (closed loop, keep-alive), first on the small store, then on the big.
//   2. READY=1: okod started --ready-runs times on each store, alternating.
//   3. Timer lateness on a copy of the big store, on a clock fast enough that timers fall
//      due throughout --lateness-seconds: once idle, once while the largest client count
//      loops on the heaviest routes (annual report, instance history, outbox list).
//
// Markdown on stdout (BENCHMARKS.md, "Reads on a big store"); progress on stderr.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <future>
#include <memory>
#include <sstream>
#include <thread>

#include "bench_store.hpp"
#include "bench_support.hpp"
#include "http_load.hpp"
#include "modes.hpp"
#include "route_samples.hpp"
#include "served_okod.hpp"
#include "support/child_process.hpp"
#include "time/amsterdam.hpp"
#include "timer_lateness.hpp"

namespace okod::bench {
namespace {

constexpr const char* kMunicipality = "GM0935";
// Virtual seconds per real second while routes are measured: 10 minutes of measuring
// move the clock 0.6 s past the simulation's end.
constexpr const char* kStillClock = "0.001";
// Each route's --seconds are split into this many turns on each store, alternating.
constexpr int kTurns = 4;

struct Settings {
    int municipalities = 342;
    int small = 3;
    int years = 10;
    std::vector<int> clients{1, 32};
    double seconds = 2;
    double lateness_seconds = 20;
    int ready_runs = 5;
    std::string keep;
};

std::optional<std::vector<int>> client_counts(const std::string& text) {
    std::vector<int> out;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, ',');) {
        const auto n = positive_int(part);
        if (!n || *n > 60) return std::nullopt;  // okod serves 64 connections at most
        out.push_back(*n);
    }
    if (out.empty()) return std::nullopt;
    return out;
}

std::optional<Settings> parse(const std::vector<std::string>& args) {
    std::string municipalities = "342", small = "3", years = "10", clients = "1,32", seconds = "2",
                lateness = "20", ready = "5";
    Settings s;
    if (!parse_options(args, {{"--municipalities", &municipalities},
                              {"--small", &small},
                              {"--years", &years},
                              {"--clients", &clients},
                              {"--seconds", &seconds},
                              {"--lateness-seconds", &lateness},
                              {"--ready-runs", &ready},
                              {"--keep", &s.keep}}))
        return std::nullopt;
    const auto m = positive_int(municipalities), sm = positive_int(small), y = positive_int(years),
               r = positive_int(ready);
    const auto c = client_counts(clients);
    const auto sec = positive_number(seconds), lat = positive_number(lateness);
    if (!m || !sm || !y || !r || !c || !sec || !lat) {
        fmt::print(stderr,
                   "okod_bench routes: --municipalities, --small, --years and --ready-runs take "
                   "whole numbers > 0, --clients a list like 1,32 (at most 60 each), --seconds "
                   "and --lateness-seconds numbers > 0\n");
        return std::nullopt;
    }
    s.municipalities = *m;
    s.small = *sm;
    s.years = *y;
    s.clients = *c;
    s.seconds = *sec;
    s.lateness_seconds = *lat;
    s.ready_runs = *r;
    return s;
}

std::int64_t unix_seconds(const std::string& iso) {
    return parse_instant(iso).value().time_since_epoch().count();
}

// okod serving `store` (a BenchStore's own, or a copy) on a fresh loopback port.
struct Served {
    int port = 0;
    std::unique_ptr<ServedOkod> okod;
};

Served serve(const BenchStore& s, const fs::path& store, const std::string& clock,
             const std::string& speed, const std::string& level, const std::string& log_name) {
    Served out;
    out.port = test::free_loopback_port();
    const fs::path config = store.parent_path() / "serve.toml";
    write_serve_config(s, store, out.port, config);
    out.okod = std::make_unique<ServedOkod>(
        OkodRun{config, clock, speed, level, store.parent_path() / log_name});
    return out;
}

// Until okod has nothing due at the clock's start and no e-mail waiting (at most 120 s).
void settle(const fs::path& store, std::int64_t now) {
    const std::string busy = fmt::format(
        "SELECT (SELECT count(*) FROM timers WHERE due_at <= {}) + (SELECT count(*) FROM outbox "
        "WHERE status = 'pending')",
        now);
    if (!test::wait_until([&] { return query_int(store, busy) == 0; }, std::chrono::seconds{120}))
        fmt::print(stderr, "note: okod had not caught up after 120 s ({} timers and mails)\n",
                   query_int(store, busy));
}

void warm_up(const Served& served, const std::vector<RouteSample>& samples,
             const std::string& name) {
    for (const auto& sample : samples) {
        const auto answer = get_once(served.port, sample.request);
        if (answer.status < 200 || answer.status > 299)
            throw std::runtime_error(fmt::format("{}: {} answered {}: {}", name, sample.label,
                                                 answer.status, answer.body.substr(0, 300)));
    }
}

std::string ms(double v) { return v < 10 ? fmt::format("{:.2f}", v) : fmt::format("{:.0f}", v); }

std::string result_cells(const LoadResult& r) {
    return fmt::format("{} | {} | {:.0f}{}", ms(r.percentile_ms(50)), ms(r.percentile_ms(99)),
                       r.per_second(),
                       r.failures ? fmt::format(" ({} failed)", r.failures) : std::string());
}

struct RouteRow {
    std::string label;
    int clients = 0;
    LoadResult small, big;
    double ratio() const {
        const double s = small.percentile_ms(99);
        return s > 0 ? big.percentile_ms(99) / s : 0;
    }
};

std::vector<RouteRow> measure_routes(const Settings& set, const Served& small,
                                     const std::vector<RouteSample>& small_samples,
                                     const Served& big,
                                     const std::vector<RouteSample>& big_samples) {
    std::vector<RouteRow> rows;
    for (std::size_t i = 0; i < small_samples.size(); ++i) {
        for (const int clients : set.clients) {
            RouteRow row{small_samples[i].label, clients, {}, {}};
            fmt::print(stderr, "  {} x {} ...", row.label, clients);
            // In turns, so that what else the machine does falls on both alike; a store
            // whose requests ran over (a slow route) has had its time and sits out.
            const double slice = set.seconds / kTurns;
            for (int turn = 0; turn < kTurns; ++turn) {
                if (row.small.seconds < set.seconds)
                    row.small.add(run_load(small.port, {small_samples[i].request}, clients, slice));
                if (row.big.seconds < set.seconds)
                    row.big.add(run_load(big.port, {big_samples[i].request}, clients, slice));
            }
            fmt::print(stderr, " p99 {} / {} ms\n", ms(row.small.percentile_ms(99)),
                       ms(row.big.percentile_ms(99)));
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

void print_routes(const std::vector<RouteRow>& rows, const BenchStore& small,
                  const BenchStore& big) {
    fmt::print(
        "\n### Every GET route of the registry, latency in ms\n\n"
        "| route | clients | {0} p50 | p99 | req/s | {1} p50 | p99 | req/s | p99 {1} / {0} |\n"
        "|---|---|---|---|---|---|---|---|---|\n",
        small.name, big.name);
    int within = 0;
    const RouteRow* worst = nullptr;
    for (const auto& r : rows) {
        fmt::print("| `{}` | {} | {} | {} | {:.1f} |\n", r.label, r.clients, result_cells(r.small),
                   result_cells(r.big), r.ratio());
        if (r.ratio() <= 2) ++within;
        if (!worst || r.ratio() > worst->ratio()) worst = &r;
    }
    // On a busy machine a sub-millisecond route's p99 is a scheduling hiccup: a row whose
    // p50 grew as much shows a cost, not noise.
    std::vector<std::string> costs;
    for (const auto& r : rows)
        if (r.ratio() > 2 && r.big.percentile_ms(50) > 2 * r.small.percentile_ms(50))
            costs.push_back(fmt::format("`{}` x {}", r.label, r.clients));
    fmt::print("\nOver 2x at p50 as well: {}.\n",
               costs.empty() ? std::string("none") : fmt::format("{}", fmt::join(costs, ", ")));
    if (worst)
        fmt::print(
            "\nTarget p99 {} within 2x of {}: {} of {} rows (worst: `{}` at {} clients, "
            "{:.1f}x).\n",
            big.name, small.name, within, rows.size(), worst->label, worst->clients,
            worst->ratio());
}

struct ReadyTimes {
    std::vector<double> small, big;
};

ReadyTimes measure_ready(const Settings& set, const BenchStore& small, const BenchStore& big) {
    ReadyTimes out;
    for (int run = 0; run < set.ready_runs; ++run) {
        for (const BenchStore* s : {&small, &big}) {
            auto served =
                serve(*s, s->store(), s->end_moment(), kStillClock, "info", "okod-ready.log");
            (s == &small ? out.small : out.big).push_back(served.okod->ready_seconds());
            served.okod->stop();
        }
    }
    std::sort(out.small.begin(), out.small.end());
    std::sort(out.big.begin(), out.big.end());
    return out;
}

void print_ready(const ReadyTimes& t, const BenchStore& small, const BenchStore& big) {
    const auto line = [](const std::string& name, const std::vector<double>& v) {
        fmt::print("| {} | {:.0f} | {:.0f} | {:.0f} |\n", name, percentile(v, 50) * 1000,
                   v.front() * 1000, v.back() * 1000);
    };
    fmt::print(
        "\n### Start to READY=1, ms ({} runs each, alternating)\n\n"
        "| store | median | fastest | slowest |\n|---|---|---|---|\n",
        t.small.size());
    line(small.name, t.small);
    line(big.name, t.big);
    fmt::print("\nTarget READY=1 on {} within 2x of {}: {:.1f}x.\n", big.name, small.name,
               percentile(t.big, 50) / percentile(t.small, 50));
}

// The timers lateness is measured on: the first burst after the simulation's end that
// okod does not plan afresh at start (a reminder, a deadline: not a first start), one
// timer per municipality due at the same second, as every municipality is a copy of
// Maastricht. On a copy of the store they are spread kSpread virtual seconds apart, and
// the clock runs so fast that they fall due within `seconds` of real time: one every
// few tens of milliseconds, as timers of municipalities that differ would.
constexpr std::int64_t kSpread = 60;

struct LatenessWindow {
    std::int64_t end = 0;              // the simulation's end, unix seconds
    std::int64_t first = 0, last = 0;  // the spread due times, unix seconds
    std::int64_t timers = 0;
    double speed = 1;
};

LatenessWindow lateness_window(const BenchStore& big, double seconds) {
    LatenessWindow w;
    w.end = unix_seconds(big.end_moment());
    w.first = query_int(big.store(), fmt::format("SELECT min(due_at) FROM timers WHERE due_at > "
                                                 "{} AND kind <> 'start_instance'",
                                                 w.end));
    w.timers = query_int(big.store(),
                         fmt::format("SELECT count(*) FROM timers WHERE due_at = {}", w.first));
    w.last = w.first + (w.timers - 1) * kSpread;
    w.speed = std::max(1.0, static_cast<double>(w.last - w.first) / seconds);
    return w;
}

struct LatenessRun {
    std::vector<double> late_ms;
    std::int64_t counted_from = 0;  // unix seconds: timers due from here on are counted
    LoadResult load;                // empty without load
};

using SystemClock = std::chrono::system_clock;

// A copy of the big store in big/../lateness-NAME with the window's timers spread,
// served once (on the still clock) so that okod's integrity check of the new file is
// done before the run that counts. Returns the copy's READY=1 seconds.
double prepare_copy(const BenchStore& big, const LatenessWindow& w, const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* suffix : {"", "-wal"}) {
        const fs::path from = big.store().string() + suffix;
        if (fs::exists(from)) fs::copy_file(from, dir / ("okod.sqlite" + std::string(suffix)));
    }
    const fs::path store = dir / "okod.sqlite";
    // Ranked first, then moved: a subquery counting the rows still at `first` would see
    // the rows already moved.
    execute(store, fmt::format("UPDATE timers SET due_at = {0} + {1} * s.n FROM (SELECT id, "
                               "row_number() OVER (ORDER BY id) - 1 AS n FROM timers WHERE "
                               "due_at = {0}) AS s WHERE timers.id = s.id",
                               w.first, kSpread));
    auto warm = serve(big, store, big.end_moment(), kStillClock, "info", "okod-warm.log");
    const double ready = warm.okod->ready_seconds();
    warm.okod->stop();
    return ready;
}

// With `keep` the copy and okod's log stay for a look (the next run replaces them).
LatenessRun measure_lateness(const BenchStore& big, const LatenessWindow& w, int clients,
                             const std::vector<GetRequest>& heavy, const std::string& name,
                             bool keep) {
    const fs::path dir = big.dir.parent_path() / ("lateness-" + name);
    const double ready = prepare_copy(big, w, dir);
    const fs::path store = dir / "okod.sqlite";
    // Twice the last start's time to READY=1 before the first is due; never before the
    // simulation's end (its history is not to be replayed).
    const double lead = 1 + 2 * ready;
    const std::int64_t start = std::max(w.end, w.first - static_cast<std::int64_t>(lead * w.speed));
    auto served = serve(big, store, format_iso_local(Instant{std::chrono::seconds{start}}),
                        fmt::format("{:.3f}", w.speed), "debug", "okod.log");
    const auto ready_at = SystemClock::now();
    // Where okod anchored its clock ("<virtual start> <speed> <real anchor, unix µs>",
    // RunClock): the timers counted are those due from half a second after READY=1 on.
    std::istringstream kept(
        query_text(store, "SELECT value FROM meta WHERE key = 'accelerated_clock'"));
    std::int64_t vstart = 0, anchor_us = 0;
    double speed = 0;
    kept >> vstart >> speed >> anchor_us;
    const SystemClock::time_point anchor{std::chrono::microseconds{anchor_us}};
    const double after_ready =
        std::chrono::duration<double>(ready_at + std::chrono::milliseconds{500} - anchor).count();
    LatenessRun out;
    out.counted_from =
        std::max(w.first, vstart + static_cast<std::int64_t>(std::ceil(after_ready * speed)));
    // Until the last timer counted is due, and a second more for its step.
    const auto last_due =
        anchor + std::chrono::duration_cast<SystemClock::duration>(
                     std::chrono::duration<double>(static_cast<double>(w.last - vstart) / speed));
    const double run_for = std::chrono::duration<double>(last_due - SystemClock::now()).count() + 1;
    // The copy has the big store's ids and tokens: its requests serve.
    if (clients > 0)
        out.load = run_load(served.port, heavy, clients, std::max(run_for, 0.1));
    else
        std::this_thread::sleep_for(std::chrono::duration<double>(std::max(run_for, 0.0)));
    served.okod->stop();
    out.late_ms =
        timer_lateness_ms(dir / "okod.log", Instant{std::chrono::seconds{out.counted_from}},
                          Instant{std::chrono::seconds{w.last}});
    if (!keep) fs::remove_all(dir);
    return out;
}

void print_lateness(const LatenessWindow& w, const LatenessRun& idle, const LatenessRun& loaded,
                    int clients, const BenchStore& big) {
    fmt::print(
        "\n### Timer lateness on {}, ms\n\n"
        "The {} timers due at {} spread {} virtual seconds apart on a copy of the store, "
        "the clock at {:.0f} x real time: one falls due every {:.0f} ms. Counted: the "
        "steps due from half a second after READY=1 on.\n\n"
        "| load | steps counted | p50 | p99 | max | heavy requests answered |\n"
        "|---|---|---|---|---|---|\n",
        big.name, w.timers, format_iso_local(Instant{std::chrono::seconds{w.first}}), kSpread,
        w.speed, 1000.0 * static_cast<double>(kSpread) / w.speed);
    const auto line = [](const std::string& what, const LatenessRun& r) {
        fmt::print("| {} | {} | {} | {} | {} | {} |\n", what, r.late_ms.size(),
                   ms(percentile(r.late_ms, 50)), ms(percentile(r.late_ms, 99)),
                   ms(r.late_ms.empty() ? 0 : r.late_ms.back()),
                   r.load.latencies_ms.empty()
                       ? std::string("-")
                       : fmt::format("{} (p50 {} ms, p99 {} ms)", r.load.latencies_ms.size(),
                                     ms(r.load.percentile_ms(50)), ms(r.load.percentile_ms(99))));
    };
    line("none", idle);
    line(fmt::format("{} clients on annual report, instance history, outbox", clients), loaded);
    fmt::print("\nTarget lateness p99 under 10 ms during the load: {} ms.\n",
               ms(percentile(loaded.late_ms, 99)));
}

std::string machine() {
    utsname u{};
    uname(&u);
    std::string cpu;
    std::ifstream info("/proc/cpuinfo");
    for (std::string line; std::getline(info, line);)
        if (line.rfind("model name", 0) == 0) {
            cpu = line.substr(line.find(':') + 2);
            break;
        }
    double load = 0;
    std::ifstream("/proc/loadavg") >> load;
    return fmt::format("{}, {} cores, {} {}; load average {:.1f} at the start", cpu,
                       std::thread::hardware_concurrency(), u.sysname, u.release, load);
}

int run(const Settings& set) {
    const bool temporary = set.keep.empty();
    const fs::path dir =
        temporary ? fs::temp_directory_path() / fmt::format("okod-bench-routes-{}", ::getpid())
                  : fs::path(set.keep);
    fs::create_directories(dir);
    const std::string started_on = machine();
    const BenchStore small = prepare_store(
        dir / "small", places_including(kMunicipality, set.small), set.years, kMunicipality);
    const BenchStore big = prepare_store(
        dir / "big", places_including(kMunicipality, set.municipalities), set.years, kMunicipality);
    const std::string small_rows = rows_of(small.store(), kMunicipality);
    const std::string big_rows = rows_of(big.store(), kMunicipality);
    if (small_rows != big_rows)
        throw std::runtime_error(fmt::format("{} differs between the stores: {} against {}",
                                             kMunicipality, small_rows, big_rows));
    const auto small_samples = route_samples(small.subjects);
    const auto big_samples = route_samples(big.subjects);

    fmt::print(stderr, "serving both stores ...\n");
    forget_clock(small.store());
    forget_clock(big.store());
    Served small_served =
        serve(small, small.store(), small.end_moment(), kStillClock, "info", "okod.log");
    Served big_served = serve(big, big.store(), big.end_moment(), kStillClock, "info", "okod.log");
    const std::int64_t end = unix_seconds(big.end_moment());
    settle(small.store(), end);
    settle(big.store(), end);
    warm_up(small_served, small_samples, small.name);
    warm_up(big_served, big_samples, big.name);
    const std::string count_events = "SELECT count(*) FROM events";
    const std::int64_t events_before =
        query_int(small.store(), count_events) + query_int(big.store(), count_events);
    const auto rows = measure_routes(set, small_served, small_samples, big_served, big_samples);
    const std::int64_t events_written = query_int(small.store(), count_events) +
                                        query_int(big.store(), count_events) - events_before;
    // Read while okod serves: afterwards the stores stay as a clean stop leaves them, so
    // the READY=1 runs below skip the integrity check, as a restart does.
    const auto window = lateness_window(big, set.lateness_seconds);
    small_served.okod->stop();
    big_served.okod->stop();

    fmt::print(stderr, "READY=1, {} runs each ...\n", set.ready_runs);
    const auto ready = measure_ready(set, small, big);

    const int clients = *std::max_element(set.clients.begin(), set.clients.end());
    fmt::print(stderr, "timer lateness: idle, then {} clients ...\n", clients);
    const auto heavy = heaviest_requests(big_samples);
    const auto idle = measure_lateness(big, window, 0, heavy, "idle", !temporary);
    const auto loaded = measure_lateness(big, window, clients, heavy, "loaded", !temporary);

    fmt::print("## okod_bench routes: {} against {}\n\n", big.name, small.name);
    fmt::print(
        "Machine: {}. {} in both stores: {}. Each route loaded {} s per client count, "
        "closed loop, keep-alive. Events written while measuring: {}.\n",
        started_on, kMunicipality, small_rows, set.seconds, events_written);
    print_routes(rows, small, big);
    print_ready(ready, small, big);
    print_lateness(window, idle, loaded, clients, big);
    if (temporary) fs::remove_all(dir);
    return 0;
}

}  // namespace

int routes(const std::vector<std::string>& args) {
    const auto settings = parse(args);
    if (!settings) return 2;
    return run(*settings);
}

}  // namespace okod::bench
