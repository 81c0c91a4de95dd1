#include "adapters/config/config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "adapters/config/mail_section.hpp"
#include "adapters/config/oidc_section.hpp"
#include "adapters/config/public_url.hpp"
#include "adapters/config/settings_overlay.hpp"
#include "adapters/toml/toml_fields.hpp"
#include "model/input_rules.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

namespace fs = std::filesystem;

// "MM-DD" into month and day; 2000 is a leap year, so 02-29 is allowed.
std::optional<Date> month_day(const std::string& text) { return parse_date("2000-" + text); }

// Elections, settings and the success conditions okod watches.
void read_elections_and_conditions(TomlFields& f, const toml::table& t, Municipality& m) {
    if (const toml::array* days = f.optional_array(t, "herindeling_elections")) {
        for (const auto& node : *days) {
            auto d = f.date_value(node, "herindeling_elections");
            if (!d) continue;
            // A merger takes effect on 1 January; its council is elected in November.
            if (d->month() != date::November)
                f.error(&node, fmt::format("a herindeling election is held in November, not on {}",
                                           format_date(*d)));
            else
                m.herindeling_elections.push_back(*d);
        }
        std::sort(m.herindeling_elections.begin(), m.herindeling_elections.end());
    }
    if (const toml::table* settings = f.optional_table(t, "settings"))
        for (const auto& [key, node] : *settings)
            m.settings[std::string(key.str())] = f.integer_in(*settings, key.str(), 0, 0, 3650);
    if (const toml::table* cap = f.optional_table(t, "capacity")) {
        f.allow_only(*cap, "[capacity]", {"total_fte", "regisseur_fte"});
        if (auto v = f.number_in(*cap, "total_fte", 0.0, 100.0)) m.capacity.total_fte = *v;
        if (auto v = f.number_in(*cap, "regisseur_fte", 0.0, 10.0)) m.capacity.regisseur_fte = *v;
    }
    if (auto season = f.optional_string(t, "events_season_start")) {
        if (auto d = month_day(*season)) {
            m.events_season_month = static_cast<int>(static_cast<unsigned>(d->month()));
            m.events_season_day = static_cast<int>(static_cast<unsigned>(d->day()));
        } else {
            f.error(t["events_season_start"].node(),
                    fmt::format("events_season_start must be MM-DD, not '{}'", *season));
        }
    }
    if (const toml::table* h = f.optional_table(t, "holidays")) {
        f.allow_only(*h, "[holidays]", {"goede_vrijdag", "bevrijdingsdag"});
        if (const auto* node = (*h)["goede_vrijdag"].node()) {
            if (const auto* b = node->as_boolean())
                m.holidays.good_friday = b->get();
            else
                f.error(node, "goede_vrijdag must be true or false");
        }
        if (auto text = f.optional_string(*h, "bevrijdingsdag")) {
            if (auto d = parse_liberation_day(*text))
                m.holidays.liberation_day = *d;
            else
                f.error((*h)["bevrijdingsdag"].node(),
                        fmt::format("bevrijdingsdag must be \"every_year\", \"lustrum\" or "
                                    "\"never\", not '{}'",
                                    *text));
        }
    }
    if (const toml::array* lines = f.optional_array(t, "budget_lines")) {
        for (const auto& node : *lines) {
            const toml::table* bt = node.as_table();
            if (!bt) {
                f.error(&node, "each [[budget_lines]] entry must be a table");
                continue;
            }
            f.allow_only(*bt, "budget line", {"id", "name", "amount", "until"});
            BudgetLine b;
            b.id = f.required_string(*bt, "id");
            b.name = f.required_string(*bt, "name");
            b.amount = f.number_in(*bt, "amount", 0.0, 1e12);
            if (auto d = f.required_date(*bt, "until")) b.until = *d;
            for (const auto& other : m.budget_lines)
                if (!b.id.empty() && other.id == b.id)
                    f.error((*bt)["id"].node(),
                            fmt::format("budget line id '{}' is used twice", b.id));
            m.budget_lines.push_back(std::move(b));
        }
    }
}

void read_municipality(const fs::path& file, Config& c, std::vector<LoadError>& errors) {
    TomlFields f(file.string(), errors);
    auto doc = f.parse_file();
    if (!doc) return;
    // The store's settings win over the file's (issue 19): checked by the same rules.
    const auto code = (*doc)["code"].value<std::string>();
    const auto stored = std::find_if(c.stored_settings.begin(), c.stored_settings.end(),
                                     [&](const auto& s) { return code && s.code == *code; });
    if (stored != c.stored_settings.end()) {
        doc = overlay_settings(*doc, file, *stored, errors);
        if (!doc) return;
    }
    const toml::table& t = *doc;
    f.allow_only(t, "municipality",
                 {"code", "name", "school_region", "trajectory_start", "trajectory_years",
                  "cycle_years", "survey_every_years", "report_due", "language", "workflows",
                  "dates", "lists", "people", "herindeling_elections", "settings", "budget_lines",
                  "capacity", "events_season_start", "holidays"});

    Municipality m;
    m.code = f.required_string(t, "code");
    if (!m.code.empty() && !is_cbs_code(m.code))
        f.error(t["code"].node(),
                fmt::format("'{}' is not a CBS municipality code (GM + 4 digits)", m.code));
    m.name = f.required_string(t, "name");
    if (auto problem = text_problem("name", m.name)) f.error(t["name"].node(), *problem);
    m.school_region = f.required_string(t, "school_region");
    if (!m.school_region.empty() && !is_school_region(m.school_region))
        f.error(
            t["school_region"].node(),
            fmt::format("school_region must be noord, midden or zuid, not '{}'", m.school_region));
    if (auto d = f.required_date(t, "trajectory_start")) m.trajectory_start = *d;
    m.trajectory_years = f.integer_in(t, "trajectory_years", 4, 1, 20);
    m.cycle_years = f.integer_in(t, "cycle_years", 1, 1, 2);
    m.survey_every_years = f.integer_in(t, "survey_every_years", 2, 1, 4);
    if (auto due = f.optional_string(t, "report_due")) {
        auto d = month_day(*due);
        if (!d)
            f.error(t["report_due"].node(),
                    fmt::format("report_due must be MM-DD, not '{}'", *due));
        else {
            m.report_due_month = static_cast<int>(static_cast<unsigned>(d->month()));
            m.report_due_day = static_cast<int>(static_cast<unsigned>(d->day()));
        }
    }
    if (auto lang = f.optional_string(t, "language")) {
        if (auto l = parse_language(*lang))
            m.language = *l;
        else
            f.error(t["language"].node(),
                    fmt::format("language must be nl or en, not '{}'", *lang));
    }
    m.workflows = f.string_array(t, "workflows");
    if (const toml::table* dates = f.optional_table(t, "dates"))
        for (const auto& [key, node] : *dates)
            if (auto d = f.date_value(node, std::string(key.str())))
                m.dates[std::string(key.str())] = *d;
    if (const toml::table* lists = f.optional_table(t, "lists"))
        for (const auto& [key, node] : *lists)
            m.lists[std::string(key.str())] = f.string_array(*lists, key.str());

    read_elections_and_conditions(f, t, m);

    if (const toml::array* people = f.optional_array(t, "people")) {
        for (const auto& node : *people) {
            const toml::table* pt = node.as_table();
            if (!pt) {
                f.error(&node, "each [[people]] entry must be a table");
                continue;
            }
            f.allow_only(*pt, "person", {"id", "name", "email", "language", "roles"});
            Person p;
            p.id = f.required_string(*pt, "id");
            p.name = f.required_string(*pt, "name");
            p.email = f.optional_string(*pt, "email").value_or("");
            // The rules the API and okoctl apply to a person (model/input_rules.hpp).
            for (const auto& [key, problem] :
                 {std::pair{"id", text_problem("id", p.id)},
                  std::pair{"name", text_problem("name", p.name)},
                  std::pair{"email",
                            p.email.empty() ? std::nullopt : email_problem("email", p.email)}})
                if (problem) f.error((*pt)[key].node(), *problem);
            if (auto lang = f.optional_string(*pt, "language")) {
                if (auto l = parse_language(*lang))
                    p.language = *l;
                else
                    f.error((*pt)["language"].node(), "language must be nl or en");
            }
            if (const toml::array* roles = f.optional_array(*pt, "roles")) {
                for (const auto& rn : *roles) {
                    const toml::table* rt = rn.as_table();
                    if (!rt) {
                        f.error(&rn, "each role must be a table { role = ..., from = ... }");
                        continue;
                    }
                    f.allow_only(*rt, "role", {"role", "from", "until", "fte"});
                    RoleAssignment a;
                    a.municipality = m.code;
                    a.role = f.required_string(*rt, "role");
                    a.person_id = p.id;
                    if (auto d = f.required_date(*rt, "from")) a.from = *d;
                    if ((*rt)["until"]) a.until = f.date_value(*(*rt)["until"].node(), "until");
                    a.fte = f.number_in(*rt, "fte", 0.0, 1.5);
                    c.assignments.push_back(a);
                }
            }
            c.memberships.push_back({p.id, m.code});
            c.people.push_back(p);
        }
    }
    c.municipality_files[m.code] = file;
    c.municipalities.push_back(std::move(m));
}

}  // namespace

fs::path default_config_path() {
    if (const char* env = std::getenv("OKOD_CONFIG"); env && *env) return env;
    return fs::path(OKOD_SYSCONFDIR) / "okod.toml";
}

ConfigResult load_settings(const fs::path& file) {
    ConfigResult result;
    auto& errors = result.errors;
    TomlFields f(file.string(), errors);
    auto doc = f.parse_file();
    if (!doc) return result;
    const toml::table& t = *doc;
    const fs::path base = fs::absolute(file).parent_path();
    f.allow_only(t, "okod.toml",
                 {"store", "definitions", "calendar", "engine", "municipalities", "mail", "outbox",
                  "http", "reports", "privacy", "auth", "oidc"});

    Config c;
    c.file = file;
    if (const toml::table* store = f.optional_table(t, "store")) {
        f.allow_only(*store, "[store]", {"path"});
        c.store_path = resolve_config_path(base, f.required_string(*store, "path"));
    } else {
        f.error(&t, "missing [store] table with path = \"...\"");
    }
    if (const toml::table* defs = f.optional_table(t, "definitions")) {
        f.allow_only(*defs, "[definitions]", {"dir"});
        c.definitions_dir = resolve_config_path(base, f.required_string(*defs, "dir"));
    } else {
        c.definitions_dir = fs::path(OKOD_DATADIR) / "definitions";
    }
    if (const toml::table* cal = f.optional_table(t, "calendar")) {
        f.allow_only(*cal, "[calendar]", {"school_holidays"});
        if (auto p = f.optional_string(*cal, "school_holidays"))
            c.school_holidays_file = resolve_config_path(base, *p);
    }
    if (const toml::table* eng = f.optional_table(t, "engine")) {
        f.allow_only(*eng, "[engine]", {"due_time", "reminder_time", "language"});
        if (auto v = f.optional_time(*eng, "due_time")) c.engine.due_time = *v;
        if (auto v = f.optional_time(*eng, "reminder_time")) c.engine.reminder_time = *v;
        if (auto lang = f.optional_string(*eng, "language")) {
            if (auto l = parse_language(*lang))
                c.language = *l;
            else
                f.error((*eng)["language"].node(), "language must be nl or en");
        }
    }
    if (const toml::table* mun = f.optional_table(t, "municipalities")) {
        f.allow_only(*mun, "[municipalities]", {"dir", "plans_dir"});
        c.municipalities_dir = resolve_config_path(base, f.required_string(*mun, "dir"));
        if (auto plans = f.optional_string(*mun, "plans_dir")) {
            c.plans_dir = resolve_config_path(base, *plans);
            std::error_code plans_ec;  // a plans_dir that is named must exist; the default may not
            if (!fs::is_directory(c.plans_dir, plans_ec))
                f.error((*mun)["plans_dir"].node(),
                        fmt::format("plans_dir '{}' does not exist", c.plans_dir.string()));
        }
    } else {
        f.error(&t, "missing [municipalities] table with dir = \"...\"");
    }
    c.mail = read_mail_section(f, t, base, c.store_path.parent_path() / "mail");
    if (const toml::table* http = f.optional_table(t, "http")) {
        f.allow_only(*http, "[http]",
                     {"enabled", "address", "port", "max_body_kib", "header_timeout_seconds",
                      "read_timeout_seconds", "idle_timeout_seconds", "max_connections",
                      "max_connections_per_client", "read_threads", "public_url"});
        c.http.enabled = true;
        if (const auto* on = (*http)["enabled"].node()) {
            if (const auto* b = on->as_boolean())
                c.http.enabled = b->get();
            else
                f.error(on, "enabled must be true or false");
        }
        if (auto a = f.optional_string(*http, "address")) c.http.address = *a;
        c.http.port = f.integer_in(*http, "port", c.http.port, 1, 65535);
        c.http.max_body_kib =
            f.integer_in(*http, "max_body_kib", c.http.max_body_kib, 1, 16 * 1024);
        c.http.read_timeout_seconds =
            f.integer_in(*http, "read_timeout_seconds", c.http.read_timeout_seconds, 1, 600);
        c.http.idle_timeout_seconds =
            f.integer_in(*http, "idle_timeout_seconds", c.http.idle_timeout_seconds, 1, 3600);
        c.http.max_connections =
            f.integer_in(*http, "max_connections", c.http.max_connections, 1, 10000);
        c.http.header_timeout_seconds =
            f.integer_in(*http, "header_timeout_seconds", c.http.header_timeout_seconds, 1, 600);
        // Behind a proxy every connection comes from the proxy's address: by default one
        // address may use every place.
        c.http.max_connections_per_client = f.integer_in(
            *http, "max_connections_per_client", c.http.max_connections, 1, c.http.max_connections);
        c.http.read_threads = f.integer_in(*http, "read_threads", c.http.read_threads, 0, 64);
        if (auto url = f.optional_string(*http, "public_url")) {
            if (auto problem = public_url_problem(*url))
                f.error((*http)["public_url"].node(), *problem);
            else
                c.http.public_url = normalised_public_url(*url);
        }
    }
    c.reports.dir = c.store_path.parent_path() / "reports";
    if (const toml::table* reports = f.optional_table(t, "reports")) {
        f.allow_only(*reports, "[reports]", {"dir", "pdf"});
        if (auto d = f.optional_string(*reports, "dir"))
            c.reports.dir = resolve_config_path(base, *d);
        if (const auto* pdf = (*reports)["pdf"].node()) {
            if (const auto* b = pdf->as_boolean())
                c.reports.pdf = b->get();
            else
                f.error(pdf, "pdf must be true or false");
        }
    }
    if (const toml::table* privacy = f.optional_table(t, "privacy")) {
        f.allow_only(*privacy, "[privacy]", {"mail_retention_months"});
        c.privacy.mail_retention_months = f.integer_in(*privacy, "mail_retention_months",
                                                       c.privacy.mail_retention_months, 1, 120);
    }
    c.oidc = read_oidc_section(f, t, base);
    if (const toml::table* auth = f.optional_table(t, "auth")) {
        f.allow_only(*auth, "[auth]",
                     {"session_idle_minutes", "session_max_minutes", "link_minutes", "admins"});
        constexpr int kWeek = 7 * 24 * 60;
        c.auth.session_max_minutes =
            f.integer_in(*auth, "session_max_minutes", c.auth.session_max_minutes, 5, kWeek);
        c.auth.session_idle_minutes =
            f.integer_in(*auth, "session_idle_minutes",
                         std::min(c.auth.session_idle_minutes, c.auth.session_max_minutes), 5,
                         c.auth.session_max_minutes);
        c.auth.link_minutes = f.integer_in(*auth, "link_minutes", c.auth.link_minutes, 1, 24 * 60);
        c.auth.admins = f.string_array(*auth, "admins");
        for (const auto& a : c.auth.admins)
            if (a.find('@') == std::string::npos)
                f.error((*auth)["admins"].node(),
                        fmt::format("admins lists e-mail addresses; '{}' is not one", a));
    }
    if (c.plans_dir.empty()) c.plans_dir = c.municipalities_dir / "plans";
    if (!errors.empty()) return result;
    result.config = std::move(c);
    return result;
}

bool load_municipalities(Config& c, std::vector<LoadError>& errors) {
    std::error_code ec;
    if (!fs::is_directory(c.municipalities_dir, ec)) {
        errors.push_back(
            {c.file.string(), 0, 0,
             fmt::format("municipalities dir '{}' does not exist", c.municipalities_dir.string())});
        return false;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(c.municipalities_dir))
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& mf : files) read_municipality(mf, c, errors);

    // Codes and person ids are keys: a second one would silently merge two records.
    std::set<std::string> codes, person_ids;
    for (const auto& m : c.municipalities)
        if (!codes.insert(m.code).second)
            errors.push_back({c.municipalities_dir.string(), 0, 0,
                              fmt::format("municipality {} is configured twice", m.code)});
    for (const auto& p : c.people)
        if (!person_ids.insert(p.id).second)
            errors.push_back({c.municipalities_dir.string(), 0, 0,
                              fmt::format("person id '{}' is used twice", p.id)});
    if (!errors.empty()) return false;
    std::sort(c.municipalities.begin(), c.municipalities.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    std::sort(c.people.begin(), c.people.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    return load_plans(c, errors);
}

bool load_plans(Config& c, std::vector<LoadError>& errors) {
    c.plans = load_year_plans(c.plans_dir, c.municipalities, errors);
    return errors.empty();
}

ConfigResult load_config(const fs::path& file) {
    ConfigResult result = load_settings(file);
    if (result.config && !load_municipalities(*result.config, result.errors)) result.config.reset();
    return result;
}

}  // namespace okod
