#pragma once
// okod's configuration: okod.toml plus one file per municipality. Paths in the file
// are relative to the file's own directory, so a config tree can be moved as a whole.
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "adapters/config/mail_config.hpp"
#include "adapters/oidc/oidc_config.hpp"
#include "adapters/year_plan/year_plan_loader.hpp"
#include "definition/load_error.hpp"
#include "engine/engine.hpp"
#include "model/municipality.hpp"
#include "model/people.hpp"
#include "model/store/municipality_store.hpp"

namespace okod {

// The HTTP API and dashboard. Off unless okod.toml has an [http] section.
struct HttpConfig {
    bool enabled = false;
    std::string address = "127.0.0.1";  // loopback by default: put a TLS proxy in front
    int port = 8470;
    // What one client may take: larger bodies get 413, slower headers and requests are
    // cut off, idle keep-alive connections closed; connections beyond a limit take the
    // place of one still waiting for its header, else get 503.
    int max_body_kib = 64;
    int header_timeout_seconds = 5;
    int read_timeout_seconds = 10;
    int idle_timeout_seconds = 30;
    int max_connections = 64;
    int max_connections_per_client = 64;  // not set: max_connections (a proxy is one client)
    // Threads that serve the read operations (GET) on read-only connections of their
    // own, so no read holds up the scheduler; 0: every request on the scheduler's strand.
    int read_threads = 2;
    // Where people reach this okod from outside ([http] public_url, behind the TLS
    // proxy): "https://oko.maastricht.nl", no query, no trailing slash. The e-mails link
    // to the dashboard and carry the one-click completion and sign-in links there, and a
    // browser's Origin must be it. Empty: no links in reminders; sign-in links and the
    // Origin check use http://address:port.
    std::string public_url;
};

// [auth]: signing in from a browser (README "Inloggen / signing in"). A session ends
// after `session_idle_minutes` without a request, and after `session_max_minutes` in
// any case (a working day, so a shared computer does not stay signed in overnight); a
// sign-in link works once, for `link_minutes`. The people whose e-mail address is in
// `admins` sign in as administrators.
struct AuthConfig {
    int session_idle_minutes = 8 * 60;
    int session_max_minutes = 12 * 60;
    int link_minutes = 15;
    std::vector<std::string> admins;  // e-mail addresses, compared without case
};

// Where okod writes the reports it makes itself (the draft yearly report it sends with
// the council-report reminders), and whether it also prints them to PDF.
struct ReportsConfig {
    std::filesystem::path dir;  // [reports] dir; default <store dir>/reports
    // A PDF beside the HTML, printed by chromium, weasyprint or wkhtmltopdf when one is
    // installed. Off by default: chromium does not run inside the service's sandbox
    // (MemoryDenyWriteExecute); `okoctl report annual --format pdf` prints elsewhere.
    bool pdf = false;
};

// [privacy]: how long okod keeps what it sent (README "Persoonsgegevens / personal
// data"). After `mail_retention_months` an outbox row keeps what was sent about which
// task, but no longer to which address, and a directory transport's .eml file goes.
struct PrivacyConfig {
    int mail_retention_months = 13;
};

struct Config {
    std::filesystem::path file;
    std::filesystem::path store_path;
    std::filesystem::path definitions_dir;
    std::filesystem::path school_holidays_file;  // empty: no school-holiday data
    std::filesystem::path municipalities_dir;
    // Year plans, <CODE>-<YEAR>.toml: [municipalities] plans_dir, default
    // <municipalities_dir>/plans (may be absent: then there are none).
    std::filesystem::path plans_dir;
    EngineSettings engine;
    MailConfig mail;
    HttpConfig http;
    ReportsConfig reports;
    PrivacyConfig privacy;
    std::optional<OidcConfig> oidc;  // [oidc]; nullopt: no OpenID Connect sign-in
    AuthConfig auth;
    Language language = Language::nl;
    std::vector<Municipality> municipalities;  // ordered by code
    std::vector<Person> people;                // ordered by id
    std::vector<RoleAssignment> assignments;
    std::vector<Membership> memberships;  // a municipality file's people belong to it
    std::vector<LoadedYearPlan> plans;    // by file name; task selectors checked by the runtime
    // Settings changed in the browser or with okoctl (issue 19), read from the store
    // before load_municipalities: each takes the place of its municipality file's
    // settings (municipality_settings.hpp). By code.
    std::vector<StoredSettings> stored_settings;
    // Where load_municipalities found each municipality, by code (not filled when the
    // start took the municipalities from the store).
    std::map<std::string, std::filesystem::path> municipality_files;
};

struct ConfigResult {
    std::optional<Config> config;
    std::vector<LoadError> errors;  // every problem found, each with file:line:col
};

// Reads okod.toml, the municipality files and the year plans it points to. Nothing is half-loaded:
// with any error, `config` is empty.
ConfigResult load_config(const std::filesystem::path& file);

// The two halves of load_config. load_settings reads okod.toml alone (every setting and
// the paths it names); load_municipalities then reads the municipality files and the
// year plans into it, each municipality's settings from `stored_settings` when it has
// some there. okod's start takes the municipalities from the store instead
// when the files are the ones it read last time (config_fingerprint.hpp) and needs
// only load_plans. Each returns false (or no config) with the errors appended.
ConfigResult load_settings(const std::filesystem::path& file);
bool load_municipalities(Config& c, std::vector<LoadError>& errors);
bool load_plans(Config& c, std::vector<LoadError>& errors);

// The default config path: $OKOD_CONFIG, else /etc/okod/okod.toml.
std::filesystem::path default_config_path();

}  // namespace okod
