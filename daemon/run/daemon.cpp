#include "daemon/run/daemon.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <csignal>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "adapters/auth/mail_link.hpp"
#include "adapters/output/timeline.hpp"
#include "adapters/sqlite/integrity_check.hpp"
#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/api/api.hpp"
#include "daemon/api/router.hpp"
#include "daemon/http/http_server.hpp"
#include "daemon/outbox/outbox_sender.hpp"
#include "daemon/outbox/sign_in_mailer.hpp"
#include "daemon/outbox/transport_factory.hpp"
#include "daemon/privacy/retention_timer.hpp"
#include "daemon/run/clean_stop.hpp"
#include "daemon/run/read_pool.hpp"
#include "daemon/run/run_clock.hpp"
#include "daemon/run/store_health.hpp"
#include "daemon/run/store_identity.hpp"
#include "daemon/run/store_lock.hpp"
#include "daemon/run/store_watch.hpp"
#include "daemon/run/systemd_notify.hpp"
#include "daemon/runtime.hpp"
#include "definition/school_time_check.hpp"
#include "engine/engine.hpp"
#include "model/event_kind.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace asio = boost::asio;
using error_code = boost::system::error_code;

// Engine steps per turn of the loop: long enough to catch up quickly after downtime,
// short enough that a signal or a finished e-mail is handled in between.
constexpr int kBatch = 256;
// The scheduler wakes this long before a timer's moment, runs the steps due then as at
// that moment, and commits them when it comes: timers that fall due together (a
// thousand at 09:00:00) then land within a commit of their moment instead of one after
// the other (BENCHMARKS.md, lateness). Meanwhile the strand waits: an API write sent
// in those 100 ms waits as long and is handled after the timers (a task completed 50 ms
// before its deadline is overdue, as if it had come 50 ms later). E-mail goes on, on
// its own thread. On an accelerated clock at most one of its seconds (prepare_ahead()).
constexpr auto kPrepareAhead = std::chrono::milliseconds{100};
// Steps prepared for one moment: some 50 ms of work, within kPrepareAhead.
constexpr int kPreparedBatch = 2048;
// The longest single wait. A wall-clock correction or a suspended machine can make a
// computed wait wrong; the scheduler re-reads the clock at least this often.
constexpr std::chrono::nanoseconds kMaxWait = std::chrono::hours{1};
// After an engine step that failed for another reason than its store (a bug), try again
// this much later. Store faults back off by StoreHealth::backoff().
constexpr auto kErrorBackoff = std::chrono::seconds{5};

bool is_storage_fault(const std::exception& e) {
    const auto* sqlite = dynamic_cast<const SqliteError*>(&e);
    return sqlite && sqlite->is_storage_fault();
}

const char* signal_name(int signo) {
    switch (signo) {
        case SIGTERM:
            return "SIGTERM";
        case SIGINT:
            return "SIGINT";
        case SIGHUP:
            return "SIGHUP";
        default:
            return "signal";
    }
}

// The yearly reports attached to the council-report reminders, built on the mail thread
// (a second each on a large store, issue 18) with a read-only connection of their own,
// opened there when the first is made, and copies of the configuration and definitions:
// no timer waits for one. A reload makes a new one; a send in progress keeps its own.
struct MailReports {
    explicit MailReports(const Runtime& writer) {
        runtime.config = writer.config;
        runtime.definitions = writer.definitions;
    }

    // On the mail thread.
    void attach(Delivery& d) {
        if (!d.report) return;
        try {
            if (!attacher) {
                runtime.store = SqliteStore::open_reader(runtime.config.store_path);
                attacher.emplace(*runtime.store, runtime.definitions, runtime.config);
            }
        } catch (const std::exception& e) {
            spdlog::error(
                "mail {}: cannot read the store for the yearly report, it goes without: {}",
                d.item.id, e.what());
            d.report.reset();
            return;
        }
        attach_ordered_report(d, *attacher);
    }

    Runtime runtime;
    std::optional<AnnualReportAttacher> attacher;
};

}  // namespace

struct Daemon::Impl {
    explicit Impl(RunOptions o) : options(std::move(o)) {}

    RunOptions options;
    // Two threads run it when there are read threads: the strand's work blocks the
    // thread it runs on (an engine step, a write waiting for the store's lock), and the
    // API's connections (each on a strand of its own) must go on meanwhile, or no read
    // could be answered. Without read threads one, as every request waits for the
    // strand anyway.
    asio::io_context io{2};
    asio::strand<asio::io_context::executor_type> strand{asio::make_strand(io)};
    asio::steady_timer engine_timer{strand};
    asio::steady_timer outbox_timer{strand};
    asio::steady_timer watchdog_timer{strand};
    asio::signal_set signals{strand, SIGTERM, SIGINT, SIGHUP};
    asio::thread_pool mail_thread{1};
    // Held while an e-mail is on its way, so that a stop waits for its outcome.
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> send_in_flight;
    // An e-mail the server has answered whose outcome the store would not take (a full
    // disk, a lock held elsewhere). Nothing else is sent until it is recorded: what
    // cannot be recorded as sent would otherwise be sent again at once, for ever.
    struct Unrecorded {
        Delivery delivery;
        SendResult result;
    };
    std::optional<Unrecorded> unrecorded;
    StoreHealth store_health;
    // Real time (not the demo clock) between tries while the store cannot be written.
    asio::steady_timer store_retry_timer{strand};

    std::unique_ptr<StoreLock> store_lock;  // one okod per store, for okod's whole life
    StoreIdentity store_identity;           // the file opened, to notice it deleted or replaced
    int exit_code = 0;                      // 1 after stop_on_error()
    std::unique_ptr<Runtime> runtime;
    std::unique_ptr<RunClock> clock;
    std::unique_ptr<Engine> engine;
    std::shared_ptr<MailReports> mail_reports;
    std::unique_ptr<OutboxSender> sender;
    std::shared_ptr<MailTransport> transport;
    std::unique_ptr<TimelineNames> names;
    std::unique_ptr<RetentionTimer> retention;
    std::unique_ptr<StoreWatch> store_watch;
    std::unique_ptr<Api> api;
    // The API's reads, beside the strand ([http] read_threads; none: all on the strand).
    // Declared after `runtime`: its connections close before the writer's.
    std::unique_ptr<ReadPool> read_pool;
    std::unique_ptr<HttpServer> http;
    SystemdNotifier notifier;
    std::int64_t logged_seq = 0;
    bool stopping = false;
    // For the log at exit and the idle benchmark: how often the scheduler's timer woke
    // the process, and how many engine steps it took.
    std::uint64_t wakeups = 0;
    std::uint64_t steps_taken = 0;
    bool one_step_at_a_time = false;  // after a failed group: isolate the failing step
    // At debug level every step logs how late it ran (bench/lateness.sh reads it).
    bool time_steps = false;

    bool start();
    void build_workers();
    void plan_all();
    void arm_engine();
    void on_engine_timer();
    std::chrono::nanoseconds prepare_ahead() const;
    void run_engine_batch(std::optional<Instant> moment = std::nullopt);
    int run_group(int max_steps, std::optional<Instant> moment);
    void log_new_events();
    void refresh_names();
    void warn_erased_config_people();
    void warn_school_data();
    void kick_sender();
    void arm_outbox(Instant at);
    void on_sent(Delivery d, SendResult r);
    bool record_unrecorded();
    void store_failed(std::string_view what, const std::exception& e);
    void store_succeeded();
    void retry_sender_later();
    void log_unrecorded_at_stop();
    void on_store_written();
    void on_directory_changed();
    bool start_http();
    void wait_signals();
    std::vector<LoadError> reload(const SettingsReload* change = nullptr);
    void warn_stored_settings();
    void stop(int signo);
    bool store_still_ours();
    void arm_watchdog();
    std::string status_line();
};

bool Daemon::Impl::start() {
    // okod.toml only: the municipality files are read by open_runtime_at_start, and only
    // when they are not the ones the store was last planned from.
    auto loaded = load_settings(options.config);
    if (!loaded.config) {
        for (const auto& e : loaded.errors) spdlog::error("{}", e.to_string());
        spdlog::error("cannot start: {} has errors", options.config.string());
        return false;
    }
    auto new_transport = make_mail_transport(loaded.config->mail);
    const auto store_path = loaded.config->store_path;
    std::string why;
    store_lock = StoreLock::acquire(store_path, why);
    if (!store_lock) {
        spdlog::error("cannot start: {}", why);
        return false;
    }
    std::error_code exists_ec;
    const bool untouched = take_clean_stop_mark(store_path);
    if (std::filesystem::exists(store_path, exists_ec) && !untouched) {
        // Refuse a damaged store before anything is written to it. Not after a clean
        // stop with the files untouched since (clean_stop.hpp): the check reads every
        // page, seconds for a large store on a cold cache (BENCHMARKS.md).
        const auto began = std::chrono::steady_clock::now();
        const auto report = check_store_integrity(store_path, IntegrityDepth::quick, 10);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
        if (report.ok())
            spdlog::info("store {}: quick_check passed in {:.2f} s", store_path.string(),
                         took.count());
        if (!report.ok()) {
            for (const auto& problem : report.problems)
                spdlog::error("{}: {}", store_path.string(), problem);
            spdlog::error("cannot start: the store {} is damaged. {}", store_path.string(),
                          damaged_store_advice(store_path));
            return false;
        }
    }
    if (untouched)
        spdlog::info("store {}: as okod left it at its clean stop, not checked again",
                     store_path.string());
    auto opened = open_runtime_at_start(std::move(*loaded.config), store_path);
    if (!opened.runtime) {
        for (const auto& e : opened.errors) spdlog::error("{}", e.to_string());
        spdlog::error(
            "cannot start: the configuration has errors (or does not fit the "
            "definitions)");
        return false;
    }
    runtime = std::move(opened.runtime);
    store_identity = StoreIdentity::of(store_path);
    transport = std::move(new_transport);
    clock = options.clock_start ? std::make_unique<RunClock>(RunClock::accelerated(
                                      *runtime->store, *options.clock_start, options.clock_speed))
                                : std::make_unique<RunClock>(RunClock::wall(*runtime->store));
    logged_seq = runtime->store->last_event_seq();
    time_steps = spdlog::should_log(spdlog::level::debug);
    build_workers();
    plan_all();
    warn_erased_config_people();
    warn_stored_settings();
    warn_school_data();
    retention->start();
    store_watch = std::make_unique<StoreWatch>(
        strand, store_path, [this] { on_store_written(); }, [this] { on_directory_changed(); });
    if (!start_http()) return false;
    spdlog::info("okod started: config {}, store {}, {}", options.config.string(),
                 store_path.string(), clock->describe());
    spdlog::info("mail: {}", describe_transport(runtime->config.mail));
    if (!runtime->config.mail.configured)
        spdlog::warn("no [mail] section in {}: e-mail is written as files, nobody receives it",
                     options.config.string());
    if (runtime->config.http.public_url.empty())
        spdlog::warn(
            "no [http] public_url in {}: the e-mails carry no links to the dashboard and no "
            "one-click \"Afgerond\" link",
            options.config.string());
    return true;
}

void Daemon::Impl::build_workers() {
    const auto& c = runtime->config;
    engine = std::make_unique<Engine>(*runtime->store, runtime->definitions, runtime->calendar,
                                      *clock, c.engine);
    sender = std::make_unique<OutboxSender>(*runtime->store, runtime->definitions, *clock,
                                            MailIdentity{c.mail.from_address, c.mail.from_name},
                                            retry_policy_of(c.mail));
    sender->set_links(
        {c.http.public_url, mail_link_key(*runtime->store), MailLinkSettings{}.valid_for});
    mail_reports = std::make_shared<MailReports>(*runtime);
    sender->order_reports();
    sender->set_sign_in_composer([this, from = MailIdentity{c.mail.from_address, c.mail.from_name}](
                                     const OutboxItem& item, std::string& why_not) {
        return compose_sign_in(*runtime, from, item, why_not);
    });
    refresh_names();
    retention = std::make_unique<RetentionTimer>(strand, *runtime->store, runtime->config, *clock);
}

// Names as the store has them, not the config file: a person renamed with okoctl, or
// erased, is shown so in okod's log from then on.
void Daemon::Impl::refresh_names() {
    names = std::make_unique<TimelineNames>(runtime->definitions, runtime->config.municipalities,
                                            runtime->store->all_people());
}

// An erased person still in a municipality file stays erased (the store keeps the
// pseudonym and ignores their roles in the file); say so at each start and reload, by
// id only, so the file can be put right.
void Daemon::Impl::warn_erased_config_people() {
    for (const auto& p : runtime->config.people)
        if (const auto at = runtime->store->person_erased_at(p.id))
            spdlog::warn(
                "person {} in the municipality files was erased on {} (AVG): okod ignores them "
                "and their roles there; remove them from the file",
                p.id, format_date(local_date(*at)));
}

// A municipality whose school_time deadlines of the coming year fall past the school
// holidays okod knows: say so at each start and reload, rather than silently treating
// every business day as a school day there (the API and dashboard say it too).
void Daemon::Impl::warn_school_data() {
    const Date today = local_date(clock->now());
    for (const auto& m : runtime->store->all_municipalities())
        if (auto gap = school_data_gap(m, runtime->definitions, runtime->calendar.school_holidays(),
                                       today))
            spdlog::warn("{}", describe(*gap, m, Language::en));
}

// Not at a start with the files of the last plan (runtime->planned): the timers that
// plan made are in the store, and planning again would change nothing. The municipality
// files are then not read either, so an erased person still in one is not warned about
// (warn_erased_config_people) until the files change.
void Daemon::Impl::plan_all() {
    if (runtime->planned) {
        spdlog::info(
            "configuration: the files okod last planned from, unchanged; {} "
            "municipalities as stored then",
            runtime->config.municipalities.size());
        return;
    }
    plan_runtime(*runtime, *engine);
}

std::string Daemon::Impl::status_line() {
    const auto counts = runtime->store->outbox_counts();
    const auto pending = counts.count(OutboxStatus::pending) ? counts.at(OutboxStatus::pending) : 0;
    const auto dead = counts.count(OutboxStatus::dead) ? counts.at(OutboxStatus::dead) : 0;
    // The next timer, not a count of them: counting reads the whole timer index (a
    // quarter of a second for a million timers on a cold start), and this line is sent
    // with READY=1 and served on every GET /ready.
    const auto next = engine->next_due();
    return fmt::format("{} municipalities, next timer {}, {} e-mails waiting, {} undeliverable",
                       runtime->config.municipalities.size(),
                       next ? format_iso_local(*next) : std::string("none"), pending, dead);
}

// --- the scheduler: one timer on the earliest engine timer -------------------------------

void Daemon::Impl::arm_engine() {
    const auto next = engine->next_due();
    if (!next) {
        engine_timer.cancel();  // nothing scheduled at all: sleep until a reload plans something
        return;
    }
    // After a failure the steps go one at a time, when due, not prepared.
    const std::chrono::nanoseconds ahead =
        one_step_at_a_time ? std::chrono::nanoseconds{0} : prepare_ahead();
    const auto delay = clock->real_delay_until(*next);
    engine_timer.expires_after(
        std::min(delay > ahead ? delay - ahead : std::chrono::nanoseconds{0}, kMaxWait));
    engine_timer.async_wait([this](error_code ec) {
        if (ec) return;
        ++wakeups;
        on_engine_timer();
    });
}

void Daemon::Impl::on_engine_timer() {
    if (stopping) return;  // the wait may have ended just as the stop cancelled it
    if (!store_still_ours()) return;
    // A command or a reload may have changed the timers since the wait began.
    const auto next = engine->next_due();
    if (!next) return arm_engine();
    const auto delay = clock->real_delay_until(*next);
    if (delay == std::chrono::nanoseconds{0}) return run_engine_batch();
    if (one_step_at_a_time || delay > prepare_ahead())
        return arm_engine();  // woke early (kMaxWait)
    run_engine_batch(*next);
}

std::chrono::nanoseconds Daemon::Impl::prepare_ahead() const {
    // 100 ms at 36,000 x are an hour, and a command sent in them would wait behind
    // timers due up to an hour after it. (Computed in double: a clock slower than real
    // time would overflow the integer.)
    const double one_clock_second_ns = 1e9 / clock->speed();
    const double limit_ns = std::chrono::duration<double, std::nano>(kPrepareAhead).count();
    return std::chrono::nanoseconds{
        static_cast<std::int64_t>(std::min(one_clock_second_ns, limit_ns))};
}

// `moment`: prepare the steps due at that moment, still to come (see kPrepareAhead).
// Without it: what is due now.
void Daemon::Impl::run_engine_batch(std::optional<Instant> moment) {
    if (stopping) return;
    const int batch = moment ? kPreparedBatch : kBatch;
    int steps = 0;
    std::optional<std::string> failure;
    try {
        // What is due commits together (group commit): one sync for the batch instead
        // of one per step. After a failure the next batch goes one step (one
        // transaction) at a time, so the steps before one that keeps failing still land,
        // as without grouping; after a clean batch, grouping resumes.
        if (one_step_at_a_time) {
            while (steps < kBatch && engine->step())
                ++steps;  // counts each commit, also if one throws
        } else {
            steps = run_group(batch, moment);
        }
        one_step_at_a_time = false;
    } catch (const std::exception& e) {
        // The failed group (or step) rolled back; its timers are still there and are
        // retried after a pause.
        one_step_at_a_time = true;
        failure = e.what();
        if (is_storage_fault(e)) store_failed("engine step", e);
    }
    steps_taken += static_cast<std::uint64_t>(steps);
    if (steps > 0) {  // also the steps committed one by one before a failing one
        if (!failure) store_succeeded();
        log_new_events();
        kick_sender();
    }
    if (failure) {
        const std::chrono::milliseconds wait =
            store_health.healthy() ? kErrorBackoff : store_health.backoff();
        if (store_health.healthy())
            spdlog::error("engine step failed, trying again in {} s: {}", kErrorBackoff.count(),
                          *failure);
        engine_timer.expires_after(wait);
        engine_timer.async_wait([this](error_code ec) {
            if (!ec) run_engine_batch();
        });
        return;
    }
    if (steps == batch) {
        asio::post(strand, [this] { run_engine_batch(); });  // more due: continue after a breath
        return;
    }
    arm_engine();
}

// Up to `max_steps` steps in one transaction (group commit: one sync for all). With a
// `moment` still to come, the steps due then, committed once the clock shows it. If a
// step throws, the whole group rolls back. At debug level (time_steps) each step's
// timer is read first (one more indexed read), and how long after the moment the clock
// showed its due time the transaction holding it committed is logged.
int Daemon::Impl::run_group(int max_steps, std::optional<Instant> moment) {
    std::vector<Instant> dues;
    auto group = runtime->store->begin();
    int steps = 0;
    while (steps < max_steps) {
        const auto due = time_steps ? engine->next_due() : std::nullopt;
        if (time_steps && !due) break;
        if (!(moment ? engine->step_in_group(*moment) : engine->step_in_group())) break;
        ++steps;
        if (due) dues.push_back(*due);
    }
    // Nothing of it may be seen before its moment: not by okoctl, not as an e-mail. The
    // wait is computed once and slept on the steady clock, at most kPrepareAhead: a
    // wall clock stepped back meanwhile must not hold the write lock and the strand.
    if (moment && steps > 0) {
        const auto left = clock->real_moment(*moment) - std::chrono::system_clock::now();
        if (left > std::chrono::system_clock::duration::zero())
            std::this_thread::sleep_for(std::min<std::chrono::nanoseconds>(left, kPrepareAhead));
    }
    group->commit();
    const auto committed = std::chrono::system_clock::now();
    for (const Instant due : dues) {
        const std::chrono::duration<double, std::milli> late = committed - clock->real_moment(due);
        spdlog::debug("timer due {} handled {:.3f} ms late", format_iso_local(due), late.count());
    }
    return steps;
}

void Daemon::Impl::log_new_events() {
    for (;;) {
        const auto events = runtime->store->events_after(logged_seq, 500);
        if (events.empty()) return;
        for (const auto& e : events) {
            if (e.kind == EventKind::person_saved || e.kind == EventKind::person_erased)
                refresh_names();
            spdlog::info("{}", format_event_line(e, *names, runtime->config.language));
        }
        logged_seq = events.back().seq;
    }
}

// --- the outbox: one message at a time on the mail thread --------------------------------

void Daemon::Impl::kick_sender() {
    if (stopping || send_in_flight) return;  // on_sent() kicks again
    if (unrecorded && !record_unrecorded()) return retry_sender_later();
    std::optional<Delivery> d;
    try {
        d = sender->next_ready();  // may write: a message made obsolete, a dead letter
    } catch (const std::exception& e) {
        if (is_storage_fault(e)) {
            store_failed("reading the outbox", e);
        } else {
            spdlog::error("cannot read the outbox, trying again in {} s: {}", kErrorBackoff.count(),
                          e.what());
        }
        return retry_sender_later();
    }
    if (!d) {
        if (const auto at = sender->next_attempt()) arm_outbox(*at);
        return;
    }
    send_in_flight.emplace(io.get_executor());
    asio::post(mail_thread,
               [this, t = transport, reports = mail_reports, d = std::move(*d)]() mutable {
                   SendResult r;
                   try {
                       reports->attach(d);
                       r = send_delivery(*t, d);
                   } catch (const std::exception& e) {
                       r = {SendResult::Outcome::retry, e.what()};
                   }
                   asio::post(strand, [this, d = std::move(d), r = std::move(r)]() mutable {
                       on_sent(std::move(d), std::move(r));
                   });
               });
}

void Daemon::Impl::on_sent(Delivery d, SendResult r) {
    send_in_flight.reset();
    unrecorded.emplace(Unrecorded{std::move(d), std::move(r)});
    if (!record_unrecorded()) {
        if (stopping)
            log_unrecorded_at_stop();
        else
            retry_sender_later();
        return;
    }
    if (!stopping) kick_sender();
}

// True when the held outcome is recorded (or there was none). On a store fault it stays
// held, and the sender waits: one e-mail sent and not recorded, never a storm of them.
bool Daemon::Impl::record_unrecorded() {
    if (!unrecorded) return true;
    try {
        sender->record(unrecorded->delivery, unrecorded->result);
    } catch (const std::exception& e) {
        store_failed(fmt::format("recording the outcome of mail {}", unrecorded->delivery.item.id),
                     e);
        return false;
    }
    unrecorded.reset();
    if (!store_health.healthy()) {
        store_succeeded();
        arm_engine();  // its steps wait out a backoff of their own: no need, the store is back
    }
    return true;
}

void Daemon::Impl::log_unrecorded_at_stop() {
    spdlog::error(
        "mail {} to {} was {} but okod stops before it could record that: at the next start it is "
        "tried again (the same Message-ID)",
        unrecorded->delivery.item.id, unrecorded->delivery.item.recipient,
        unrecorded->result.ok() ? "sent" : "tried");
}

void Daemon::Impl::retry_sender_later() {
    if (stopping) return;
    const std::chrono::milliseconds wait =
        store_health.healthy() ? kErrorBackoff : store_health.backoff();
    store_retry_timer.expires_after(wait);
    store_retry_timer.async_wait([this](error_code ec) {
        if (!ec) kick_sender();
    });
}

void Daemon::Impl::store_failed(std::string_view what, const std::exception& e) {
    const bool was_healthy = store_health.healthy();
    store_health.failed(what, e.what(), clock->now());
    if (was_healthy) notifier.status(store_health.problem().value_or(""));
}

void Daemon::Impl::store_succeeded() {
    if (store_health.healthy()) return;
    store_health.succeeded();
    notifier.status(status_line());
}

void Daemon::Impl::arm_outbox(Instant at) {
    outbox_timer.expires_after(std::min(clock->real_delay_until(at), kMaxWait));
    outbox_timer.async_wait([this](error_code ec) {
        if (!ec) kick_sender();
    });
}

// The API and dashboard: writes (and /ready) on the strand like everything that writes
// the store, reads on the read pool (read_pool.hpp) unless [http] read_threads = 0. The
// address and the number of read threads are read at start only: they take a restart.
bool Daemon::Impl::start_http() {
    const auto& cfg = runtime->config.http;
    if (!cfg.enabled) return true;
    ApiContext context{
        [this]() -> Runtime& { return *runtime; },
        [this]() -> Engine& { return *engine; },
        clock.get(),
        [this] {
            log_new_events();
            arm_engine();
            kick_sender();
        },
        [this] { return status_line(); },
        [this] { return store_health.problem(); },
        [this](std::function<void(Store&)> work) {
            asio::post(strand, [this, work = std::move(work)] { work(*runtime->store); });
        },
    };
    context.reload_settings = [this](const SettingsReload& change) { return reload(&change); };
    api = std::make_unique<Api>(std::move(context));
    HttpLimits limits;
    limits.max_body = static_cast<std::size_t>(cfg.max_body_kib) * 1024;
    limits.header_timeout = std::chrono::seconds(cfg.header_timeout_seconds);
    limits.read_timeout = std::chrono::seconds(cfg.read_timeout_seconds);
    limits.idle_timeout = std::chrono::seconds(cfg.idle_timeout_seconds);
    limits.max_connections = cfg.max_connections;
    limits.max_connections_per_client = cfg.max_connections_per_client;
    const HttpLane on_strand{strand, [this](const HttpRequest& r) { return api->handle(r); }};
    if (cfg.read_threads == 0) {
        http = std::make_unique<HttpServer>(io, limits,
                                            [on_strand](const HttpRequest&) { return on_strand; });
    } else {
        read_pool = std::make_unique<ReadPool>(cfg.read_threads, runtime->config.store_path);
        read_pool->publish(*runtime);
        const HttpLane on_reader{read_pool->executor(), [this](const HttpRequest& r) {
                                     return read_pool->serve([&](Runtime& reader) {
                                         return api->handle_read(r, reader);
                                     });
                                 }};
        http =
            std::make_unique<HttpServer>(io, limits, [on_strand, on_reader](const HttpRequest& r) {
                return reads_only(r) ? on_reader : on_strand;
            });
    }
    std::string error;
    if (!http->listen(cfg.address, static_cast<unsigned short>(cfg.port), error)) {
        spdlog::error("cannot serve the API: {}", error);
        return false;
    }
    spdlog::info("API on http://{}:{}/ (see /openapi.json)", cfg.address, http->port());
    return true;
}

// okoctl committed something (a leave, a new holder, an import): log what it wrote,
// and let the scheduler and the outbox see its timers and e-mails now.
void Daemon::Impl::on_store_written() {
    if (stopping || !store_still_ours()) return;
    try {
        if (!runtime->store->changed_elsewhere()) return;  // our own write
    } catch (const std::exception& e) {
        spdlog::warn("cannot check the store for changes: {}", e.what());
        return;
    }
    log_new_events();
    arm_engine();
    kick_sender();
}

// False, and okod stops with exit code 1, when the store's path no longer leads to the
// file okod opened (StoreIdentity): systemd's Restart= starts it again on the right file.
bool Daemon::Impl::store_still_ours() {
    const auto lost = store_identity.lost();
    if (!lost) return true;
    spdlog::critical("{}", *lost);
    exit_code = 1;
    stop(0);
    return false;
}

// Something beside the store changed in its directory. While the store cannot be
// written that may be the space it waits for (a file deleted): try again now, and soon
// after (inotify reports a deletion before the kernel has freed the file's blocks),
// rather than at the end of a backoff grown to a minute.
void Daemon::Impl::on_directory_changed() {
    if (stopping || store_health.healthy()) return;
    store_health.expect_recovery();
    arm_engine();
    store_retry_timer.cancel();
    kick_sender();
}

// --- signals, watchdog -------------------------------------------------------------------

void Daemon::Impl::wait_signals() {
    signals.async_wait([this](error_code ec, int signo) {
        if (ec) return;
        if (signo == SIGHUP) {
            reload();
            wait_signals();
        } else {
            stop(signo);
        }
    });
}

// SIGHUP, or a municipality's settings changed through the API (`change`): okod.toml,
// the definitions and the municipality files read again, with the store's settings
// over the files (README "Instellingen"), and the change stored in the transaction
// that syncs them. On any error nothing changes and the errors are returned.
std::vector<LoadError> Daemon::Impl::reload(const SettingsReload* change) {
    notifier.reloading();
    if (change)
        spdlog::info("settings of {} changed: reloading {}",
                     change->settings ? change->settings->code : change->drop,
                     options.config.string());
    else
        spdlog::info("SIGHUP: reloading {}", options.config.string());
    std::string fingerprint;  // before the files are read (open_runtime_at_start)
    std::vector<LoadError> errors;
    std::shared_ptr<MailTransport> new_transport;
    try {
        auto loaded = load_config_over_store(options.config, *runtime->store, change, &fingerprint);
        errors = loaded.errors;
        if (loaded.config) {
            if (loaded.config->store_path != runtime->config.store_path) {
                spdlog::warn("the store path changed to {}; that takes a restart, keeping {}",
                             loaded.config->store_path.string(),
                             runtime->config.store_path.string());
                loaded.config->store_path = runtime->config.store_path;
            }
            new_transport = make_mail_transport(loaded.config->mail);
            const auto also = [change](Store& store) {
                if (!change) return;
                if (change->settings) store.save_stored_settings(*change->settings);
                if (!change->drop.empty()) store.drop_stored_settings(change->drop);
                if (change->event) store.append_event(*change->event);
            };
            errors = reload_runtime(*runtime, std::move(*loaded.config), also);
            if (errors.empty()) {
                runtime->config_fingerprint = fingerprint;
                runtime->planned = false;
            }
        }
    } catch (const std::exception& e) {
        errors.push_back({options.config.string(), 0, 0, e.what()});
    }
    if (!errors.empty()) {
        for (const auto& e : errors) spdlog::error("reload: {}", e.to_string());
        spdlog::error(
            "reload failed: okod keeps running with the previous configuration and "
            "definitions");
        notifier.reloaded(status_line());
        return errors;
    }
    transport = std::move(new_transport);
    if (read_pool) read_pool->publish(*runtime);
    build_workers();
    plan_all();
    warn_erased_config_people();
    warn_stored_settings();
    warn_school_data();
    retention->start();
    log_new_events();
    arm_engine();
    kick_sender();
    spdlog::info("reloaded: {}", status_line());
    notifier.reloaded(status_line());
    return errors;
}

// The store's settings win over a municipality's file (README "Instellingen"): say so
// at each start and reload, so that a changed file is not a surprise.
void Daemon::Impl::warn_stored_settings() {
    const auto& c = runtime->config;
    for (const auto& s : c.stored_settings) {
        const auto file = c.municipality_files.find(s.code);
        if (file == c.municipality_files.end())
            spdlog::info("settings of {}: version {} from the store (changed by {} on {})", s.code,
                         s.version, s.changed_by, format_iso_local(s.changed_at));
        else
            spdlog::info(
                "settings of {}: version {} from the store (changed by {} on {}) instead of "
                "those in {}; `okoctl municipalities settings reset {}` lets the file count "
                "again",
                s.code, s.version, s.changed_by, format_iso_local(s.changed_at),
                file->second.string(), s.code);
    }
}

void Daemon::Impl::stop(int signo) {
    if (stopping) return;
    stopping = true;
    spdlog::info("{}: stopping{}", signo != 0 ? signal_name(signo) : "error",
                 send_in_flight ? " after the e-mail being sent" : "");
    notifier.stopping();
    engine_timer.cancel();
    outbox_timer.cancel();
    store_retry_timer.cancel();
    watchdog_timer.cancel();
    retention.reset();
    signals.cancel();
    if (store_watch) store_watch->cancel();
    if (http) http->close();
    if (unrecorded && !send_in_flight && !record_unrecorded()) log_unrecorded_at_stop();
    // io.run() returns when nothing is left: at once, or when the e-mail in flight has
    // been recorded and send_in_flight released.
}

void Daemon::Impl::arm_watchdog() {
    const auto interval = notifier.watchdog_interval();
    if (!interval) return;
    watchdog_timer.expires_after(*interval);
    watchdog_timer.async_wait([this](error_code ec) {
        if (ec) return;
        notifier.watchdog();  // the loop turned: it is not stuck
        arm_watchdog();
    });
}

// --- Daemon -------------------------------------------------------------------------------

Daemon::Daemon(RunOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Daemon::~Daemon() = default;

int Daemon::run() {
    Impl& d = *impl_;
    try {
        if (!d.start()) return 1;
    } catch (const std::exception& e) {
        spdlog::error("cannot start: {}", e.what());
        return 1;
    }
    d.wait_signals();
    asio::post(d.strand, [&d] {
        d.run_engine_batch();  // catches up on whatever fell due while okod was down
        d.kick_sender();
        d.arm_watchdog();
        const auto status = d.status_line();
        spdlog::info("ready: {}", status);
        d.notifier.ready(status);
    });
    std::exception_ptr io_failure;
    std::thread connections;
    if (d.read_pool)
        connections = std::thread([&d, &io_failure] {
            try {
                d.io.run();
            } catch (...) {
                io_failure = std::current_exception();
                d.io.stop();
            }
        });
    try {
        d.io.run();
        if (connections.joinable()) connections.join();
        if (io_failure) std::rethrow_exception(io_failure);
    } catch (const std::exception& e) {
        // A bug, not a condition okod knows how to handle: exit non-zero so systemd
        // restarts it; every committed step is safe in the store.
        spdlog::critical("unexpected error, exiting: {}", e.what());
        d.io.stop();
        if (connections.joinable()) connections.join();
        d.mail_thread.join();
        return 1;
    }
    d.mail_thread.join();
    spdlog::info("stopped after {} scheduler wake-ups and {} engine steps", d.wakeups,
                 d.steps_taken);
    if (d.exit_code == 0) {
        // Everything that uses the store first, then the store itself (its WAL is
        // checkpointed and removed as it closes), then the mark of a clean stop.
        d.http.reset();
        if (d.read_pool) d.read_pool->stop();  // in-flight reads are done: io.run() waited
        d.api.reset();
        d.store_watch.reset();
        d.retention.reset();
        d.sender.reset();
        d.mail_reports.reset();
        d.engine.reset();
        const auto store_path = d.runtime->config.store_path;
        d.runtime.reset();
        write_clean_stop_mark(store_path);
    }
    return d.exit_code;
}

}  // namespace okod
