#include "bench_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <sstream>
#include <stdexcept>

#include "adapters/auth/mail_link.hpp"
#include "adapters/auth/token_secret.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "daemon/commands/people_access_command.hpp"
#include "daemon/commands/tokens_command.hpp"
#include "simulated_store.hpp"

namespace okod::bench {
namespace {

// The store as the bench asks it things: plain C API, no okod code in between.
class Sql {
public:
    // Read-only unless `write`: a reader leaves the store and its WAL as okod left them,
    // so okod's next start still finds them clean and skips its integrity check.
    explicit Sql(const fs::path& file, bool write = false) {
        if (sqlite3_open_v2(file.c_str(), &db_,
                            write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
                            nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + file.string());
        sqlite3_busy_timeout(db_, 10000);
    }
    ~Sql() { sqlite3_close(db_); }
    Sql(const Sql&) = delete;
    Sql& operator=(const Sql&) = delete;

    std::string text(const std::string& sql) const {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(fmt::format("{}: {}", sql, sqlite3_errmsg(db_)));
        const int rc = sqlite3_step(st);
        std::string out;
        if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            throw std::runtime_error(fmt::format("{}: {}", sql, sqlite3_errmsg(db_)));
        if (rc == SQLITE_DONE && sql.rfind("SELECT", 0) == 0)
            throw std::runtime_error(fmt::format("{}: no row", sql));
        return out;
    }
    std::int64_t integer(const std::string& sql) const { return std::stoll(text(sql)); }

private:
    sqlite3* db_ = nullptr;
};

constexpr const char* kMarker = "bench-store.txt";

std::string marker_of(const std::vector<Place>& places, int years) {
    std::string codes;
    for (const auto& p : places) codes += p.code + " ";
    return fmt::format("years {} places {}", years, codes);
}

// "key value" lines of the marker file.
std::string marker_value(const std::string& text, const std::string& key) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.rfind(key + " ", 0) == 0) return line.substr(key.size() + 1);
    return {};
}

std::string regisseur_token(const fs::path& dir, const std::string& code,
                            const std::string& person) {
    TokensCreateArgs args;
    args.common.config = dir / "okod.toml";
    args.role = "regisseur";
    args.municipalities = {code};
    args.person = person;
    args.label = "okod_bench routes";
    std::ostringstream out, err;
    if (run_tokens_create(args, out, err) != 0)
        throw std::runtime_error("okoctl tokens create: " + err.str());
    std::string secret = out.str();
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == ' ')) secret.pop_back();
    return secret;
}

std::string feed_path(const fs::path& dir, const std::string& person) {
    PeopleFeedUrlArgs args;
    args.common.config = dir / "okod.toml";
    args.person = person;
    args.public_url = "http://127.0.0.1";
    std::ostringstream out, err;
    if (run_people_feed_url(args, out, err) != 0)
        throw std::runtime_error("okoctl people feed-url: " + err.str());
    const std::string url = out.str();
    const auto at = url.find("/ical/person/");
    const auto end = url.find('\n', at);
    if (at == std::string::npos) throw std::runtime_error("okoctl people feed-url said " + url);
    return url.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// The path of a reminder's one-click link to an open task of `code`, for its holder:
// okod's key for mail links made in the store (as okod's start would) and a link that
// does not expire. The route only reads, so the same link serves every request.
std::string mail_link_path(const fs::path& file, const std::string& code) {
    const Sql sql(file);
    const std::string pair = sql.text(fmt::format(
        "SELECT t.id || ' ' || ra.person_id FROM tasks AS t JOIN role_assignments AS ra ON "
        "ra.municipality = t.municipality AND ra.role = t.role AND ra.until_date IS NULL "
        "JOIN person_memberships AS m ON m.person_id = ra.person_id AND m.municipality = "
        "t.municipality WHERE t.municipality = '{}' AND t.status = 'open' ORDER BY t.id LIMIT 1",
        code));
    const auto space = pair.find(' ');
    auto store = SqliteStore::open(file);
    const MailLinkClaim claim{std::string(kCompleteTaskLink), std::stoll(pair.substr(0, space)),
                              pair.substr(space + 1), Instant{std::chrono::seconds{4'102'444'800}}};
    return std::string(kMailLinkPath) + sign_mail_link(claim, mail_link_key(*store));
}

}  // namespace

std::string BenchStore::end_moment() const {
    return fmt::format("{}-01-01T00:00:00+01:00", kFirstSimulatedYear + years);
}

std::vector<Place> places_including(const std::string& code, int n) {
    std::vector<Place> out;
    for (const auto& p : real_places(1000))
        if (p.code == code) out.push_back(p);
    if (out.empty()) throw std::runtime_error("no municipality " + code + " in the real list");
    for (const auto& p : real_places(1000))
        if (static_cast<int>(out.size()) < n && p.code != code) out.push_back(p);
    return out;
}

BenchStore prepare_store(const fs::path& dir, const std::vector<Place>& places, int years,
                         const std::string& code) {
    BenchStore s;
    s.dir = dir;
    s.years = years;
    s.name = fmt::format("{} x {}", places.size(), years);
    const std::string identity = marker_of(places, years);
    std::string marker;
    if (fs::exists(dir / kMarker)) marker = read_file(dir / kMarker);
    if (marker_value(marker, "store") == identity) {
        fmt::print(stderr, "{}: reusing the store in {}\n", s.name, dir.string());
    } else {
        if (fs::exists(dir) && !fs::is_empty(dir))
            throw std::runtime_error(fmt::format(
                "{} holds something other than a {} store; name a new or empty directory",
                dir.string(), s.name));
        fmt::print(stderr, "{}: simulating the store in {} ...\n", s.name, dir.string());
        const auto made = simulate_store(dir, places, 0, years);
        if (!made) throw std::runtime_error("cannot simulate the store in " + dir.string());
        fmt::print(stderr, "{}: {} engine steps in {:.1f} s\n", s.name, made->summary.steps,
                   made->engine_seconds);
        // The simulation only queues e-mail. An okod that ran those years sent each one
        // when it was made; served as queued, okod would first spend minutes marking
        // 180,000 of them obsolete (SIGTERM waits for that too).
        execute(s.store(),
                "UPDATE outbox SET status = 'sent', attempts = 1, sent_at = created_at, "
                "next_attempt_at = NULL WHERE status = 'pending'");
        const Sql sql(s.store());
        const std::string regisseur = sql.text(fmt::format(
            "SELECT person_id FROM role_assignments WHERE municipality = '{}' AND role = "
            "'regisseur' ORDER BY person_id LIMIT 1",
            code));
        marker = fmt::format("store {}\nperson {}\ntoken {}\nfeed {}\nlink {}\n", identity,
                             regisseur, regisseur_token(dir, code, regisseur),
                             feed_path(dir, regisseur), mail_link_path(s.store(), code));
        write_file(dir / kMarker, marker);
    }
    if (marker_value(marker, "link").empty()) {  // a store made before the mail links
        marker += fmt::format("link {}\n", mail_link_path(s.store(), code));
        write_file(dir / kMarker, marker);
    }
    auto& subjects = s.subjects;
    subjects.municipality = code;
    subjects.year = kFirstSimulatedYear + years - 1;
    subjects.closed_after = fmt::format("{}-12-01", subjects.year);
    subjects.person_id = marker_value(marker, "person");
    subjects.regisseur_token = marker_value(marker, "token");
    subjects.feed_path = marker_value(marker, "feed");
    // A live sign-in link of that person (its page reads one row), made anew each run:
    // a link from a reused store's last run would have expired.
    const std::string link = new_link_secret();
    execute(s.store(), fmt::format("INSERT INTO sign_in_links(hash, person_id, created_at, "
                                   "expires_at) VALUES ('{}', '{}', CAST(strftime('%s', 'now') "
                                   "AS INTEGER), CAST(strftime('%s', 'now') AS INTEGER) + 86400)",
                                   hash_token(link), subjects.person_id));
    subjects.link_path = "/auth/link/" + link;
    subjects.mail_link_path = marker_value(marker, "link");
    const Sql sql(s.store());
    // The same instance and task in every store holding the municipality: chosen by what
    // they are (workflow, key), never by their ids, which differ between stores.
    subjects.instance_id = sql.integer(fmt::format(
        "SELECT i.id FROM instances AS i WHERE i.municipality = '{}' ORDER BY (SELECT count(*) "
        "FROM events AS e WHERE e.instance_id = i.id) DESC, i.definition_id, i.key LIMIT 1",
        code));
    subjects.task_id = sql.integer(
        fmt::format("SELECT t.id FROM tasks AS t JOIN instances AS i ON i.id = t.instance_id "
                    "WHERE t.municipality = '{}' ORDER BY t.created_at DESC, i.definition_id, "
                    "i.key, t.key LIMIT 1",
                    code));
    return s;
}

std::string rows_of(const fs::path& store, const std::string& code) {
    const Sql sql(store);
    std::string out;
    // Not timers: okod arms some again at each start and fires them once it runs on.
    for (const char* table : {"instances", "tasks", "events", "outbox"}) {
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", table,
                           sql.integer(fmt::format(
                               "SELECT count(*) FROM {} WHERE municipality = '{}'", table, code)));
    }
    return out;
}

void write_serve_config(const BenchStore& s, const fs::path& store, int port,
                        const fs::path& file) {
    write_file(file, config_text(store, s.dir / "municipalities") +
                         fmt::format(R"([http]
address = "127.0.0.1"
port = {}
read_timeout_seconds = 600
idle_timeout_seconds = 3600
[mail]
transport = "directory"
from = "oko@example.org"
directory = "{}"
)",
                                     port, (store.parent_path() / "mail").string()));
}

void forget_clock(const fs::path& store) {
    execute(store, "UPDATE meta SET value = '' WHERE key = 'accelerated_clock'");
}

std::int64_t query_int(const fs::path& store, const std::string& sql) {
    return Sql(store).integer(sql);
}

std::string query_text(const fs::path& store, const std::string& sql) {
    return Sql(store).text(sql);
}

void execute(const fs::path& store, const std::string& sql) { Sql(store, true).text(sql); }

}  // namespace okod::bench
