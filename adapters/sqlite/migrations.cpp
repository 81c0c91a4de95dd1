// The schema, as an append-only list of migrations. Migration N (1-based) takes a
// database from `PRAGMA user_version` N-1 to N. Never edit a migration that has
// shipped: add a new one, so every existing database walks the same path.
#include <array>

#include "adapters/sqlite/sqlite_store.hpp"

namespace okod {
namespace {

// Conventions: instants are INTEGER unix seconds, calendar days 'YYYY-MM-DD' text
// (so they sort and compare as text), enums their to_string() names, and maps and
// lists JSON text. Optional values are NULL.
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta(key, value) VALUES ('application', 'okod');

CREATE TABLE definitions (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL,
    source_file TEXT NOT NULL,
    source_text TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE municipalities (
    code               TEXT PRIMARY KEY,
    name               TEXT NOT NULL,
    school_region      TEXT NOT NULL,
    trajectory_start   TEXT NOT NULL,
    trajectory_years   INTEGER NOT NULL,
    cycle_years        INTEGER NOT NULL,
    survey_every_years INTEGER NOT NULL,
    report_due_month   INTEGER NOT NULL,
    report_due_day     INTEGER NOT NULL,
    language           TEXT NOT NULL,
    workflows          TEXT NOT NULL,  -- JSON array of definition ids
    dates              TEXT NOT NULL,  -- JSON object: name -> 'YYYY-MM-DD'
    lists              TEXT NOT NULL   -- JSON object: name -> array of strings
);

CREATE TABLE people (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    email    TEXT NOT NULL,
    language TEXT NOT NULL
);

CREATE TABLE role_assignments (
    id           INTEGER PRIMARY KEY,
    municipality TEXT NOT NULL,
    role         TEXT NOT NULL,
    person_id    TEXT NOT NULL REFERENCES people(id),
    from_date    TEXT NOT NULL,
    until_date   TEXT,  -- inclusive; NULL = open-ended
    UNIQUE (municipality, role, person_id, from_date)
);

CREATE TABLE instances (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    municipality       TEXT NOT NULL,
    definition_id      TEXT NOT NULL,
    definition_version INTEGER NOT NULL,
    key                TEXT NOT NULL,
    state              TEXT NOT NULL,
    year_index         INTEGER NOT NULL,
    year_one           TEXT NOT NULL,
    started_at         INTEGER NOT NULL,
    finished_at        INTEGER,
    state_entry        INTEGER NOT NULL,
    marks              TEXT NOT NULL,  -- JSON object: name -> unix seconds
    lists              TEXT NOT NULL,  -- JSON object: name -> array of strings
    UNIQUE (municipality, definition_id, key)
);

CREATE TABLE tasks (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id           INTEGER NOT NULL REFERENCES instances(id),
    municipality          TEXT NOT NULL,
    workflow              TEXT NOT NULL,
    spec_id               TEXT NOT NULL,
    key                   TEXT NOT NULL,
    state                 TEXT NOT NULL,
    state_entry           INTEGER NOT NULL,  -- the instance's state_entry at creation
    title_nl              TEXT NOT NULL,
    title_en              TEXT NOT NULL,
    role                  TEXT NOT NULL,
    item                  TEXT NOT NULL,
    due                   INTEGER,
    status                TEXT NOT NULL,
    remind_days           TEXT NOT NULL,  -- JSON array of day counts
    escalation_after_days INTEGER,        -- both NULL when the task never escalates
    escalation_to_role    TEXT,
    created_at            INTEGER NOT NULL,
    closed_at             INTEGER,
    closed_by             TEXT NOT NULL,
    note                  TEXT NOT NULL,
    UNIQUE (instance_id, key)
);
CREATE INDEX tasks_municipality_due ON tasks(municipality, due);
CREATE INDEX tasks_status_due ON tasks(status, due);

-- instance_id and task_id are NULL (not 0) when a timer is not about one, so that
-- deleting "the timers of instance 0" can never hit unrelated rows.
CREATE TABLE timers (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    due_at           INTEGER NOT NULL,
    kind             TEXT NOT NULL,
    municipality     TEXT NOT NULL,
    definition_id    TEXT NOT NULL,
    instance_key     TEXT NOT NULL,
    instance_id      INTEGER,
    task_id          INTEGER,
    lead_days        INTEGER NOT NULL,
    transition_index INTEGER NOT NULL,
    state_entry      INTEGER NOT NULL,
    key              TEXT UNIQUE
);
CREATE INDEX timers_due ON timers(due_at, id);
CREATE INDEX timers_task ON timers(task_id) WHERE task_id IS NOT NULL;
CREATE INDEX timers_instance ON timers(instance_id) WHERE instance_id IS NOT NULL;

CREATE TABLE events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    at           INTEGER NOT NULL,
    municipality TEXT NOT NULL,
    instance_id  INTEGER NOT NULL,
    workflow     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    state        TEXT NOT NULL,
    from_state   TEXT NOT NULL,
    task         TEXT NOT NULL,
    title        TEXT NOT NULL,
    role         TEXT NOT NULL,
    person       TEXT NOT NULL,
    due          INTEGER,
    lead_days    INTEGER NOT NULL,
    note         TEXT NOT NULL
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'event log is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'event log is append-only');
END;

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    key             TEXT UNIQUE,
    created_at      INTEGER NOT NULL,
    municipality    TEXT NOT NULL,
    task_id         INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    role            TEXT NOT NULL,
    person_id       TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    language        TEXT NOT NULL,
    lead_days       INTEGER NOT NULL,
    due             INTEGER,
    late            INTEGER NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER,
    last_error      TEXT NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX outbox_status ON outbox(status, next_attempt_at);
)sql";

// Calendars, elections and staff turnover: a municipality's herindeling elections,
// settings, budget lines and capacity norm; the FTE a person puts into a role; what a
// triggered instance is about; school holidays imported with okoctl.
constexpr std::string_view kMigration2 = R"sql(
ALTER TABLE municipalities ADD COLUMN herindeling_elections TEXT NOT NULL DEFAULT '[]';
ALTER TABLE municipalities ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE municipalities ADD COLUMN budget_lines TEXT NOT NULL DEFAULT '[]';
ALTER TABLE municipalities ADD COLUMN capacity_total_fte REAL NOT NULL DEFAULT 1.5;
ALTER TABLE municipalities ADD COLUMN capacity_regisseur_fte REAL NOT NULL DEFAULT 0.6;
ALTER TABLE municipalities ADD COLUMN events_season TEXT NOT NULL DEFAULT '04-01';

ALTER TABLE role_assignments ADD COLUMN fte REAL;

ALTER TABLE instances ADD COLUMN params TEXT NOT NULL DEFAULT '{}';

-- Imported school holidays replace the shipped file's data per school year
-- ('2025-2026': from 1 August to 31 July).
CREATE TABLE school_holidays (
    id          INTEGER PRIMARY KEY,
    school_year TEXT NOT NULL,
    name        TEXT NOT NULL,
    region      TEXT NOT NULL,
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL
);
CREATE INDEX school_holidays_year ON school_holidays(school_year);
)sql";

// Bearer tokens for the HTTP API (okoctl tokens): the SHA-256 of each secret, never
// the secret. Rows are revoked, not deleted, so the table says who had access when.
constexpr std::string_view kMigration3 = R"sql(
CREATE TABLE api_tokens (
    id             INTEGER PRIMARY KEY,
    hash           TEXT NOT NULL UNIQUE,  -- lowercase hex SHA-256 of the secret
    role           TEXT NOT NULL,
    municipalities TEXT NOT NULL,         -- JSON array of CBS codes; [] for admin
    person_id      TEXT NOT NULL,         -- '' when the token is nobody's in particular
    label          TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    revoked_at     INTEGER,
    last_used_at   INTEGER
);
)sql";

// A task's revision: how often its deadline was moved, and when last, so a calendar
// feed can tell a subscriber that an event changed (SEQUENCE, DTSTAMP).
constexpr std::string_view kMigration4 = R"sql(
ALTER TABLE tasks ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tasks ADD COLUMN revised_at INTEGER;
)sql";

// The year's activity overview and the policy goals' figures (issue 6): a status set by
// hand (with a remark) overrides the one derived from linked tasks; measurements come
// from survey imports (okoctl import survey), one value per indicator, population and
// year, replaced by a later import of the same.
constexpr std::string_view kMigration5 = R"sql(
CREATE TABLE activity_status (
    municipality TEXT NOT NULL,
    year         INTEGER NOT NULL,
    activity     TEXT NOT NULL,     -- activity id in the municipality's year plan
    light        TEXT NOT NULL,     -- groen | oranje | rood
    remark       TEXT NOT NULL,
    set_by       TEXT NOT NULL,
    set_at       INTEGER NOT NULL,
    PRIMARY KEY (municipality, year, activity)
);
CREATE TABLE measurements (
    municipality TEXT NOT NULL,
    indicator    TEXT NOT NULL,     -- e.g. cannabis_last_month
    population   TEXT NOT NULL,     -- e.g. "13", "13-16", "klas 2 en 4"
    year         INTEGER NOT NULL,
    value        REAL NOT NULL,
    source       TEXT NOT NULL,     -- file it was imported from
    imported_at  INTEGER NOT NULL,
    PRIMARY KEY (municipality, indicator, population, year)
);
)sql";

// The execution plan after a Scanner (issue 6): per recommendation the actions of the
// fill-in table, with priority and a traffic light. AUTOINCREMENT: a removed action's id
// is never given again, so the event log's "actie 7" always means the same action.
constexpr std::string_view kMigration6 = R"sql(
CREATE TABLE execution_actions (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    municipality           TEXT NOT NULL,
    recommendation         TEXT NOT NULL,     -- as in the municipality's [lists] recommendations
    intervention           TEXT NOT NULL,
    relevance              TEXT NOT NULL,
    feasibility            TEXT NOT NULL,
    money_euros            INTEGER,           -- whole euros; NULL: not estimated
    fte                    REAL,              -- NULL: not estimated
    other_resources        TEXT NOT NULL,
    expected_effectiveness TEXT NOT NULL,
    recognised             INTEGER NOT NULL,  -- 1: a recognised (erkende) intervention
    obstacles              TEXT NOT NULL,
    period                 TEXT NOT NULL,     -- free text, e.g. "sep 2026 - jun 2027"
    responsible            TEXT NOT NULL,
    priority               TEXT NOT NULL,     -- hoog | middel | laag
    considerations         TEXT NOT NULL,
    status                 TEXT NOT NULL,     -- groen | oranje | rood
    status_remark          TEXT NOT NULL,
    created_at             INTEGER NOT NULL,
    updated_at             INTEGER NOT NULL
);
CREATE INDEX execution_actions_municipality ON execution_actions(municipality, id);
)sql";

// The three tables an engine step writes most, rebuilt without AUTOINCREMENT, which cost
// each insert a read and a rewrite of sqlite_sequence (some 4,000 instructions, 7 % of a
// step: BENCHMARKS.md). Ids and seqs stay what they were and keep growing as before:
// events and outbox rows are never deleted, so the next rowid (the largest plus one) is
// the next number either way. A timer's id may now come back after the newest timer
// fired; nothing keeps timer ids beyond the transaction that reads them.
constexpr std::string_view kMigration7 = R"sql(
CREATE TABLE timers_new (
    id               INTEGER PRIMARY KEY,
    due_at           INTEGER NOT NULL,
    kind             TEXT NOT NULL,
    municipality     TEXT NOT NULL,
    definition_id    TEXT NOT NULL,
    instance_key     TEXT NOT NULL,
    instance_id      INTEGER,
    task_id          INTEGER,
    lead_days        INTEGER NOT NULL,
    transition_index INTEGER NOT NULL,
    state_entry      INTEGER NOT NULL,
    key              TEXT UNIQUE
);
INSERT INTO timers_new(id, due_at, kind, municipality, definition_id, instance_key, instance_id,
                       task_id, lead_days, transition_index, state_entry, key)
    SELECT id, due_at, kind, municipality, definition_id, instance_key, instance_id, task_id,
           lead_days, transition_index, state_entry, key FROM timers;
DROP TABLE timers;
ALTER TABLE timers_new RENAME TO timers;
CREATE INDEX timers_due ON timers(due_at, id);
CREATE INDEX timers_task ON timers(task_id) WHERE task_id IS NOT NULL;
CREATE INDEX timers_instance ON timers(instance_id) WHERE instance_id IS NOT NULL;

CREATE TABLE events_new (
    seq          INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    municipality TEXT NOT NULL,
    instance_id  INTEGER NOT NULL,
    workflow     TEXT NOT NULL,
    kind         TEXT NOT NULL,
    state        TEXT NOT NULL,
    from_state   TEXT NOT NULL,
    task         TEXT NOT NULL,
    title        TEXT NOT NULL,
    role         TEXT NOT NULL,
    person       TEXT NOT NULL,
    due          INTEGER,
    lead_days    INTEGER NOT NULL,
    note         TEXT NOT NULL
);
INSERT INTO events_new(seq, at, municipality, instance_id, workflow, kind, state, from_state,
                       task, title, role, person, due, lead_days, note)
    SELECT seq, at, municipality, instance_id, workflow, kind, state, from_state, task, title,
           role, person, due, lead_days, note FROM events;
DROP TABLE events;  -- its triggers go with it, before the implicit delete (SQLite docs)
ALTER TABLE events_new RENAME TO events;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'event log is append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'event log is append-only');
END;

CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    key             TEXT UNIQUE,
    created_at      INTEGER NOT NULL,
    municipality    TEXT NOT NULL,
    task_id         INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    role            TEXT NOT NULL,
    person_id       TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    language        TEXT NOT NULL,
    lead_days       INTEGER NOT NULL,
    due             INTEGER,
    late            INTEGER NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at INTEGER,
    last_error      TEXT NOT NULL,
    sent_at         INTEGER
);
INSERT INTO outbox_new(id, key, created_at, municipality, task_id, kind, role, person_id,
                       recipient, language, lead_days, due, late, status, attempts,
                       next_attempt_at, last_error, sent_at)
    SELECT id, key, created_at, municipality, task_id, kind, role, person_id, recipient,
           language, lead_days, due, late, status, attempts, next_attempt_at, last_error,
           sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_status ON outbox(status, next_attempt_at);
)sql";

// Who belongs where, and secrets with a narrower reach than an API token (issue 16).
// A person belongs to the municipalities they are a member of: a regisseur sees, assigns
// and changes only its own municipalities' people; an admin links one into another.
// Everyone who ever held a role somewhere is a member there (backfilled here; people in
// a municipality file are made members of it when okod syncs its config). A calendar
// feed has its own read-only secret per person, kept as a SHA-256 like a token's. A
// token may expire (expires_at, the first moment it no longer works).
constexpr std::string_view kMigrationMemberships = R"sql(
CREATE TABLE person_memberships (
    person_id    TEXT NOT NULL REFERENCES people(id),
    municipality TEXT NOT NULL,
    PRIMARY KEY (person_id, municipality)
) WITHOUT ROWID;
CREATE INDEX person_memberships_municipality ON person_memberships(municipality, person_id);
INSERT OR IGNORE INTO person_memberships(person_id, municipality)
    SELECT DISTINCT person_id, municipality FROM role_assignments;

CREATE TABLE feed_secrets (
    person_id  TEXT PRIMARY KEY REFERENCES people(id),
    hash       TEXT NOT NULL UNIQUE,  -- lowercase hex SHA-256 of the secret
    created_at INTEGER NOT NULL
);

ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;
)sql";

// Personal data (issue 16, AVG art. 15 and 17). An erased person keeps their row as a
// tombstone (name: a pseudonym, e-mail: empty, erased_at set) so that no config file
// or okoctl can bring them back under the same id. The event log stays append-only for
// everyone; the one sanctioned rewrite is an erasure, which holds the single row of
// erasure_in_progress for the length of its own transaction (a crash rolls the row back
// with the rest), may change only an event's title and note, and records itself as a
// person_erased event naming the seqs it rewrote. Deleting stays refused always.
// outbox_kept: the sent (and given up) messages that still carry an address, by the
// moment they were sent, so the daily retention prune reads only what it clears.
// outbox_erased_stays_erased: an erased person's address cannot be written back.
constexpr std::string_view kMigrationPersonalData = R"sql(
ALTER TABLE people ADD COLUMN erased_at INTEGER;

CREATE TABLE erasure_in_progress (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    person TEXT NOT NULL
);

DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress)
BEGIN
    SELECT RAISE(ABORT, 'event log is append-only');
END;
CREATE TRIGGER events_erasure_scope
BEFORE UPDATE OF seq, at, municipality, instance_id, workflow, kind, state, from_state, task,
                 role, person, due, lead_days ON events
BEGIN
    SELECT RAISE(ABORT, 'event log is append-only');  -- an erasure rewrites title and note only
END;

CREATE INDEX outbox_kept ON outbox(COALESCE(sent_at, created_at))
    WHERE recipient <> '' AND status <> 'pending';

-- A sender that read a message before the erasure and records its outcome after it
-- writes the whole row back: the address must not come back with it.
CREATE TRIGGER outbox_erased_stays_erased AFTER UPDATE OF recipient ON outbox
WHEN NEW.recipient <> ''
     AND EXISTS (SELECT 1 FROM people WHERE id = NEW.person_id AND erased_at IS NOT NULL)
BEGIN
    UPDATE outbox SET recipient = '' WHERE id = NEW.id;
END;
)sql";

// Reads that cost what one municipality's data costs (issue 18). A municipality's audit
// log and an instance's history page by seq within their own rows; a municipality's
// e-mails page by id, with or without a status. The outbox counts (the status line,
// GET /ready) are kept by triggers as rows change instead of counted per call: outbox
// rows are never deleted, but the delete trigger keeps the counts true if one ever is.
constexpr std::string_view kMigrationReadIndexes = R"sql(
CREATE INDEX events_municipality ON events(municipality, seq);
CREATE INDEX events_instance ON events(instance_id, seq);
CREATE INDEX outbox_municipality ON outbox(municipality, id);
CREATE INDEX outbox_municipality_status ON outbox(municipality, status, id);

CREATE TABLE outbox_counts (
    status TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO outbox_counts(status, n) SELECT status, count(*) FROM outbox GROUP BY status;

CREATE TRIGGER outbox_counts_insert AFTER INSERT ON outbox
BEGIN
    INSERT INTO outbox_counts(status, n) VALUES (NEW.status, 1)
        ON CONFLICT(status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER outbox_counts_update AFTER UPDATE OF status ON outbox
WHEN OLD.status <> NEW.status
BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE status = OLD.status;
    INSERT INTO outbox_counts(status, n) VALUES (NEW.status, 1)
        ON CONFLICT(status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER outbox_counts_delete AFTER DELETE ON outbox
BEGIN
    UPDATE outbox_counts SET n = n - 1 WHERE status = OLD.status;
END;
)sql";

// A municipality's tasks by status and deadline, and the ones it closed lately (the
// dashboard's "recently completed"), each through an index of their own (issue 18); a
// person's roles everywhere (does a token's person still hold one, their calendar).
// tasks_status_due goes: no read asks for a status across municipalities, and SQLite
// chose it for "GM0935's done tasks", visiting every done task of every municipality.
constexpr std::string_view kMigrationTaskIndexes = R"sql(
CREATE INDEX tasks_municipality_status_due ON tasks(municipality, status, due, id);
CREATE INDEX tasks_municipality_closed ON tasks(municipality, closed_at);
DROP INDEX tasks_status_due;
CREATE INDEX role_assignments_person ON role_assignments(person_id, municipality, role, from_date);
)sql";

// Issue 18, start-up that does not grow with history: the hand-over check reads a
// municipality's unfinished instances, not its ten years of finished ones; and the
// configuration okod last synced and planned from, so that a start with the same
// files takes its municipalities from here instead of parsing every file again. And
// one index fewer to write at every e-mail queued.
constexpr std::string_view kMigrationStartup = R"sql(
CREATE INDEX instances_open ON instances(municipality, id) WHERE finished_at IS NULL;

-- Every index on a row written per step costs the decade benchmark some 2-4 s of its
-- 8 (BENCHMARKS.md): a group commit spanning 342 municipalities dirties a leaf page of
-- each per-municipality index for each of them. A municipality's e-mails with one
-- status are found through outbox_municipality, reading that municipality's rows only.
DROP INDEX outbox_municipality_status;

CREATE TABLE config_snapshot (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    fingerprint TEXT NOT NULL,
    codes       TEXT NOT NULL  -- JSON array of the municipality codes it configured
);
)sql";

// Signing in from a browser (issue 19): sessions and the one-time sign-in links mailed to
// open them, each kept as the SHA-256 of its secret like a token's. A session is deleted
// at logout and when it has ended; a link is marked used, once. sign_in_requests holds
// when a link was last asked for a person, so the form cannot flood their inbox.
constexpr std::string_view kMigrationSessions = R"sql(
CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY,
    hash            TEXT NOT NULL UNIQUE,
    person_id       TEXT NOT NULL REFERENCES people(id),
    created_at      INTEGER NOT NULL,
    last_seen_at    INTEGER NOT NULL,
    idle_expires_at INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

CREATE TABLE sign_in_links (
    hash       TEXT PRIMARY KEY,
    person_id  TEXT NOT NULL REFERENCES people(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) WITHOUT ROWID;

CREATE TABLE sign_in_requests (
    person_id    TEXT PRIMARY KEY REFERENCES people(id),
    requested_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Issue 19: a completion may be undone within its step, logged as task_reopened. The
// event log gains a kind and nothing else: this version is there so that an older okod
// refuses a store with lines it cannot read (event_kind.hpp).
constexpr std::string_view kMigrationTaskReopened = R"sql(
SELECT 1;
)sql";

// Issue 19, mail that can be acted on: each use of a one-click link in an e-mail
// (adapters/auth/mail_link.hpp), so a link completes its task once. The link itself is
// not kept, only its SHA-256; the key that signs the links is meta 'mail_link_key'.
constexpr std::string_view kMigrationMailLinks = R"sql(
CREATE TABLE mail_link_uses (
    link_id   TEXT PRIMARY KEY,   -- SHA-256 of the token, hex
    task_id   INTEGER NOT NULL,
    person_id TEXT NOT NULL,
    used_at   INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Issue 19, "jaarplan volgend jaar opstellen": a year plan drafted in the browser or by
// okoctl, kept as the TOML a plans/ file would hold (the same loader reads both), with the
// year it was drawn up from and who did it when. A stored plan wins over a file for the
// same municipality and year (adapters/year_plan/year_plan_lookup.hpp). The event log
// gains year_plan_drafted.
constexpr std::string_view kMigrationStoredYearPlans = R"sql(
CREATE TABLE year_plans (
    municipality TEXT NOT NULL,
    year         INTEGER NOT NULL,
    toml         TEXT NOT NULL,
    drafted_from INTEGER NOT NULL,  -- the year whose overview it was drawn up from
    drafted_by   TEXT NOT NULL,
    drafted_at   INTEGER NOT NULL,
    PRIMARY KEY (municipality, year)
) WITHOUT ROWID;
)sql";

// Issue 19, settings edited in the browser: a municipality's settings (the settings
// part of its file, as TOML text) over its file, with who changed them when, and the
// event kind municipality_settings_changed.
constexpr std::string_view kMigrationMunicipalitySettings = R"sql(
CREATE TABLE municipality_settings (
    code       TEXT PRIMARY KEY,
    toml       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Issue 19: a survey upload is logged as survey_imported (model/survey_import_log.hpp).
// Like task_reopened, a kind and nothing else; the version makes an older okod refuse
// the store. Migration 18 in issue 19's numbering (16 and 17 are the year plan's and the
// settings' tables): merged after them.
constexpr std::string_view kMigrationSurveyImported = R"sql(
SELECT 1;
)sql";

// Issue 20, one mail per person per day: the reminders a person has due on one day go
// out as one digest mail. digest_id is the id of the outbox row whose mail carries this
// row (set once, when the digest is formed, before it is sent): a restart resends the
// same rows under the same Message-ID, and a reminder added later never joins a digest
// already tried. Only digest rows are in outbox_digest. outbox_digest_candidates holds
// only the reminders waiting for their first attempt (a row leaves it when tried), so
// gathering one person's reminders costs that person's rows, not the whole queue, even
// when thousands fall due at 09:00 or pile up behind a mail server that is down.
constexpr std::string_view kMigrationDigest = R"sql(
ALTER TABLE outbox ADD COLUMN digest_id INTEGER;
CREATE INDEX outbox_digest ON outbox(digest_id) WHERE digest_id IS NOT NULL;
CREATE INDEX outbox_digest_candidates ON outbox(person_id, id)
  WHERE status = 'pending' AND next_attempt_at IS NULL AND kind = 'reminder'
    AND digest_id IS NULL;
)sql";

// Issue 20, the warm hand-over as practised: a task may be addressed to one person (the
// leaver's hand-over file) instead of every holder of its role; '' is the role's. The
// event log gains task_handed_on and welcome, the outbox the kind welcome.
constexpr std::string_view kMigrationPersonalTasks = R"sql(
ALTER TABLE tasks ADD COLUMN person TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::array<std::string_view, 20> kMigrations{kMigration1,
                                                       kMigration2,
                                                       kMigration3,
                                                       kMigration4,
                                                       kMigration5,
                                                       kMigration6,
                                                       kMigration7,
                                                       kMigrationMemberships,
                                                       kMigrationPersonalData,
                                                       kMigrationReadIndexes,
                                                       kMigrationTaskIndexes,
                                                       kMigrationStartup,
                                                       kMigrationSessions,
                                                       kMigrationTaskReopened,
                                                       kMigrationMailLinks,
                                                       kMigrationStoredYearPlans,
                                                       kMigrationMunicipalitySettings,
                                                       kMigrationSurveyImported,
                                                       kMigrationDigest,
                                                       kMigrationPersonalTasks};

}  // namespace

std::span<const std::string_view> sqlite_migrations() { return kMigrations; }

}  // namespace okod
