// reminders: okod's half of the peer benchmark (bench/peer/, BENCHMARKS.md). The same
// workload as bench/peer/bullmq-reminders.mjs runs on BullMQ with Redis: schedule N
// delayed reminders durably, then fire them all, each fire durably recorded.
//
// The real SQLite store on disk with okod's production pragmas (WAL, synchronous=FULL)
// and, for the fire phase, the real engine:
//
// - schedule: N open tasks of the 342 real municipalities, each with one reminder 14
//   days ahead of its deadline, written as the engine writes a new task (the task row,
//   its task_created event line, its reminder timer) in transactions of --batch (1,000)
//   reminders, as the peer's addBulk of 1,000 jobs; the deadlines spread over a year
//   (--deadlines, see deadline_day). Through the Store port directly: the
//   engine makes tasks only when a workflow enters a state, and its definition logic
//   (due rules, titles) is CPU the peer has no counterpart for.
// - fire: what the daemon's scheduler does (daemon/run/daemon.cpp): next_due(), the
//   clock to that moment (a VirtualClock, so nothing waits, as the peer's jobs are all
//   due when its worker starts), then the steps due. Each step deletes the timer, reads
//   the task, resolves the role to whoever holds it that day and writes the outbox row
//   and the reminder's event line. --group 1: each step its own transaction (step());
//   --group N: the daemon's group commit, up to N steps due at that moment in one
//   transaction (Engine::step_due; the daemon uses 256).
#include <fmt/format.h>

#include <chrono>
#include <optional>

#include "adapters/config/config.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "bench_support.hpp"
#include "daemon/runtime.hpp"
#include "engine/engine.hpp"
#include "engine/reminder_time.hpp"
#include "model/event_kind.hpp"
#include "modes.hpp"
#include "time/amsterdam.hpp"

namespace okod::bench {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::optional<std::int64_t> whole_number(const std::string& text) {
    try {
        std::size_t used = 0;
        const long long n = std::stoll(text, &used);
        if (used == text.size() && n > 0) return n;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// Tasks as the implementation trajectory has them, each addressed to a role that one
// person holds in the demo municipality: one reminder is one outbox row, as in the peer.
struct TaskKind {
    const char* spec_id;
    const char* title_nl;
    const char* title_en;
    const char* role;
};
constexpr TaskKind kTaskKinds[] = {
    {"core-team", "Lokaal kernteam vormen", "Form the local core team", "regisseur"},
    {"ggd-survey", "Afname jeugdmonitor met de GGD afstemmen",
     "Agree the youth survey with the GGD", "ggd-contact"},
    {"schools", "Scholen informeren over de afname", "Inform the schools of the survey",
     "school-contact"},
    {"policy-note", "Beleidsnotitie preventie voorbereiden", "Prepare the prevention policy note",
     "beleidsmedewerker"},
};

constexpr int kLeadDays = 14;
// The bench's clock: everything is scheduled at this moment, the first deadline is
// 60 days later and the deadlines spread over a year, ~400 a working day for 100,000.
const Date kScheduledOn{date::year{2026} / 1 / 5};
constexpr int kFirstDeadlineAfterDays = 60;
constexpr int kDeadlineDays = 365;

// One running instance per municipality for the tasks to belong to (tasks.instance_id
// is a foreign key), written in setup, outside the measurement.
std::vector<InstanceId> make_instances(Store& store,
                                       const std::vector<Municipality>& municipalities,
                                       Instant now) {
    std::vector<InstanceId> ids;
    auto tx = store.begin();
    for (const auto& m : municipalities) {
        Instance i;
        i.municipality = m.code;
        i.definition_id = "implementation-trajectory";
        i.definition_version = 1;
        i.key = "bench-reminders";
        i.state = "opstart";
        i.year_one = local_date(now);
        i.started_at = now;
        i.state_entry = 1;
        ids.push_back(store.insert_instance(i));
    }
    tx->commit();
    return ids;
}

// Which day of the year of deadlines task n of `count` falls due. spread: day n mod 365,
// so the reminders due together belong to tasks created far apart, whose rows and index
// entries lie on different pages (the worst case for a B-tree store); ordered: deadlines
// rise with creation order, as when the tasks due together were made together (one
// workflow step's fan-out, or the same step in every municipality).
int deadline_day(std::int64_t n, std::int64_t count, bool ordered) {
    return static_cast<int>(ordered ? n * kDeadlineDays / count : n % kDeadlineDays);
}

// Reminder n: its task, deadline and municipality; the same n gives the peer's job n.
Task task_for(std::int64_t n, int day, const Municipality& m, InstanceId instance, Instant now,
              TimeOfDay due_time) {
    const auto& kind = kTaskKinds[n % std::size(kTaskKinds)];
    Task t;
    t.instance_id = instance;
    t.municipality = m.code;
    t.workflow = "implementation-trajectory";
    t.spec_id = kind.spec_id;
    t.key = fmt::format("{}#{}", kind.spec_id, n);
    t.state = "opstart";
    t.state_entry = 1;
    t.title = Text{kind.title_nl, kind.title_en};
    t.role = kind.role;
    t.remind_days = {kLeadDays};
    t.created_at = now;
    t.due = at_local(add_days(kScheduledOn, kFirstDeadlineAfterDays + day), due_time);
    return t;
}

struct Scheduled {
    double seconds = 0;
    std::int64_t transactions = 0;
};

// Writes what Step::create_task and arm_task_timers write for a task with one reminder
// lead time: the task, its task_created line, its reminder timer (keyed, so scheduling
// twice is a no-op). The deadline and escalation timers are left out: the peer has
// nothing of the kind, and they would fire after the last reminder anyway.
struct Workload {
    std::int64_t count = 100000;
    std::int64_t batch = 1000;  // reminders scheduled per transaction
    int group = 1;              // fire: steps per transaction
    bool ordered_deadlines = false;
};

Scheduled schedule(Store& store, const Calendar& calendar, const EngineSettings& settings,
                   const std::vector<Municipality>& municipalities,
                   const std::vector<InstanceId>& instances, const Workload& w, Instant now) {
    const std::int64_t count = w.count;
    Scheduled out;
    const auto started = Clock::now();
    for (std::int64_t n = 0; n < count;) {
        auto tx = store.begin();
        for (const std::int64_t until = std::min(count, n + w.batch); n < until; ++n) {
            const std::size_t m = static_cast<std::size_t>(n) % municipalities.size();
            Task t = task_for(n, deadline_day(n, count, w.ordered_deadlines), municipalities[m],
                              instances[m], now, settings.due_time);
            t.id = store.insert_task(t);

            Event e;
            e.at = now;
            e.municipality = t.municipality;
            e.instance_id = t.instance_id;
            e.workflow = t.workflow;
            e.kind = EventKind::task_created;
            e.state = t.state;
            e.task = t.key;
            e.title = t.title.nl;
            e.role = t.role;
            e.due = t.due;
            store.append_event(e);

            Timer r;
            r.due = reminder_instant(calendar, settings.reminder_time, *t.due, kLeadDays);
            r.kind = TimerKind::reminder;
            r.municipality = t.municipality;
            r.task_id = t.id;
            r.lead_days = kLeadDays;
            r.key = fmt::format("reminder/{}/{}", t.id, kLeadDays);
            store.add_timer(r);
        }
        tx->commit();
        ++out.transactions;
    }
    out.seconds = seconds_since(started);
    return out;
}

struct Fired {
    double seconds = 0;
    std::int64_t steps = 0;
    std::int64_t transactions = 0;
};

// The daemon's scheduler loop on a virtual clock; bounded by `limit` steps.
Fired fire(Engine& engine, VirtualClock& clock, int group, std::int64_t limit) {
    Fired out;
    const auto started = Clock::now();
    while (out.steps < limit) {
        const auto next = engine.next_due();
        if (!next) break;
        clock.advance_to(*next);
        const int steps = group == 1 ? (engine.step() ? 1 : 0) : engine.step_due(group);
        if (steps == 0) break;
        out.steps += steps;
        ++out.transactions;
    }
    out.seconds = seconds_since(started);
    return out;
}

int run(const Workload& w, const std::string& keep) {
    const std::int64_t count = w.count;
    const auto work = work_dir("reminders", keep);
    if (!work) return 2;
    const fs::path dir = *work;
    write_config(dir, real_places(342));
    auto loaded = load_config(dir / "okod.toml");
    if (!loaded.config) {
        for (const auto& e : loaded.errors) fmt::print(stderr, "{}\n", e.to_string());
        return 1;
    }
    auto opened = open_runtime(std::move(*loaded.config), dir / "okod.sqlite");
    if (!opened.runtime) {
        for (const auto& e : opened.errors) fmt::print(stderr, "{}\n", e.to_string());
        return 1;
    }
    auto& rt = *opened.runtime;
    auto* sqlite = dynamic_cast<SqliteStore*>(rt.store.get());
    if (rt.store->timer_count() != 0) {
        fmt::print(stderr, "okod_bench reminders: the store in {} already has timers\n",
                   dir.string());
        return 1;
    }
    VirtualClock clock(at_local(kScheduledOn, TimeOfDay{8 * 60}));
    const auto instances = make_instances(*rt.store, rt.config.municipalities, clock.now());
    const std::int64_t rows_before = sqlite->rows_changed();

    const auto scheduled = schedule(*rt.store, rt.calendar, rt.config.engine,
                                    rt.config.municipalities, instances, w, clock.now());
    const std::int64_t rows_scheduled = sqlite->rows_changed() - rows_before;

    Engine engine(*rt.store, rt.definitions, rt.calendar, clock, rt.config.engine);
    const auto fired = fire(engine, clock, w.group, count + 1);  // one more: a stray timer shows
    const std::int64_t rows_fired = sqlite->rows_changed() - rows_before - rows_scheduled;

    const auto outbox = rt.store->outbox_counts();
    const auto pending = outbox.count(OutboxStatus::pending) ? outbox.at(OutboxStatus::pending) : 0;
    const double total = scheduled.seconds + fired.seconds;
    const char* deadlines = w.ordered_deadlines ? "ordered" : "spread";
    fmt::print(
        "okod reminders: {} reminders of {} municipalities, deadlines {}, SQLite WAL "
        "synchronous=FULL on disk\n",
        count, rt.config.municipalities.size(), deadlines);
    fmt::print("  schedule ({} transactions of {})  {:8.2f} s  ({:.0f} reminders/s, {} rows)\n",
               scheduled.transactions, w.batch, scheduled.seconds,
               static_cast<double>(count) / scheduled.seconds, rows_scheduled);
    fmt::print("  fire ({} transactions, group {:3})  {:8.2f} s  ({:.0f} reminders/s, {} rows)\n",
               fired.transactions, w.group, fired.seconds,
               static_cast<double>(fired.steps) / fired.seconds, rows_fired);
    fmt::print("  total                              {:8.2f} s  ({:.0f} reminders/s)\n", total,
               static_cast<double>(count) / total);
    fmt::print("  fired {}, outbox rows pending {}, timers left {}, peak RSS {:.1f} MiB\n",
               fired.steps, pending, rt.store->timer_count(),
               static_cast<double>(peak_rss_kib()) / 1024.0);
    // One line for scripts (bench/peer/run.sh); the peer prints the same keys.
    fmt::print(
        "result side=okod durability=sqlite-wal-synchronous-full group={} deadlines={} n={} "
        "batch={} "
        "schedule_s={:.3f} "
        "fire_s={:.3f} total_s={:.3f} schedule_per_s={:.0f} fire_per_s={:.0f} total_per_s={:.0f} "
        "fired={} recorded={}\n",
        w.group, deadlines, count, w.batch, scheduled.seconds, fired.seconds, total,
        static_cast<double>(count) / scheduled.seconds,
        static_cast<double>(fired.steps) / fired.seconds, static_cast<double>(count) / total,
        fired.steps, pending);
    if (keep.empty()) fs::remove_all(dir);
    return fired.steps == count && pending == count ? 0 : 1;
}

}  // namespace

int reminders(const std::vector<std::string>& args) {
    std::string count = "100000", batch = "1000", group = "1", deadlines = "spread", keep;
    if (!parse_options(args, {{"--count", &count},
                              {"--batch", &batch},
                              {"--group", &group},
                              {"--deadlines", &deadlines},
                              {"--keep", &keep}}))
        return 2;
    const auto n = whole_number(count);
    const auto b = whole_number(batch);
    const auto g = whole_number(group);
    if (!n || !b || !g || *g > 100000) {
        fmt::print(
            stderr,
            "okod_bench reminders: --count, --batch and --group must be positive whole numbers\n");
        return 2;
    }
    if (deadlines != "spread" && deadlines != "ordered") {
        fmt::print(stderr, "okod_bench reminders: --deadlines is spread or ordered\n");
        return 2;
    }
    return run({*n, *b, static_cast<int>(*g), deadlines == "ordered"}, keep);
}

}  // namespace okod::bench
