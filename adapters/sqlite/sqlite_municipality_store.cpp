// SqliteStore: the municipalities okod serves (model/store/municipality_store.hpp),
// with the cache of rows read inside a transaction (see sqlite_store.hpp).
#include <fmt/format.h>

#include "adapters/sqlite/sqlite_store.hpp"
#include "adapters/sqlite/sqlite_values.hpp"

namespace okod {
namespace {

using namespace sqlite_values;

constexpr std::string_view kColumns =
    "code, name, school_region, trajectory_start, trajectory_years, cycle_years, "
    "survey_every_years, report_due_month, report_due_day, language, workflows, dates, lists, "
    "herindeling_elections, settings, budget_lines, capacity_total_fte, capacity_regisseur_fte, "
    "events_season";

const StoreSql kUpsert{
    std::string("INSERT INTO municipalities(") + std::string{kColumns} +
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
    "events_season = excluded.events_season"};
const StoreSql kByCode{select_from(kColumns, "FROM municipalities WHERE code = ?1")};
const StoreSql kAll{select_from(kColumns, "FROM municipalities ORDER BY code")};
const StoreSql kSnapshot{"SELECT fingerprint, codes FROM config_snapshot WHERE id = 1"};
const StoreSql kSaveSnapshot{
    "INSERT INTO config_snapshot(id, fingerprint, codes) VALUES (1, ?1, ?2) "
    "ON CONFLICT(id) DO UPDATE SET fingerprint = excluded.fingerprint, codes = excluded.codes"};
const StoreSql kAfter{
    select_from(kColumns, "FROM municipalities WHERE code > ?1 ORDER BY code LIMIT ?2")};
const StoreSql kCodes{"SELECT code FROM municipalities ORDER BY code"};
const StoreSql kExists{"SELECT EXISTS (SELECT 1 FROM municipalities WHERE code = ?1)"};

using Lists = std::map<std::string, std::vector<std::string>>;

std::string dates_to_json(const std::map<std::string, Date>& dates) {
    boost::json::object o;
    for (const auto& [name, day] : dates) o[name] = format_day(day);
    return boost::json::serialize(o);
}

std::map<std::string, Date> dates_from_json(const std::string& text, const char* column) {
    std::map<std::string, Date> dates;
    for (const auto& [name, day] : from_json<std::map<std::string, std::string>>(text, column))
        dates.emplace(name, parse_day(day, column));
    return dates;
}

std::string budget_lines_to_json(const std::vector<BudgetLine>& lines) {
    boost::json::array out;
    for (const auto& b : lines) {
        boost::json::object o;
        o["id"] = b.id;
        o["name"] = b.name;
        if (b.amount) o["amount"] = *b.amount;
        o["until"] = format_day(b.until);
        out.push_back(std::move(o));
    }
    return boost::json::serialize(out);
}

std::vector<BudgetLine> budget_lines_from_json(const std::string& text) {
    constexpr const char* column = "municipalities.budget_lines";
    std::vector<BudgetLine> lines;
    try {
        const boost::json::value parsed = boost::json::parse(text);  // outlives the loop over it
        for (const auto& v : parsed.as_array()) {
            const auto& o = v.as_object();
            BudgetLine b;
            b.id = boost::json::value_to<std::string>(o.at("id"));
            b.name = boost::json::value_to<std::string>(o.at("name"));
            if (const auto* amount = o.if_contains("amount"))
                b.amount = amount->to_number<double>();
            b.until = parse_day(boost::json::value_to<std::string>(o.at("until")), column);
            lines.push_back(std::move(b));
        }
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("corrupt JSON in ") + column + ": " + e.what());
    }
    return lines;
}

// The holiday choices ride in the settings column under names no definition setting
// can have (they hold a dot), so no migration is needed; read_municipality takes them
// out again. Absent (a store written before them): the defaults.
constexpr std::string_view kGoodFridayKey = "holidays.goede_vrijdag";
constexpr std::string_view kLiberationDayKey = "holidays.bevrijdingsdag";

std::string settings_with_holidays(const Municipality& m) {
    auto settings = m.settings;
    settings[std::string(kGoodFridayKey)] = m.holidays.good_friday ? 1 : 0;
    settings[std::string(kLiberationDayKey)] = static_cast<int>(m.holidays.liberation_day);
    return to_json(settings);
}

HolidayRules take_holidays(std::map<std::string, int>& settings) {
    HolidayRules h;
    if (auto it = settings.find(std::string(kGoodFridayKey)); it != settings.end()) {
        h.good_friday = it->second != 0;
        settings.erase(it);
    }
    if (auto it = settings.find(std::string(kLiberationDayKey)); it != settings.end()) {
        if (it->second >= 0 && it->second <= static_cast<int>(LiberationDay::never))
            h.liberation_day = static_cast<LiberationDay>(it->second);
        settings.erase(it);
    }
    return h;
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
    boost::json::array herindeling;
    for (const auto& d : m.herindeling_elections) herindeling.emplace_back(format_day(d));
    s.bind(14, boost::json::serialize(herindeling));
    s.bind(15, settings_with_holidays(m));
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
    for (const auto& day : from_json<std::vector<std::string>>(
             s.column_text(13), "municipalities.herindeling_elections"))
        m.herindeling_elections.push_back(parse_day(day, "municipalities.herindeling_elections"));
    m.settings =
        from_json<std::map<std::string, int>>(s.column_text(14), "municipalities.settings");
    m.holidays = take_holidays(m.settings);
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

}  // namespace

void SqliteStore::upsert_municipality(const Municipality& m) {
    municipality_cache_.erase(m.code);
    StatementUse s{query(kUpsert)};
    bind_municipality(*s, m);
    s->run();
}

std::optional<Municipality> SqliteStore::municipality(const std::string& code) {
    const bool cacheable = !open_transactions_.empty();
    if (cacheable)
        if (const auto cached = municipality_cache_.find(code); cached != municipality_cache_.end())
            return cached->second;
    StatementUse s{query(kByCode)};
    bind_all(*s, code);
    auto m = read_one<Municipality>(*s, read_municipality);
    if (m && cacheable) municipality_cache_.emplace(code, *m);
    return m;
}

std::vector<Municipality> SqliteStore::all_municipalities() {
    StatementUse s{query(kAll)};
    return read_all<Municipality>(*s, read_municipality);
}

std::optional<ConfigSnapshot> SqliteStore::config_snapshot() {
    StatementUse s{query(kSnapshot)};
    if (!s->step()) return std::nullopt;
    return ConfigSnapshot{s->column_text(0), from_json<std::vector<std::string>>(
                                                 s->column_text(1), "config_snapshot.codes")};
}

void SqliteStore::save_config_snapshot(const ConfigSnapshot& snapshot) {
    StatementUse s{query(kSaveSnapshot)};
    boost::json::array codes;
    for (const auto& code : snapshot.codes) codes.emplace_back(code);
    bind_all(*s, snapshot.fingerprint, boost::json::serialize(codes));
    s->run();
}

std::vector<Municipality> SqliteStore::municipalities_after(const std::string& code, int limit) {
    StatementUse s{query(kAfter)};
    bind_all(*s, code, limit);
    return read_all<Municipality>(*s, read_municipality);
}

std::vector<std::string> SqliteStore::municipality_codes() {
    StatementUse s{query(kCodes)};
    return read_all<std::string>(*s, [](const SqliteStatement& row) { return row.column_text(0); });
}

bool SqliteStore::has_municipality(const std::string& code) {
    StatementUse s{query(kExists)};
    bind_all(*s, code);
    return read_number(*s) != 0;
}

}  // namespace okod
