#include "adapters/sqlite/sqlite_store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <utility>

#include "adapters/sqlite/sqlite_rows.hpp"

namespace okod {
namespace {

namespace json = boost::json;

// --- value conversions --------------------------------------------------------------

std::int64_t to_seconds(Instant t) { return t.time_since_epoch().count(); }
Instant to_instant(std::int64_t seconds) { return Instant{std::chrono::seconds{seconds}}; }

std::optional<std::int64_t> to_seconds(const std::optional<Instant>& t) {
    if (!t) return std::nullopt;
    return to_seconds(*t);
}

std::optional<Instant> to_instant(const std::optional<std::int64_t>& seconds) {
    if (!seconds) return std::nullopt;
    return to_instant(*seconds);
}

// Days are stored as 'YYYY-MM-DD' so that text order is date order. Out-of-range
// fields are written as they are, so a default-constructed Date survives a round trip.
std::string format_day(Date d) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return text;
}

Date parse_day(std::string_view text, const char* column) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const char* p = text.data();
    const char* end = p + text.size();
    auto r = std::from_chars(p, end, y);
    bool ok = r.ec == std::errc{} && r.ptr != end && *r.ptr == '-';
    if (ok) r = std::from_chars(r.ptr + 1, end, m);
    ok = ok && r.ec == std::errc{} && r.ptr != end && *r.ptr == '-';
    if (ok) r = std::from_chars(r.ptr + 1, end, d);
    ok = ok && r.ec == std::errc{} && r.ptr == end;
    if (!ok)
        throw std::runtime_error(std::string("bad date in ") + column + ": '" + std::string{text} +
                                 "'");
    return Date{date::year{y}, date::month{m}, date::day{d}};
}

std::optional<std::string> format_day(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return format_day(*d);
}

template <typename E>
E parse_enum(std::optional<E> (*parse)(std::string_view), const std::string& text,
             const char* column) {
    if (auto value = parse(text)) return *value;
    throw std::runtime_error(std::string("unknown value in ") + column + ": '" + text + "'");
}

template <typename T>
T from_json(const std::string& text, const char* column) {
    try {
        return json::value_to<T>(json::parse(text));
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("corrupt JSON in ") + column + ": " + e.what());
    }
}

template <typename T>
std::string to_json(const T& value) {
    return json::serialize(json::value_from(value));
}

std::string dates_to_json(const std::map<std::string, Date>& dates) {
    json::object o;
    for (const auto& [name, day] : dates) o[name] = format_day(day);
    return json::serialize(o);
}

std::map<std::string, Date> dates_from_json(const std::string& text, const char* column) {
    std::map<std::string, Date> dates;
    for (const auto& [name, day] : from_json<std::map<std::string, std::string>>(text, column))
        dates.emplace(name, parse_day(day, column));
    return dates;
}

std::string marks_to_json(const std::map<std::string, Instant>& marks) {
    json::object o;
    for (const auto& [name, at] : marks) o[name] = to_seconds(at);
    return json::serialize(o);
}

std::map<std::string, Instant> marks_from_json(const std::string& text, const char* column) {
    std::map<std::string, Instant> marks;
    for (const auto& [name, at] : from_json<std::map<std::string, std::int64_t>>(text, column))
        marks.emplace(name, to_instant(at));
    return marks;
}

using Lists = std::map<std::string, std::vector<std::string>>;

std::string budget_lines_to_json(const std::vector<BudgetLine>& lines) {
    json::array out;
    for (const auto& b : lines) {
        json::object o;
        o["id"] = b.id;
        o["name"] = b.name;
        if (b.amount) o["amount"] = *b.amount;
        o["until"] = format_day(b.until);
        out.push_back(std::move(o));
    }
    return json::serialize(out);
}

std::vector<BudgetLine> budget_lines_from_json(const std::string& text) {
    constexpr const char* column = "municipalities.budget_lines";
    std::vector<BudgetLine> lines;
    try {
        const json::value parsed = json::parse(text);  // outlives the loop over it
        for (const auto& v : parsed.as_array()) {
            const auto& o = v.as_object();
            BudgetLine b;
            b.id = json::value_to<std::string>(o.at("id"));
            b.name = json::value_to<std::string>(o.at("name"));
            if (const auto* amount = o.if_contains("amount")) b.amount = amount->to_number<double>();
            b.until = parse_day(json::value_to<std::string>(o.at("until")), column);
            lines.push_back(std::move(b));
        }
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("corrupt JSON in ") + column + ": " + e.what());
    }
    return lines;
}

// Empty keys mean "no key": stored as NULL, which a UNIQUE column never compares equal.
std::optional<std::string> key_or_null(const std::string& key) {
    if (key.empty()) return std::nullopt;
    return key;
}

// Ids that are 0 mean "not about one" in the model; NULL in the timers table.
std::optional<std::int64_t> id_or_null(std::int64_t id) {
    if (id == 0) return std::nullopt;
    return id;
}

// --- the fixed queries ----------------------------------------------------------------

enum Q : int {
    q_begin,
    q_commit,
    q_definition_insert,
    q_definition_get,
    q_definition_all,
    q_municipality_upsert,
    q_municipality_get,
    q_municipality_all,
    q_person_upsert,
    q_person_get,
    q_person_all,
    q_assignment_insert,
    q_assignment_find,
    q_assignment_update,
    q_assignment_list,
    q_holders,
    q_instance_insert,
    q_instance_update,
    q_instance_get,
    q_instance_find,
    q_instance_list,
    q_task_insert,
    q_task_update,
    q_task_get,
    q_task_key_taken,
    q_task_open_in_entry,
    q_timer_insert,
    q_timer_next,
    q_timer_due,
    q_timer_delete,
    q_timer_delete_task,
    q_timer_delete_instance,
    q_timer_count,
    q_event_insert,
    q_event_after,
    q_outbox_insert,
    q_outbox_all,
    q_outbox_by_status,
    q_outbox_update,
    q_outbox_ready,
    q_outbox_by_id,
    q_outbox_next_attempt,
    q_outbox_counts,
    q_meta_get,
    q_meta_set,
    q_school_holidays_delete_year,
    q_school_holiday_insert,
    q_school_holidays_all,
    q_event_last,
    q_event_count_after,
    q_token_insert,
    q_token_by_hash,
    q_token_all,
    q_token_revoke,
    q_data_version,
    q_count,
};

constexpr std::string_view kDefinitionColumns = "id, version, source_file, source_text";
constexpr std::string_view kMunicipalityColumns =
    "code, name, school_region, trajectory_start, trajectory_years, cycle_years, "
    "survey_every_years, report_due_month, report_due_day, language, workflows, dates, lists, "
    "herindeling_elections, settings, budget_lines, capacity_total_fte, capacity_regisseur_fte, "
    "events_season";
constexpr std::string_view kPersonColumns = "id, name, email, language";
constexpr std::string_view kAssignmentColumns =
    "id, municipality, role, person_id, from_date, until_date, fte";
constexpr std::string_view kInstanceColumns =
    "id, municipality, definition_id, definition_version, key, state, year_index, year_one, "
    "started_at, finished_at, state_entry, marks, lists, params";
constexpr std::string_view kTaskColumns =
    "id, instance_id, municipality, workflow, spec_id, key, state, state_entry, title_nl, "
    "title_en, role, item, due, status, remind_days, escalation_after_days, "
    "escalation_to_role, created_at, closed_at, closed_by, note, revision, revised_at";
constexpr std::string_view kTimerColumns =
    "id, due_at, kind, municipality, definition_id, instance_key, instance_id, task_id, "
    "lead_days, transition_index, state_entry, key";
constexpr std::string_view kEventColumns =
    "seq, at, municipality, instance_id, workflow, kind, state, from_state, task, title, role, "
    "person, due, lead_days, note";
constexpr std::string_view kOutboxColumns =
    "id, key, created_at, municipality, task_id, kind, role, person_id, recipient, language, "
    "lead_days, due, late, status, attempts, next_attempt_at, last_error, sent_at";

constexpr std::string_view kTokenColumns =
    "id, hash, role, municipalities, person_id, label, created_at, revoked_at, last_used_at, "
    "expires_at";

std::string select_from(std::string_view columns, std::string_view rest) {
    return "SELECT " + std::string{columns} + " " + std::string{rest};
}

std::string sql_of(Q q) {
    switch (q) {
        case q_begin:
            return "BEGIN IMMEDIATE";
        case q_commit:
            return "COMMIT";
        case q_definition_insert:
            return "INSERT INTO definitions(id, version, source_file, source_text) "
                   "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id, version) DO NOTHING";
        case q_definition_get:
            return select_from(kDefinitionColumns,
                               "FROM definitions WHERE id = ?1 AND version = ?2");
        case q_definition_all:
            return select_from(kDefinitionColumns, "FROM definitions ORDER BY id, version");
        case q_municipality_upsert:
            return "INSERT INTO municipalities(" + std::string{kMunicipalityColumns} +
                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
                   "?18, ?19) "
                   "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
                   "school_region = excluded.school_region, "
                   "trajectory_start = excluded.trajectory_start, "
                   "trajectory_years = excluded.trajectory_years, "
                   "cycle_years = excluded.cycle_years, "
                   "survey_every_years = excluded.survey_every_years, "
                   "report_due_month = excluded.report_due_month, "
                   "report_due_day = excluded.report_due_day, language = excluded.language, "
                   "workflows = excluded.workflows, dates = excluded.dates, "
                   "lists = excluded.lists, "
                   "herindeling_elections = excluded.herindeling_elections, "
                   "settings = excluded.settings, budget_lines = excluded.budget_lines, "
                   "capacity_total_fte = excluded.capacity_total_fte, "
                   "capacity_regisseur_fte = excluded.capacity_regisseur_fte, "
                   "events_season = excluded.events_season";
        case q_municipality_get:
            return select_from(kMunicipalityColumns, "FROM municipalities WHERE code = ?1");
        case q_municipality_all:
            return select_from(kMunicipalityColumns, "FROM municipalities ORDER BY code");
        case q_person_upsert:
            return "INSERT INTO people(id, name, email, language) VALUES (?1, ?2, ?3, ?4) "
                   "ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                   "email = excluded.email, language = excluded.language "
                   "WHERE people.erased_at IS NULL";  // an erased person stays erased
        case q_person_get:
            return select_from(kPersonColumns, "FROM people WHERE id = ?1");
        case q_person_all:
            return select_from(kPersonColumns, "FROM people ORDER BY id");
        case q_assignment_insert:
            // Adding an assignment that exists keeps an end date already recorded (a
            // leave announced through okoctl survives the config file) and takes a new FTE.
            return "INSERT INTO role_assignments(municipality, role, person_id, from_date, "
                   "until_date, fte) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                   "ON CONFLICT(municipality, role, person_id, from_date) "
                   "DO UPDATE SET until_date = coalesce(until_date, excluded.until_date), "
                   "fte = coalesce(excluded.fte, fte)";
        case q_assignment_find:
            return "SELECT id FROM role_assignments WHERE municipality = ?1 AND role = ?2 "
                   "AND person_id = ?3 AND from_date = ?4";
        case q_assignment_update:
            return "UPDATE role_assignments SET municipality = ?1, role = ?2, person_id = ?3, "
                   "from_date = ?4, until_date = ?5, fte = ?6 WHERE id = ?7";
        case q_assignment_list:
            return select_from(kAssignmentColumns,
                               "FROM role_assignments WHERE municipality = ?1 "
                               "ORDER BY role, person_id, from_date, id");
        case q_holders:
            // Ordered by the assignments' unique index, so no temporary b-tree is built
            // for each reminder; a person with two current periods in the role comes
            // twice, next to each other, and holders() keeps one.
            return "SELECT p.id, p.name, p.email, p.language "
                   "FROM role_assignments a JOIN people p ON p.id = a.person_id "
                   "WHERE a.municipality = ?1 AND a.role = ?2 AND a.from_date <= ?3 "
                   "AND (a.until_date IS NULL OR a.until_date >= ?3) ORDER BY a.person_id";
        case q_instance_insert:
            return "INSERT INTO instances(municipality, definition_id, definition_version, "
                   "key, state, year_index, year_one, started_at, finished_at, state_entry, "
                   "marks, lists, params) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
        case q_instance_update:
            return "UPDATE instances SET municipality = ?1, definition_id = ?2, "
                   "definition_version = ?3, key = ?4, state = ?5, year_index = ?6, "
                   "year_one = ?7, started_at = ?8, finished_at = ?9, state_entry = ?10, "
                   "marks = ?11, lists = ?12, params = ?13 WHERE id = ?14";
        case q_instance_get:
            return select_from(kInstanceColumns, "FROM instances WHERE id = ?1");
        case q_instance_find:
            return select_from(kInstanceColumns,
                               "FROM instances WHERE municipality = ?1 AND definition_id = ?2 "
                               "AND key = ?3");
        case q_instance_list:
            return select_from(kInstanceColumns,
                               "FROM instances WHERE municipality = ?1 ORDER BY id");
        case q_task_insert:
            return "INSERT INTO tasks(instance_id, municipality, workflow, spec_id, key, state, "
                   "state_entry, title_nl, title_en, role, item, due, status, remind_days, "
                   "escalation_after_days, escalation_to_role, created_at, closed_at, "
                   "closed_by, note, revision, revised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                   "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)";
        case q_task_update:
            return "UPDATE tasks SET instance_id = ?1, municipality = ?2, workflow = ?3, "
                   "spec_id = ?4, key = ?5, state = ?6, state_entry = ?7, title_nl = ?8, "
                   "title_en = ?9, role = ?10, item = ?11, due = ?12, status = ?13, "
                   "remind_days = ?14, escalation_after_days = ?15, escalation_to_role = ?16, "
                   "created_at = ?17, closed_at = ?18, closed_by = ?19, note = ?20, "
                   "revision = ?21, revised_at = ?22 WHERE id = ?23";
        case q_task_get:
            return select_from(kTaskColumns, "FROM tasks WHERE id = ?1");
        case q_task_key_taken:
            return "SELECT EXISTS (SELECT 1 FROM tasks WHERE instance_id = ?1 AND key = ?2)";
        case q_task_open_in_entry:
            return "SELECT EXISTS (SELECT 1 FROM tasks WHERE instance_id = ?1 AND state_entry = ?2 "
                   "AND status NOT IN ('done', 'skipped'))";
        case q_timer_insert:
            return "INSERT INTO timers(due_at, kind, municipality, definition_id, "
                   "instance_key, instance_id, task_id, lead_days, transition_index, "
                   "state_entry, key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                   "ON CONFLICT(key) DO NOTHING";
        case q_timer_next:
            return select_from(kTimerColumns, "FROM timers ORDER BY due_at, id LIMIT 1");
        case q_timer_due:
            return select_from(kTimerColumns,
                               "FROM timers WHERE due_at <= ?1 ORDER BY due_at, id LIMIT ?2");
        case q_timer_delete:
            return "DELETE FROM timers WHERE id = ?1";
        case q_timer_delete_task:
            return "DELETE FROM timers WHERE task_id = ?1";
        case q_timer_delete_instance:
            return "DELETE FROM timers WHERE instance_id = ?1";
        case q_timer_count:
            return "SELECT count(*) FROM timers";
        case q_event_insert:
            return "INSERT INTO events(at, municipality, instance_id, workflow, kind, state, "
                   "from_state, task, title, role, person, due, lead_days, note) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
        case q_event_after:
            return select_from(kEventColumns, "FROM events WHERE seq > ?1 ORDER BY seq LIMIT ?2");
        case q_outbox_insert:
            return "INSERT INTO outbox(key, created_at, municipality, task_id, kind, role, "
                   "person_id, recipient, language, lead_days, due, late, status, attempts, "
                   "next_attempt_at, last_error, sent_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                   "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) ON CONFLICT(key) DO NOTHING";
        // Ready-to-send first: NULL next_attempt_at sorts before any time.
        case q_outbox_all:
            return select_from(kOutboxColumns, "FROM outbox ORDER BY next_attempt_at, id LIMIT ?1");
        case q_outbox_by_status:
            return select_from(kOutboxColumns,
                               "FROM outbox WHERE status = ?1 ORDER BY next_attempt_at, id "
                               "LIMIT ?2");
        case q_outbox_update:
            return "UPDATE outbox SET key = ?1, created_at = ?2, municipality = ?3, "
                   "task_id = ?4, kind = ?5, role = ?6, person_id = ?7, recipient = ?8, "
                   "language = ?9, lead_days = ?10, due = ?11, late = ?12, status = ?13, "
                   "attempts = ?14, next_attempt_at = ?15, last_error = ?16, sent_at = ?17 "
                   "WHERE id = ?18";
        // Both use the (status, next_attempt_at) index; a never-tried item has NULL and
        // is ready at once.
        case q_outbox_ready:
            return select_from(kOutboxColumns,
                               "FROM outbox WHERE status = 'pending' AND (next_attempt_at IS NULL "
                               "OR next_attempt_at <= ?1) ORDER BY next_attempt_at, id LIMIT ?2");
        case q_outbox_by_id:
            return select_from(kOutboxColumns, "FROM outbox WHERE id = ?1");
        case q_outbox_next_attempt:
            return "SELECT coalesce(next_attempt_at, created_at) FROM outbox "
                   "WHERE status = 'pending' ORDER BY next_attempt_at, id LIMIT 1";
        case q_outbox_counts:
            return "SELECT status, count(*) FROM outbox GROUP BY status";
        case q_meta_get:
            return "SELECT value FROM meta WHERE key = ?1";
        case q_meta_set:
            return "INSERT INTO meta(key, value) VALUES (?1, ?2) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        case q_event_last:
            return "SELECT coalesce(max(seq), 0) FROM events";
        case q_event_count_after:
            return "SELECT count(*) FROM events WHERE seq > ?1";
        case q_school_holidays_delete_year:
            return "DELETE FROM school_holidays WHERE school_year = ?1";
        case q_school_holiday_insert:
            return "INSERT INTO school_holidays(school_year, name, region, first_day, last_day) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)";
        case q_school_holidays_all:
            return "SELECT name, region, first_day, last_day FROM school_holidays "
                   "ORDER BY first_day, region, id";
        case q_token_insert:
            return "INSERT INTO api_tokens(hash, role, municipalities, person_id, label, "
                   "created_at, revoked_at, last_used_at, expires_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
        case q_token_by_hash:
            return select_from(kTokenColumns, "FROM api_tokens WHERE hash = ?1");
        case q_token_all:
            return select_from(kTokenColumns, "FROM api_tokens ORDER BY id");
        case q_token_revoke:
            return "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1";
        case q_data_version:
            return "PRAGMA data_version";
        case q_count:
            break;
    }
    throw std::logic_error("sqlite_store: no SQL for query " + std::to_string(q));
}

// --- rows <-> structs -------------------------------------------------------------------
// Each read_* expects the columns in the order of the matching k*Columns list; each
// bind_* binds the non-id columns as ?1..?N in that order.

StoredDefinition read_definition(const SqliteStatement& s) {
    return StoredDefinition{s.column_text(0), s.column_int(1), s.column_text(2), s.column_text(3)};
}

void bind_municipality(SqliteStatement& s, const Municipality& m) {
    s.bind(1, m.code);
    s.bind(2, m.name);
    s.bind(3, m.school_region);
    s.bind(4, format_day(m.trajectory_start));
    s.bind(5, m.trajectory_years);
    s.bind(6, m.cycle_years);
    s.bind(7, m.survey_every_years);
    s.bind(8, m.report_due_month);
    s.bind(9, m.report_due_day);
    s.bind(10, to_string(m.language));
    s.bind(11, to_json(m.workflows));
    s.bind(12, dates_to_json(m.dates));
    s.bind(13, to_json(m.lists));
    json::array herindeling;
    for (const auto& d : m.herindeling_elections) herindeling.emplace_back(format_day(d));
    s.bind(14, json::serialize(herindeling));
    s.bind(15, to_json(m.settings));
    s.bind(16, budget_lines_to_json(m.budget_lines));
    s.bind(17, m.capacity.total_fte);
    s.bind(18, m.capacity.regisseur_fte);
    s.bind(19, fmt::format("{:02}-{:02}", m.events_season_month, m.events_season_day));
}

Municipality read_municipality(const SqliteStatement& s) {
    Municipality m;
    m.code = s.column_text(0);
    m.name = s.column_text(1);
    m.school_region = s.column_text(2);
    m.trajectory_start = parse_day(s.column_text(3), "municipalities.trajectory_start");
    m.trajectory_years = s.column_int(4);
    m.cycle_years = s.column_int(5);
    m.survey_every_years = s.column_int(6);
    m.report_due_month = s.column_int(7);
    m.report_due_day = s.column_int(8);
    m.language = parse_enum(parse_language, s.column_text(9), "municipalities.language");
    m.workflows =
        from_json<std::vector<std::string>>(s.column_text(10), "municipalities.workflows");
    m.dates = dates_from_json(s.column_text(11), "municipalities.dates");
    m.lists = from_json<Lists>(s.column_text(12), "municipalities.lists");
    for (const auto& day : from_json<std::vector<std::string>>(s.column_text(13),
                                                                "municipalities.herindeling_elections"))
        m.herindeling_elections.push_back(parse_day(day, "municipalities.herindeling_elections"));
    m.settings = from_json<std::map<std::string, int>>(s.column_text(14), "municipalities.settings");
    m.budget_lines = budget_lines_from_json(s.column_text(15));
    m.capacity.total_fte = s.column_double(16);
    m.capacity.regisseur_fte = s.column_double(17);
    const std::string season = s.column_text(18);
    if (season.size() != 5 || season[2] != '-')
        throw std::runtime_error("corrupt municipalities.events_season: '" + season + "'");
    m.events_season_month = std::stoi(season.substr(0, 2));
    m.events_season_day = std::stoi(season.substr(3, 2));
    return m;
}

Person read_person(const SqliteStatement& s) {
    return Person{s.column_text(0), s.column_text(1), s.column_text(2),
                  parse_enum(parse_language, s.column_text(3), "people.language")};
}

void bind_assignment(SqliteStatement& s, const RoleAssignment& a) {
    s.bind(1, a.municipality);
    s.bind(2, a.role);
    s.bind(3, a.person_id);
    s.bind(4, format_day(a.from));
    s.bind(5, format_day(a.until));
    s.bind(6, a.fte);
}

RoleAssignment read_assignment(const SqliteStatement& s) {
    RoleAssignment a;
    a.id = s.column_int64(0);
    a.municipality = s.column_text(1);
    a.role = s.column_text(2);
    a.person_id = s.column_text(3);
    a.from = parse_day(s.column_text(4), "role_assignments.from_date");
    if (auto until = s.column_optional_text(5))
        a.until = parse_day(*until, "role_assignments.until_date");
    a.fte = s.column_optional_double(6);
    return a;
}

void bind_instance(SqliteStatement& s, const Instance& i) {
    s.bind(1, i.municipality);
    s.bind(2, i.definition_id);
    s.bind(3, i.definition_version);
    s.bind(4, i.key);
    s.bind(5, i.state);
    s.bind(6, i.year_index);
    s.bind(7, format_day(i.year_one));
    s.bind(8, to_seconds(i.started_at));
    s.bind(9, to_seconds(i.finished_at));
    s.bind(10, i.state_entry);
    s.bind(11, marks_to_json(i.marks));
    s.bind(12, to_json(i.lists));
    s.bind(13, to_json(i.params));
}

Instance read_instance(const SqliteStatement& s) {
    Instance i;
    i.id = s.column_int64(0);
    i.municipality = s.column_text(1);
    i.definition_id = s.column_text(2);
    i.definition_version = s.column_int(3);
    i.key = s.column_text(4);
    i.state = s.column_text(5);
    i.year_index = s.column_int(6);
    i.year_one = parse_day(s.column_text(7), "instances.year_one");
    i.started_at = to_instant(s.column_int64(8));
    i.finished_at = to_instant(s.column_optional_int64(9));
    i.state_entry = s.column_int64(10);
    i.marks = marks_from_json(s.column_text(11), "instances.marks");
    i.lists = from_json<Lists>(s.column_text(12), "instances.lists");
    i.params = from_json<std::map<std::string, std::string>>(s.column_text(13), "instances.params");
    return i;
}

void bind_task(SqliteStatement& s, const Task& t) {
    s.bind(1, t.instance_id);
    s.bind(2, t.municipality);
    s.bind(3, t.workflow);
    s.bind(4, t.spec_id);
    s.bind(5, t.key);
    s.bind(6, t.state);
    s.bind(7, t.state_entry);
    s.bind(8, t.title.nl);
    s.bind(9, t.title.en);
    s.bind(10, t.role);
    s.bind(11, t.item);
    s.bind(12, to_seconds(t.due));
    s.bind(13, to_string(t.status));
    s.bind(14, to_json(t.remind_days));
    if (t.escalation) {
        s.bind(15, t.escalation->after_days);
        s.bind(16, t.escalation->to_role);
    } else {
        s.bind_null(15);
        s.bind_null(16);
    }
    s.bind(17, to_seconds(t.created_at));
    s.bind(18, to_seconds(t.closed_at));
    s.bind(19, t.closed_by);
    s.bind(20, t.note);
    s.bind(21, t.revision);
    s.bind(22, to_seconds(t.revised_at));
}

Task read_task(const SqliteStatement& s) {
    Task t;
    t.id = s.column_int64(0);
    t.instance_id = s.column_int64(1);
    t.municipality = s.column_text(2);
    t.workflow = s.column_text(3);
    t.spec_id = s.column_text(4);
    t.key = s.column_text(5);
    t.state = s.column_text(6);
    t.state_entry = s.column_int64(7);
    t.title = Text{s.column_text(8), s.column_text(9)};
    t.role = s.column_text(10);
    t.item = s.column_text(11);
    t.due = to_instant(s.column_optional_int64(12));
    t.status = parse_enum(parse_task_status, s.column_text(13), "tasks.status");
    t.remind_days = from_json<std::vector<int>>(s.column_text(14), "tasks.remind_days");
    if (!s.is_null(15)) t.escalation = Escalation{s.column_int(15), s.column_text(16)};
    t.created_at = to_instant(s.column_int64(17));
    t.closed_at = to_instant(s.column_optional_int64(18));
    t.closed_by = s.column_text(19);
    t.note = s.column_text(20);
    t.revision = s.column_int(21);
    t.revised_at = to_instant(s.column_optional_int64(22));
    return t;
}

void bind_timer(SqliteStatement& s, const Timer& t) {
    s.bind(1, to_seconds(t.due));
    s.bind(2, to_string(t.kind));
    s.bind(3, t.municipality);
    s.bind(4, t.definition_id);
    s.bind(5, t.instance_key);
    s.bind(6, id_or_null(t.instance_id));
    s.bind(7, id_or_null(t.task_id));
    s.bind(8, t.lead_days);
    s.bind(9, t.transition_index);
    s.bind(10, t.state_entry);
    s.bind(11, key_or_null(t.key));
}

Timer read_timer(const SqliteStatement& s) {
    Timer t;
    t.id = s.column_int64(0);
    t.due = to_instant(s.column_int64(1));
    t.kind = parse_enum(parse_timer_kind, s.column_text(2), "timers.kind");
    t.municipality = s.column_text(3);
    t.definition_id = s.column_text(4);
    t.instance_key = s.column_text(5);
    t.instance_id = s.column_int64(6);  // NULL reads as 0
    t.task_id = s.column_int64(7);
    t.lead_days = s.column_int(8);
    t.transition_index = s.column_int(9);
    t.state_entry = s.column_int64(10);
    t.key = s.column_text(11);
    return t;
}

void bind_event(SqliteStatement& s, const Event& e) {
    s.bind(1, to_seconds(e.at));
    s.bind(2, e.municipality);
    s.bind(3, e.instance_id);
    s.bind(4, e.workflow);
    s.bind(5, to_string(e.kind));
    s.bind(6, e.state);
    s.bind(7, e.from_state);
    s.bind(8, e.task);
    s.bind(9, e.title);
    s.bind(10, e.role);
    s.bind(11, e.person);
    s.bind(12, to_seconds(e.due));
    s.bind(13, e.lead_days);
    s.bind(14, e.note);
}

Event read_event(const SqliteStatement& s) {
    Event e;
    e.seq = s.column_int64(0);
    e.at = to_instant(s.column_int64(1));
    e.municipality = s.column_text(2);
    e.instance_id = s.column_int64(3);
    e.workflow = s.column_text(4);
    e.kind = parse_enum(parse_event_kind, s.column_text(5), "events.kind");
    e.state = s.column_text(6);
    e.from_state = s.column_text(7);
    e.task = s.column_text(8);
    e.title = s.column_text(9);
    e.role = s.column_text(10);
    e.person = s.column_text(11);
    e.due = to_instant(s.column_optional_int64(12));
    e.lead_days = s.column_int(13);
    e.note = s.column_text(14);
    return e;
}

void bind_outbox(SqliteStatement& s, const OutboxItem& o) {
    s.bind(1, key_or_null(o.key));
    s.bind(2, to_seconds(o.created_at));
    s.bind(3, o.municipality);
    s.bind(4, o.task_id);
    s.bind(5, to_string(o.kind));
    s.bind(6, o.role);
    s.bind(7, o.person_id);
    s.bind(8, o.recipient);
    s.bind(9, to_string(o.language));
    s.bind(10, o.lead_days);
    s.bind(11, to_seconds(o.due));
    s.bind(12, o.late ? 1 : 0);
    s.bind(13, to_string(o.status));
    s.bind(14, o.attempts);
    s.bind(15, to_seconds(o.next_attempt_at));
    s.bind(16, o.last_error);
    s.bind(17, to_seconds(o.sent_at));
}

OutboxItem read_outbox(const SqliteStatement& s) {
    OutboxItem o;
    o.id = s.column_int64(0);
    o.key = s.column_text(1);
    o.created_at = to_instant(s.column_int64(2));
    o.municipality = s.column_text(3);
    o.task_id = s.column_int64(4);
    o.kind = parse_enum(parse_outbox_kind, s.column_text(5), "outbox.kind");
    o.role = s.column_text(6);
    o.person_id = s.column_text(7);
    o.recipient = s.column_text(8);
    o.language = parse_enum(parse_language, s.column_text(9), "outbox.language");
    o.lead_days = s.column_int(10);
    o.due = to_instant(s.column_optional_int64(11));
    o.late = s.column_int(12) != 0;
    o.status = parse_enum(parse_outbox_status, s.column_text(13), "outbox.status");
    o.attempts = s.column_int(14);
    o.next_attempt_at = to_instant(s.column_optional_int64(15));
    o.last_error = s.column_text(16);
    o.sent_at = to_instant(s.column_optional_int64(17));
    return o;
}

template <typename T, typename Read>
std::optional<T> read_one(SqliteStatement& s, Read read) {
    if (!s.step()) return std::nullopt;
    return read(s);
}

template <typename T, typename Read>
std::vector<T> read_all(SqliteStatement& s, Read read) {
    std::vector<T> rows;
    while (s.step()) rows.push_back(read(s));
    return rows;
}

}  // namespace

// --- transactions -----------------------------------------------------------------------

// Rolls back in its destructor unless commit() ran. Detached (store_ == nullptr) once
// committed, or when the store is closed underneath it. The outermost one is a BEGIN
// IMMEDIATE ... COMMIT; one opened inside it is a SAVEPOINT that commit() releases into
// the outer transaction and the destructor rolls back to, leaving the outer one open.
class SqliteTransaction final : public StoreTransaction {
public:
    SqliteTransaction(SqliteStore& store, std::size_t depth) : store_(&store), depth_(depth) {}
    ~SqliteTransaction() override {
        if (!store_) return;
        auto& open = store_->open_transactions_;
        const auto self = std::find(open.begin(), open.end(), this);
        if (self == open.end()) return;
        // Anything still open inside this one goes with it.
        for (auto inner = self + 1; inner != open.end(); ++inner) (*inner)->detach();
        open.erase(self, open.end());
        store_->municipality_cache_.clear();  // it may hold rows this rollback undoes
        // SQLite may already have rolled back by itself (after SQLITE_FULL, say).
        if (!store_->db_.in_transaction()) return;
        // A step whose savepoint cannot be rolled back must not fold its half-done
        // writes into the group: then the whole group goes, and its commit() throws.
        if (depth_ == 0 || store_->db_.try_exec("ROLLBACK TO " + savepoint()) != SQLITE_OK)
            store_->db_.try_exec("ROLLBACK");
        else
            store_->db_.try_exec("RELEASE " + savepoint());
    }
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;

    void commit() override {
        if (!store_)
            throw std::logic_error(
                "StoreTransaction::commit: not open (committed already, or the store was "
                "closed)");
        if (store_->open_transactions_.back() != this)
            throw std::logic_error("StoreTransaction::commit: a transaction opened inside this one is still open");
        // On failure the transaction stays open and the destructor rolls back.
        if (depth_ == 0) {
            StatementUse s{store_->query(q_commit)};
            s->run();
        } else {
            StatementUse s{store_->query("RELEASE " + savepoint())};
            s->run();
        }
        store_->open_transactions_.pop_back();
        store_ = nullptr;
    }

    void detach() noexcept { store_ = nullptr; }

    std::string savepoint() const { return "okod_step_" + std::to_string(depth_); }

private:
    SqliteStore* store_;
    std::size_t depth_;  // 0: the outer transaction; n: the n-th savepoint inside it
};

// --- SqliteStore --------------------------------------------------------------------------

std::unique_ptr<SqliteStore> SqliteStore::open(const std::filesystem::path& file) {
    const std::string name = file.string();
    const bool is_file = !name.empty() && name != ":memory:";
    if (is_file && file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    std::unique_ptr<SqliteStore> store{new SqliteStore(SqliteDb{name}, name)};
    store->configure(is_file);
    store->migrate();
    store->changed_elsewhere();  // from here on, count other connections' commits
    return store;
}

SqliteStore::SqliteStore(SqliteDb db, std::string name)
    : db_(std::move(db)), name_(std::move(name)), queries_(q_count) {}

SqliteStore::~SqliteStore() {
    if (!open_transactions_.empty()) {
        for (auto* t : open_transactions_) t->detach();
        db_.try_exec("ROLLBACK");
    }
}

std::int64_t SqliteStore::rows_changed() const { return sqlite3_total_changes64(db_.handle()); }

int SqliteStore::latest_schema_version() { return static_cast<int>(sqlite_migrations().size()); }

void SqliteStore::configure(bool is_file) {
    // The busy timeout first, so that the pragmas below wait for other writers too.
    db_.set_busy_timeout(5000);
    if (is_file) {
        // WAL: readers (okoctl) never block the engine, and a commit is one append.
        SqliteStatement s = db_.prepare("PRAGMA journal_mode=WAL");
        const std::string mode = s.step() ? s.column_text(0) : std::string{};
        if (mode != "wal")
            throw std::runtime_error(name_ + ": cannot switch to WAL journal mode (got '" + mode +
                                     "')");
    }
    // A 16 MiB page cache (SQLite's default is 2 MiB): a group of steps touches pages
    // all over the task, timer and outbox indexes; with the small cache they were read
    // again and again and spilled into the WAL mid-transaction (BENCHMARKS.md, decade).
    // Checkpoint at 10,000 WAL pages (~40 MiB; SQLite's default is 1,000): a group of
    // steps writes ~1,000 pages, so with the default every group commit was followed by
    // a checkpoint copying each page again, with two more syncs (BENCHMARKS.md, peer).
    // Savepoint journals in memory (temp_store): each step of a group is a savepoint, and
    // SQLite copies every page a step first touches into that journal; as a temp file that
    // was 20 pwrite() calls a step, a third of the decade's time (BENCHMARKS.md, decade).
    // The journal only serves rolling back a step; durability is the WAL's.
    db_.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384; "
             "PRAGMA wal_autocheckpoint=10000; PRAGMA temp_store=MEMORY;");
}

int SqliteStore::schema_version() {
    SqliteStatement s = db_.prepare("PRAGMA user_version");
    return s.step() ? s.column_int(0) : 0;
}

void SqliteStore::migrate() {
    const auto migrations = sqlite_migrations();
    const int latest = latest_schema_version();
    auto refuse_if_newer = [&](int version) {
        if (version > latest)
            throw std::runtime_error(
                name_ + ": database schema version " + std::to_string(version) +
                " is newer than this okod understands (" + std::to_string(latest) +
                "); run a newer okod or use another database file");
    };
    refuse_if_newer(schema_version());
    for (;;) {
        // One transaction per migration, with its version bump: a crash mid-migration
        // leaves the previous version, and the next start runs that migration again.
        // The version is re-read under the write lock in case another process migrated.
        db_.exec("BEGIN IMMEDIATE");
        try {
            const int version = schema_version();
            refuse_if_newer(version);
            if (version == latest) {
                db_.exec("COMMIT");
                return;
            }
            try {
                db_.exec(migrations[static_cast<std::size_t>(version)]);
            } catch (const SqliteError& e) {
                throw SqliteError(e.code(),
                                  name_ + ": migration " + std::to_string(version + 1) +
                                      " failed: " + e.message(),
                                  e.sql());
            }
            db_.exec("PRAGMA user_version = " + std::to_string(version + 1));
            db_.exec("COMMIT");
        } catch (...) {
            if (db_.in_transaction()) db_.try_exec("ROLLBACK");
            throw;
        }
    }
}

SqliteStatement& SqliteStore::query(int which) {
    auto& slot = queries_[static_cast<std::size_t>(which)];
    if (!slot) slot.emplace(db_.prepare(sql_of(static_cast<Q>(which))));
    return *slot;
}

SqliteStatement& SqliteStore::query(const std::string& sql) {
    auto it = dynamic_queries_.find(sql);
    if (it == dynamic_queries_.end()) it = dynamic_queries_.emplace(sql, db_.prepare(sql)).first;
    return it->second;
}

std::unique_ptr<StoreTransaction> SqliteStore::begin() {
    auto transaction = std::make_unique<SqliteTransaction>(*this, open_transactions_.size());
    try {
        // BEGIN IMMEDIATE fails with SQLITE_BUSY when another writer holds the lock past
        // the busy timeout: then nothing is open and nothing is recorded.
        StatementUse s{query(open_transactions_.empty() ? sql_of(q_begin)
                                                        : "SAVEPOINT " + transaction->savepoint())};
        s->run();
        if (open_transactions_.empty()) forget_cache_if_changed_elsewhere();
    } catch (...) {
        if (open_transactions_.empty() && db_.in_transaction()) db_.try_exec("ROLLBACK");
        transaction->detach();
        throw;
    }
    open_transactions_.push_back(transaction.get());
    return transaction;
}

std::int64_t SqliteStore::data_version() {
    // Changes only when another connection commits (see the SQLite docs of PRAGMA
    // data_version); our own commits leave it as it is.
    StatementUse s{query(q_data_version)};
    return s->step() ? s->column_int64(0) : -1;
}

void SqliteStore::forget_cache_if_changed_elsewhere() {
    // Under the write lock: what data_version says now stays true until the commit.
    const std::int64_t version = data_version();
    if (version != cache_data_version_) municipality_cache_.clear();
    cache_data_version_ = version;
}

// --- definitions ------------------------------------------------------------------------

void SqliteStore::save_definition(const StoredDefinition& d) {
    StatementUse s{query(q_definition_insert)};
    s->bind(1, d.id);
    s->bind(2, d.version);
    s->bind(3, d.source_file);
    s->bind(4, d.source_text);
    s->run();
}

std::optional<StoredDefinition> SqliteStore::definition(const std::string& id, int version) {
    StatementUse s{query(q_definition_get)};
    s->bind(1, id);
    s->bind(2, version);
    return read_one<StoredDefinition>(*s, read_definition);
}

std::vector<StoredDefinition> SqliteStore::definitions() {
    StatementUse s{query(q_definition_all)};
    return read_all<StoredDefinition>(*s, read_definition);
}

// --- municipalities, people, assignments ------------------------------------------------

void SqliteStore::upsert_municipality(const Municipality& m) {
    municipality_cache_.erase(m.code);
    StatementUse s{query(q_municipality_upsert)};
    bind_municipality(*s, m);
    s->run();
}

std::optional<Municipality> SqliteStore::municipality(const std::string& code) {
    const bool cacheable = !open_transactions_.empty();
    if (cacheable)
        if (const auto cached = municipality_cache_.find(code); cached != municipality_cache_.end())
            return cached->second;
    StatementUse s{query(q_municipality_get)};
    s->bind(1, code);
    auto m = read_one<Municipality>(*s, read_municipality);
    if (m && cacheable) municipality_cache_.emplace(code, *m);
    return m;
}

std::vector<Municipality> SqliteStore::municipalities() {
    StatementUse s{query(q_municipality_all)};
    return read_all<Municipality>(*s, read_municipality);
}

void SqliteStore::upsert_person(const Person& p) {
    StatementUse s{query(q_person_upsert)};
    s->bind(1, p.id);
    s->bind(2, p.name);
    s->bind(3, p.email);
    s->bind(4, to_string(p.language));
    s->run();
}

std::optional<Person> SqliteStore::person(const std::string& id) {
    StatementUse s{query(q_person_get)};
    s->bind(1, id);
    return read_one<Person>(*s, read_person);
}

std::vector<Person> SqliteStore::people() {
    StatementUse s{query(q_person_all)};
    return read_all<Person>(*s, read_person);
}

std::int64_t SqliteStore::add_assignment(const RoleAssignment& a) {
    {
        StatementUse s{query(q_assignment_insert)};
        bind_assignment(*s, a);
        s->run();
    }
    StatementUse s{query(q_assignment_find)};
    s->bind(1, a.municipality);
    s->bind(2, a.role);
    s->bind(3, a.person_id);
    s->bind(4, format_day(a.from));
    if (!s->step())
        throw std::logic_error(
            "SqliteStore::add_assignment: the upserted row is not there");
    return s->column_int64(0);
}

void SqliteStore::update_assignment(const RoleAssignment& a) {
    StatementUse s{query(q_assignment_update)};
    bind_assignment(*s, a);
    s->bind(7, a.id);
    s->run();
    if (db_.changes() == 0)
        throw std::invalid_argument("SqliteStore::update_assignment: no assignment with id " +
                                    std::to_string(a.id));
}

std::vector<RoleAssignment> SqliteStore::assignments(const std::string& municipality) {
    StatementUse s{query(q_assignment_list)};
    s->bind(1, municipality);
    return read_all<RoleAssignment>(*s, read_assignment);
}

std::vector<Person> SqliteStore::holders(const std::string& municipality, const std::string& role,
                                         Date on) {
    StatementUse s{query(q_holders)};
    s->bind(1, municipality);
    s->bind(2, role);
    s->bind(3, format_day(on));
    std::vector<Person> people;
    while (s->step())
        if (people.empty() || people.back().id != s->column_text(0)) people.push_back(read_person(*s));
    return people;
}

// --- instances ----------------------------------------------------------------------------

InstanceId SqliteStore::insert_instance(const Instance& i) {
    StatementUse s{query(q_instance_insert)};
    bind_instance(*s, i);
    s->run();
    return db_.last_insert_rowid();
}

void SqliteStore::update_instance(const Instance& i) {
    StatementUse s{query(q_instance_update)};
    bind_instance(*s, i);
    s->bind(14, i.id);
    s->run();
    if (db_.changes() == 0)
        throw std::invalid_argument("SqliteStore::update_instance: no instance with id " +
                                    std::to_string(i.id));
}

std::optional<Instance> SqliteStore::instance(InstanceId id) {
    StatementUse s{query(q_instance_get)};
    s->bind(1, id);
    return read_one<Instance>(*s, read_instance);
}

std::optional<Instance> SqliteStore::find_instance(const std::string& municipality,
                                                   const std::string& definition_id,
                                                   const std::string& key) {
    StatementUse s{query(q_instance_find)};
    s->bind(1, municipality);
    s->bind(2, definition_id);
    s->bind(3, key);
    return read_one<Instance>(*s, read_instance);
}

std::vector<Instance> SqliteStore::instances(const std::string& municipality) {
    StatementUse s{query(q_instance_list)};
    s->bind(1, municipality);
    return read_all<Instance>(*s, read_instance);
}

// --- tasks --------------------------------------------------------------------------------

TaskId SqliteStore::insert_task(const Task& t) {
    StatementUse s{query(q_task_insert)};
    bind_task(*s, t);
    s->run();
    return db_.last_insert_rowid();
}

void SqliteStore::update_task(const Task& t) {
    StatementUse s{query(q_task_update)};
    bind_task(*s, t);
    s->bind(23, t.id);
    s->run();
    if (db_.changes() == 0)
        throw std::invalid_argument("SqliteStore::update_task: no task with id " +
                                    std::to_string(t.id));
}

std::optional<Task> SqliteStore::task(TaskId id) {
    StatementUse s{query(q_task_get)};
    s->bind(1, id);
    return read_one<Task>(*s, read_task);
}

bool SqliteStore::task_key_taken(InstanceId instance, const std::string& key) {
    StatementUse s{query(q_task_key_taken)};
    s->bind(1, instance);
    s->bind(2, key);
    return s->step() && s->column_int(0) != 0;
}

bool SqliteStore::has_open_task(InstanceId instance, std::int64_t state_entry) {
    StatementUse s{query(q_task_open_in_entry)};
    s->bind(1, instance);
    s->bind(2, state_entry);
    return s->step() && s->column_int(0) != 0;
}

std::vector<Task> SqliteStore::tasks(const TaskFilter& f) {
    // Parameters keep fixed numbers whatever the filter, so each of the (at most 128)
    // shapes is prepared once and cached.
    std::string sql = select_from(kTaskColumns, "FROM tasks WHERE 1 = 1");
    if (f.municipality) sql += " AND municipality = ?1";
    if (f.instance_id) sql += " AND instance_id = ?2";
    if (f.role) sql += " AND role = ?3";
    if (f.status) sql += " AND status = ?4";
    if (f.due_before) sql += " AND due < ?5";
    if (f.due_after) sql += " AND due >= ?6";
    if (f.closed_after) sql += " AND closed_at >= ?7";
    // Tasks without a due moment are the least urgent: they come last.
    sql += " ORDER BY due NULLS LAST, id";

    StatementUse s{query(sql)};
    if (f.municipality) s->bind(1, *f.municipality);
    if (f.instance_id) s->bind(2, *f.instance_id);
    if (f.role) s->bind(3, *f.role);
    if (f.status) s->bind(4, to_string(*f.status));
    if (f.due_before) s->bind(5, to_seconds(*f.due_before));
    if (f.due_after) s->bind(6, to_seconds(*f.due_after));
    if (f.closed_after) s->bind(7, to_seconds(*f.closed_after));
    return read_all<Task>(*s, read_task);
}

// --- timers -------------------------------------------------------------------------------

bool SqliteStore::add_timer(const Timer& t) {
    StatementUse s{query(q_timer_insert)};
    bind_timer(*s, t);
    s->run();
    return db_.changes() > 0;
}

std::optional<Timer> SqliteStore::next_timer() {
    StatementUse s{query(q_timer_next)};
    return read_one<Timer>(*s, read_timer);
}

std::vector<Timer> SqliteStore::due_timers(Instant now, int limit) {
    StatementUse s{query(q_timer_due)};
    s->bind(1, to_seconds(now));
    s->bind(2, limit);
    return read_all<Timer>(*s, read_timer);
}

void SqliteStore::delete_timer(std::int64_t id) {
    StatementUse s{query(q_timer_delete)};
    s->bind(1, id);
    s->run();
}

void SqliteStore::delete_task_timers(TaskId task) {
    StatementUse s{query(q_timer_delete_task)};
    s->bind(1, task);
    s->run();
}

void SqliteStore::delete_instance_timers(InstanceId instance) {
    StatementUse s{query(q_timer_delete_instance)};
    s->bind(1, instance);
    s->run();
}

std::int64_t SqliteStore::timer_count() {
    StatementUse s{query(q_timer_count)};
    return s->step() ? s->column_int64(0) : 0;
}

// --- events -------------------------------------------------------------------------------

std::int64_t SqliteStore::append_event(const Event& e) {
    StatementUse s{query(q_event_insert)};
    bind_event(*s, e);
    s->run();
    return db_.last_insert_rowid();
}

std::vector<Event> SqliteStore::events_after(std::int64_t seq, int limit) {
    StatementUse s{query(q_event_after)};
    s->bind(1, seq);
    s->bind(2, limit);
    return read_all<Event>(*s, read_event);
}

// --- outbox -------------------------------------------------------------------------------

bool SqliteStore::enqueue(const OutboxItem& item) {
    StatementUse s{query(q_outbox_insert)};
    bind_outbox(*s, item);
    s->run();
    return db_.changes() > 0;
}

std::vector<OutboxItem> SqliteStore::outbox(std::optional<OutboxStatus> status, int limit) {
    if (status) {
        StatementUse s{query(q_outbox_by_status)};
        s->bind(1, to_string(*status));
        s->bind(2, limit);
        return read_all<OutboxItem>(*s, read_outbox);
    }
    StatementUse s{query(q_outbox_all)};
    s->bind(1, limit);
    return read_all<OutboxItem>(*s, read_outbox);
}

void SqliteStore::update_outbox(const OutboxItem& item) {
    StatementUse s{query(q_outbox_update)};
    bind_outbox(*s, item);
    s->bind(18, item.id);
    s->run();
    if (db_.changes() == 0)
        throw std::invalid_argument("SqliteStore::update_outbox: no outbox item with id " +
                                    std::to_string(item.id));
}

std::vector<OutboxItem> SqliteStore::outbox_ready(Instant now, int limit) {
    StatementUse s{query(q_outbox_ready)};
    s->bind(1, to_seconds(now));
    s->bind(2, limit);
    return read_all<OutboxItem>(*s, read_outbox);
}

std::optional<OutboxItem> SqliteStore::outbox_item(std::int64_t id) {
    StatementUse s{query(q_outbox_by_id)};
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return read_outbox(*s);
}

std::optional<Instant> SqliteStore::next_outbox_attempt() {
    StatementUse s{query(q_outbox_next_attempt)};
    if (!s->step()) return std::nullopt;
    return to_instant(s->column_int64(0));
}

std::map<OutboxStatus, std::int64_t> SqliteStore::outbox_counts() {
    StatementUse s{query(q_outbox_counts)};
    std::map<OutboxStatus, std::int64_t> counts;
    while (s->step())
        counts[parse_enum(parse_outbox_status, s->column_text(0), "outbox.status")] = s->column_int64(1);
    return counts;
}

std::int64_t SqliteStore::last_event_seq() {
    StatementUse s{query(q_event_last)};
    return s->step() ? s->column_int64(0) : 0;
}

std::int64_t SqliteStore::count_events_after(std::int64_t seq) {
    StatementUse s{query(q_event_count_after)};
    s->bind(1, seq);
    return s->step() ? s->column_int64(0) : 0;
}

// --- meta ---------------------------------------------------------------------------------

bool SqliteStore::changed_elsewhere() {
    const std::int64_t now = data_version();
    const bool changed = data_version_ >= 0 && now != data_version_;
    data_version_ = now;
    return changed;
}

std::optional<std::string> SqliteStore::meta(const std::string& key) {
    StatementUse s{query(q_meta_get)};
    s->bind(1, key);
    if (!s->step()) return std::nullopt;
    return s->column_text(0);
}

void SqliteStore::set_meta(const std::string& key, const std::string& value) {
    StatementUse s{query(q_meta_set)};
    s->bind(1, key);
    s->bind(2, value);
    s->run();
}

// --- imported school holidays ----------------------------------------------------------

void SqliteStore::replace_school_holidays(const std::vector<SchoolHoliday>& holidays) {
    std::set<std::string> years;
    for (const auto& h : holidays) years.insert(school_year_of(h.first));
    for (const auto& year : years) {
        StatementUse s{query(q_school_holidays_delete_year)};
        s->bind(1, year);
        s->run();
    }
    for (const auto& h : holidays) {
        StatementUse s{query(q_school_holiday_insert)};
        s->bind(1, school_year_of(h.first));
        s->bind(2, h.name);
        s->bind(3, h.region);
        s->bind(4, format_day(h.first));
        s->bind(5, format_day(h.last));
        s->run();
    }
}

std::vector<SchoolHoliday> SqliteStore::imported_school_holidays() {
    StatementUse s{query(q_school_holidays_all)};
    return read_all<SchoolHoliday>(*s, [](const SqliteStatement& row) {
        return SchoolHoliday{row.column_text(0), row.column_text(1),
                             parse_day(row.column_text(2), "school_holidays.first_day"),
                             parse_day(row.column_text(3), "school_holidays.last_day")};
    });
}

// --- API tokens ---------------------------------------------------------------------------

namespace {

ApiToken read_token(const SqliteStatement& s) {
    ApiToken t;
    t.id = s.column_int64(0);
    t.hash = s.column_text(1);
    t.role = parse_enum(parse_api_role, s.column_text(2), "api_tokens.role");
    t.municipalities =
        from_json<std::vector<std::string>>(s.column_text(3), "api_tokens.municipalities");
    t.person_id = s.column_text(4);
    t.label = s.column_text(5);
    t.created_at = to_instant(s.column_int64(6));
    t.revoked_at = to_instant(s.column_optional_int64(7));
    t.last_used_at = to_instant(s.column_optional_int64(8));
    t.expires_at = to_instant(s.column_optional_int64(9));
    return t;
}

}  // namespace

std::int64_t SqliteStore::add_token(const ApiToken& t) {
    StatementUse s{query(q_token_insert)};
    s->bind(1, t.hash);
    s->bind(2, to_string(t.role));
    s->bind(3, to_json(t.municipalities));
    s->bind(4, t.person_id);
    s->bind(5, t.label);
    s->bind(6, to_seconds(t.created_at));
    s->bind(7, to_seconds(t.revoked_at));
    s->bind(8, to_seconds(t.last_used_at));
    s->bind(9, to_seconds(t.expires_at));
    s->run();
    return db_.last_insert_rowid();
}

std::optional<ApiToken> SqliteStore::token_by_hash(const std::string& hash) {
    StatementUse s{query(q_token_by_hash)};
    s->bind(1, hash);
    return read_one<ApiToken>(*s, read_token);
}

std::vector<ApiToken> SqliteStore::tokens() {
    StatementUse s{query(q_token_all)};
    return read_all<ApiToken>(*s, read_token);
}

bool SqliteStore::revoke_token(std::int64_t id, Instant at) {
    StatementUse s{query(q_token_revoke)};
    s->bind(1, id);
    s->bind(2, to_seconds(at));
    s->run();
    // SQLite counts a row the WHERE matched even when coalesce kept its value, so an
    // already revoked token still answers true.
    return db_.changes() > 0;
}

void SqliteStore::set_token_last_used(std::int64_t id, Instant at) {
    StatementUse s{query(std::string("UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1"))};
    s->bind(1, id);
    s->bind(2, to_seconds(at));
    s->run();
}

// --- year plans: activity statuses set by hand ---------------------------------------------
// Fixed SQL through the statement cache for run-time SQL: prepared once, like the rest.

namespace {

constexpr const char* kActivityStatusUpsert =
    "INSERT INTO activity_status(municipality, year, activity, light, remark, set_by, set_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(municipality, year, activity) DO UPDATE SET "
    "light = excluded.light, remark = excluded.remark, set_by = excluded.set_by, "
    "set_at = excluded.set_at";
constexpr const char* kActivityStatusSelect =
    "SELECT municipality, year, activity, light, remark, set_by, set_at FROM activity_status "
    "WHERE municipality = ?1 AND year = ?2 ORDER BY activity";

ActivityOverride read_activity_override(const SqliteStatement& s) {
    ActivityOverride o;
    o.municipality = s.column_text(0);
    o.year = s.column_int(1);
    o.activity = s.column_text(2);
    o.light = parse_enum(parse_traffic_light, s.column_text(3), "activity_status.light");
    o.remark = s.column_text(4);
    o.set_by = s.column_text(5);
    o.set_at = to_instant(s.column_int64(6));
    return o;
}

}  // namespace

void SqliteStore::set_activity_status(const ActivityOverride& o) {
    StatementUse s{query(std::string(kActivityStatusUpsert))};
    s->bind(1, o.municipality);
    s->bind(2, o.year);
    s->bind(3, o.activity);
    s->bind(4, to_string(o.light));
    s->bind(5, o.remark);
    s->bind(6, o.set_by);
    s->bind(7, to_seconds(o.set_at));
    s->run();
}

std::vector<ActivityOverride> SqliteStore::activity_overrides(const std::string& municipality, int year) {
    StatementUse s{query(std::string(kActivityStatusSelect))};
    s->bind(1, municipality);
    s->bind(2, year);
    return read_all<ActivityOverride>(*s, read_activity_override);
}

// --- survey results -----------------------------------------------------------------------
// Fixed SQL through the run-time statement cache, like the activity statuses above.

namespace {

constexpr const char* kMeasurementUpsert =
    "INSERT INTO measurements(municipality, indicator, population, year, value, source, "
    "imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
    "ON CONFLICT(municipality, indicator, population, year) DO UPDATE SET "
    "value = excluded.value, source = excluded.source, imported_at = excluded.imported_at";
constexpr const char* kMeasurementSelect =
    "SELECT municipality, indicator, population, year, value, source, imported_at "
    "FROM measurements WHERE municipality = ?1 ORDER BY indicator, population, year";

Measurement read_measurement(const SqliteStatement& s) {
    Measurement m;
    m.municipality = s.column_text(0);
    m.indicator = s.column_text(1);
    m.population = s.column_text(2);
    m.year = s.column_int(3);
    m.value = s.column_double(4);
    m.source = s.column_text(5);
    m.imported_at = to_instant(s.column_int64(6));
    return m;
}

}  // namespace

void SqliteStore::save_measurement(const Measurement& m) {
    StatementUse s{query(std::string(kMeasurementUpsert))};
    s->bind(1, m.municipality);
    s->bind(2, m.indicator);
    s->bind(3, m.population);
    s->bind(4, m.year);
    s->bind(5, m.value);
    s->bind(6, m.source);
    s->bind(7, to_seconds(m.imported_at));
    s->run();
}

std::vector<Measurement> SqliteStore::measurements(const std::string& municipality) {
    StatementUse s{query(std::string(kMeasurementSelect))};
    s->bind(1, municipality);
    return read_all<Measurement>(*s, read_measurement);
}


// --- the execution plan ---------------------------------------------------------------------
// Fixed SQL through the run-time statement cache, like the activity statuses above.

namespace {

constexpr const char* kActionColumns =
    "municipality, recommendation, intervention, relevance, feasibility, money_euros, fte, "
    "other_resources, expected_effectiveness, recognised, obstacles, period, responsible, priority, "
    "considerations, status, status_remark, created_at, updated_at";

// Binds ?1..?19 in kActionColumns order.
void bind_action(SqliteStatement& s, const ExecutionAction& a) {
    s.bind(1, a.municipality);
    s.bind(2, a.recommendation);
    s.bind(3, a.intervention);
    s.bind(4, a.relevance);
    s.bind(5, a.feasibility);
    s.bind(6, a.money_euros);
    s.bind(7, a.fte);
    s.bind(8, a.other_resources);
    s.bind(9, a.expected_effectiveness);
    s.bind(10, a.recognised ? 1 : 0);
    s.bind(11, a.obstacles);
    s.bind(12, a.period);
    s.bind(13, a.responsible);
    s.bind(14, to_string(a.priority));
    s.bind(15, a.considerations);
    s.bind(16, to_string(a.status));
    s.bind(17, a.status_remark);
    s.bind(18, to_seconds(a.created_at));
    s.bind(19, to_seconds(a.updated_at));
}

// Reads a row of "SELECT id, <kActionColumns>".
ExecutionAction read_action(const SqliteStatement& s) {
    ExecutionAction a;
    a.id = s.column_int64(0);
    a.municipality = s.column_text(1);
    a.recommendation = s.column_text(2);
    a.intervention = s.column_text(3);
    a.relevance = s.column_text(4);
    a.feasibility = s.column_text(5);
    a.money_euros = s.column_optional_int64(6);
    a.fte = s.column_optional_double(7);
    a.other_resources = s.column_text(8);
    a.expected_effectiveness = s.column_text(9);
    a.recognised = s.column_int(10) != 0;
    a.obstacles = s.column_text(11);
    a.period = s.column_text(12);
    a.responsible = s.column_text(13);
    a.priority = parse_enum(parse_priority, s.column_text(14), "execution_actions.priority");
    a.considerations = s.column_text(15);
    a.status = parse_enum(parse_traffic_light, s.column_text(16), "execution_actions.status");
    a.status_remark = s.column_text(17);
    a.created_at = to_instant(s.column_int64(18));
    a.updated_at = to_instant(s.column_int64(19));
    return a;
}

}  // namespace

std::int64_t SqliteStore::insert_execution_action(const ExecutionAction& a) {
    StatementUse s{query(fmt::format(
        "INSERT INTO execution_actions({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
        "?14, ?15, ?16, ?17, ?18, ?19)",
        kActionColumns))};
    bind_action(*s, a);
    s->run();
    return db_.last_insert_rowid();
}

void SqliteStore::update_execution_action(const ExecutionAction& a) {
    StatementUse s{query(std::string(
        "UPDATE execution_actions SET municipality = ?1, recommendation = ?2, intervention = ?3, "
        "relevance = ?4, feasibility = ?5, money_euros = ?6, fte = ?7, other_resources = ?8, "
        "expected_effectiveness = ?9, recognised = ?10, obstacles = ?11, period = ?12, responsible = ?13, "
        "priority = ?14, considerations = ?15, status = ?16, status_remark = ?17, created_at = ?18, "
        "updated_at = ?19 WHERE id = ?20"))};
    bind_action(*s, a);
    s->bind(20, a.id);
    s->run();
    if (db_.changes() == 0)  // as update_task: a lost update must not pass in silence
        throw std::invalid_argument("SqliteStore::update_execution_action: no action with id " +
                                    std::to_string(a.id));
}

bool SqliteStore::delete_execution_action(std::int64_t id) {
    StatementUse s{query(std::string("DELETE FROM execution_actions WHERE id = ?1"))};
    s->bind(1, id);
    s->run();
    return db_.changes() > 0;
}

std::optional<ExecutionAction> SqliteStore::execution_action(std::int64_t id) {
    StatementUse s{query(fmt::format("SELECT id, {} FROM execution_actions WHERE id = ?1", kActionColumns))};
    s->bind(1, id);
    return read_one<ExecutionAction>(*s, read_action);
}

std::vector<ExecutionAction> SqliteStore::execution_actions(const std::string& municipality) {
    StatementUse s{query(
        fmt::format("SELECT id, {} FROM execution_actions WHERE municipality = ?1 ORDER BY id", kActionColumns))};
    s->bind(1, municipality);
    return read_all<ExecutionAction>(*s, read_action);
}

namespace sqlite_rows {
const std::string_view event_columns = kEventColumns;
const std::string_view outbox_columns = kOutboxColumns;
Event read_event(const SqliteStatement& s) { return okod::read_event(s); }
OutboxItem read_outbox(const SqliteStatement& s) { return okod::read_outbox(s); }
}  // namespace sqlite_rows

}  // namespace okod
