#include "adapters/sqlite/sqlite_store.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

#include "support/test_support.hpp"

namespace okod {
namespace {

using std::chrono::seconds;

Instant at(std::int64_t s) { return Instant{seconds{s}}; }
Date day(int y, int m, int d) {
    return Date{date::year{y}, date::month{static_cast<unsigned>(m)},
                date::day{static_cast<unsigned>(d)}};
}

// A connection of our own, beside the store's, to look at the file the way another
// process would (and to try what the store's API does not offer).
class RawDb {
public:
    explicit RawDb(const std::filesystem::path& file) {
        if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK)
            throw std::runtime_error("cannot open " + file.string());
    }
    ~RawDb() { sqlite3_close(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    // Returns "" on success, else SQLite's error message.
    std::string exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return {};
        std::string message = error ? error : "error";
        sqlite3_free(error);
        return message;
    }
    std::string text(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db_));
        std::string value;
        if (sqlite3_step(s) == SQLITE_ROW) {
            const unsigned char* t = sqlite3_column_text(s, 0);
            if (t) value = reinterpret_cast<const char*>(t);
        }
        sqlite3_finalize(s);
        return value;
    }
    std::int64_t integer(const std::string& sql) { return std::stoll(text(sql)); }

private:
    sqlite3* db_ = nullptr;
};

Municipality maastricht() {
    Municipality m;
    m.code = "GM0935";
    m.name = "Maastricht";
    m.school_region = "zuid";
    m.trajectory_start = day(2022, 3, 1);
    m.trajectory_years = 4;
    m.cycle_years = 2;
    m.survey_every_years = 2;
    m.report_due_month = 11;
    m.report_due_day = 1;
    m.language = Language::en;
    m.workflows = {"oko-cycle", "council-report"};
    m.dates = {{"scanner_date", day(2022, 5, 17)}, {"kickoff", day(2022, 3, 14)}};
    m.lists = {{"recommendations", {"sport", "alcohol-free parties"}}, {"empty", {}}};
    m.herindeling_elections = {day(2025, 11, 19)};
    m.settings = {{"starter_pack_days_before", 21}};
    m.budget_lines = {{"gids", "GIDS-uitkering", 40000.0, day(2023, 12, 31)},
                      {"npo", "NPO", std::nullopt, day(2023, 7, 31)}};
    m.capacity = {1.8, 0.7};
    m.events_season_month = 5;
    m.events_season_day = 15;
    m.holidays.good_friday = false;  // the CAO Gemeenten's choice, kept apart from settings
    m.holidays.liberation_day = LiberationDay::lustrum;
    return m;
}

void expect_same(const Municipality& a, const Municipality& b) {
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.school_region, b.school_region);
    EXPECT_EQ(a.trajectory_start, b.trajectory_start);
    EXPECT_EQ(a.trajectory_years, b.trajectory_years);
    EXPECT_EQ(a.cycle_years, b.cycle_years);
    EXPECT_EQ(a.survey_every_years, b.survey_every_years);
    EXPECT_EQ(a.report_due_month, b.report_due_month);
    EXPECT_EQ(a.report_due_day, b.report_due_day);
    EXPECT_EQ(a.language, b.language);
    EXPECT_EQ(a.workflows, b.workflows);
    EXPECT_EQ(a.dates, b.dates);
    EXPECT_EQ(a.holidays, b.holidays);
    EXPECT_EQ(a.lists, b.lists);
    EXPECT_EQ(a.herindeling_elections, b.herindeling_elections);
    EXPECT_EQ(a.settings, b.settings);
    EXPECT_EQ(a.budget_lines, b.budget_lines);
    EXPECT_EQ(a.capacity, b.capacity);
    EXPECT_EQ(a.events_season_month, b.events_season_month);
    EXPECT_EQ(a.events_season_day, b.events_season_day);
}

Person person(const std::string& id, Language language = Language::nl) {
    return Person{id, "Name of " + id, id + "@example.nl", language};
}

Instance sample_instance(const std::string& key = "2024") {
    Instance i;
    i.municipality = "GM0935";
    i.definition_id = "oko-cycle";
    i.definition_version = 3;
    i.key = key;
    i.state = "monitoring";
    i.year_index = 2;
    i.year_one = day(2024, 1, 1);
    i.started_at = at(1'704'067'200);
    i.finished_at = at(1'735'689'600);
    i.state_entry = 7;
    i.marks = {{"entered", at(1'704'067'200)}, {"survey.done", at(1'710'000'000)}};
    i.lists = {{"recommendations", {"sport", "school"}}};
    i.params = {{"role", "ggd-contact"}, {"leave_date", "2024-06-30"}};
    return i;
}

void expect_same(const Instance& a, const Instance& b) {
    EXPECT_EQ(a.municipality, b.municipality);
    EXPECT_EQ(a.definition_id, b.definition_id);
    EXPECT_EQ(a.definition_version, b.definition_version);
    EXPECT_EQ(a.key, b.key);
    EXPECT_EQ(a.state, b.state);
    EXPECT_EQ(a.year_index, b.year_index);
    EXPECT_EQ(a.year_one, b.year_one);
    EXPECT_EQ(a.started_at, b.started_at);
    EXPECT_EQ(a.finished_at, b.finished_at);
    EXPECT_EQ(a.state_entry, b.state_entry);
    EXPECT_EQ(a.marks, b.marks);
    EXPECT_EQ(a.lists, b.lists);
    EXPECT_EQ(a.params, b.params);
}

Task sample_task(InstanceId instance, const std::string& key, std::optional<Instant> due) {
    Task t;
    t.instance_id = instance;
    t.municipality = "GM0935";
    t.workflow = "oko-cycle";
    t.spec_id = "survey";
    t.key = key;
    t.state = "monitoring";
    t.state_entry = 3;
    t.title = Text{"Jeugdmonitor afnemen", "Run the youth survey"};
    t.role = "ggd-contact";
    t.item = "";
    t.due = due;
    t.status = TaskStatus::open;
    t.remind_days = {14, 3, 0};
    t.created_at = at(1'700'000'000);
    return t;
}

void expect_same(const Task& a, const Task& b) {
    EXPECT_EQ(a.instance_id, b.instance_id);
    EXPECT_EQ(a.municipality, b.municipality);
    EXPECT_EQ(a.workflow, b.workflow);
    EXPECT_EQ(a.spec_id, b.spec_id);
    EXPECT_EQ(a.key, b.key);
    EXPECT_EQ(a.state, b.state);
    EXPECT_EQ(a.state_entry, b.state_entry);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.role, b.role);
    EXPECT_EQ(a.item, b.item);
    EXPECT_EQ(a.due, b.due);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.remind_days, b.remind_days);
    EXPECT_EQ(a.escalation, b.escalation);
    EXPECT_EQ(a.created_at, b.created_at);
    EXPECT_EQ(a.closed_at, b.closed_at);
    EXPECT_EQ(a.closed_by, b.closed_by);
    EXPECT_EQ(a.note, b.note);
}

Timer timer(const std::string& key, Instant due) {
    Timer t;
    t.key = key;
    t.due = due;
    t.kind = TimerKind::task_due;
    t.municipality = "GM0935";
    return t;
}

Event event(EventKind kind) {
    Event e;
    e.at = at(1'700'000'000);
    e.municipality = "GM0935";
    e.instance_id = 1;
    e.workflow = "oko-cycle";
    e.kind = kind;
    return e;
}

OutboxItem outbox_item(const std::string& key) {
    OutboxItem o;
    o.key = key;
    o.created_at = at(1'700'000'000);
    o.municipality = "GM0935";
    o.task_id = 4;
    o.kind = OutboxKind::reminder;
    o.role = "regisseur";
    o.person_id = "maastricht-anna";
    o.recipient = "anna@example.nl";
    o.language = Language::en;
    o.lead_days = 3;
    o.due = at(1'700'100'000);
    return o;
}

// --- schema and pragmas -------------------------------------------------------------------

TEST(SqliteStore, migrations_bring_an_empty_file_to_the_latest_version_once) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    ASSERT_GE(SqliteStore::latest_schema_version(), 1);
    {
        auto store = SqliteStore::open(file);
        EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
        store->upsert_person(person("anna"));
    }
    {
        RawDb raw(file);
        EXPECT_EQ(raw.integer("PRAGMA user_version"), SqliteStore::latest_schema_version());
    }
    // A reopen that re-ran migration 1 would fail on CREATE TABLE or lose the row.
    auto store = SqliteStore::open(file);
    EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());
    ASSERT_TRUE(store->person("anna"));
}

// Migration 7 rebuilt the timer, event and outbox tables (without AUTOINCREMENT): what
// a store held before is all there, and numbering goes on where it was.
TEST(SqliteStore, a_store_from_before_migration_7_keeps_its_timers_events_and_outbox) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    {
        test::create_store_at_schema_version(file, 6);
        SqliteDb db(file.string());
        for (int n = 1; n <= 3; ++n)
            db.exec(
                fmt::format("INSERT INTO events(at, municipality, instance_id, workflow, kind, "
                            "state, from_state, "
                            "task, title, role, person, due, lead_days, note) VALUES ({}, "
                            "'GM0935', 1, 'oko-cycle', "
                            "'task_created', '', '', 'old.{}', '', '', '', NULL, -1, '')",
                            1'700'000'000 + n, n));
        db.exec(
            "INSERT INTO timers(due_at, kind, municipality, definition_id, instance_key, "
            "instance_id, task_id, lead_days, transition_index, state_entry, key) VALUES "
            "(1800000000, 'task_due', 'GM0935', '', '', NULL, 7, 0, -1, 0, 'old-timer')");
        db.exec(
            "INSERT INTO outbox(id, key, created_at, municipality, task_id, kind, role, "
            "person_id, recipient, language, lead_days, due, late, status, attempts, "
            "next_attempt_at, last_error, sent_at) VALUES (41, 'old-mail', 1700000000, "
            "'GM0935', 7, 'reminder', 'regisseur', 'anna', 'anna@example.nl', 'nl', 3, NULL, "
            "0, 'sent', 1, NULL, '', 1700000100)");
    }
    auto store = SqliteStore::open(file);
    EXPECT_EQ(store->schema_version(), SqliteStore::latest_schema_version());

    const auto old_events = store->events_after(0, 10);
    ASSERT_EQ(old_events.size(), 3u);
    EXPECT_EQ(old_events[2].seq, 3);
    EXPECT_EQ(old_events[2].task, "old.3");
    EXPECT_EQ(store->append_event(event(EventKind::transition)), 4);

    const auto t = store->next_timer();
    ASSERT_TRUE(t);
    EXPECT_EQ(t->key, "old-timer");
    EXPECT_EQ(t->task_id, 7);
    EXPECT_FALSE(store->add_timer(timer("old-timer", at(1))));  // keys still unique
    store->delete_task_timers(7);                               // and found by task
    EXPECT_EQ(store->timer_count(), 0);

    const auto mail = store->outbox_by_status(std::nullopt, 10);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].id, 41);
    EXPECT_EQ(mail[0].status, OutboxStatus::sent);
    EXPECT_FALSE(store->enqueue(outbox_item("old-mail")));
    EXPECT_TRUE(store->enqueue(outbox_item("new-mail")));
    EXPECT_EQ(store->outbox_by_status(std::nullopt, 10).back().id, 42);

    RawDb raw(file);  // the log is still append-only
    EXPECT_NE(raw.exec("UPDATE events SET note = 'x' WHERE seq = 1"), "");
    EXPECT_NE(raw.exec("DELETE FROM events"), "");
    EXPECT_EQ(raw.integer("SELECT count(*) FROM events"), 4);
}

TEST(SqliteStore, a_database_from_a_newer_okod_is_refused) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    SqliteStore::open(file).reset();
    {
        RawDb raw(file);
        const int newer = SqliteStore::latest_schema_version() + 1;
        ASSERT_EQ(raw.exec("PRAGMA user_version = " + std::to_string(newer)), "");
    }
    try {
        SqliteStore::open(file);
        FAIL() << "opening a newer database must throw";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("newer than this okod"), std::string::npos)
            << e.what();
    }
}

TEST(SqliteStore, files_use_wal_and_memory_databases_work) {
    test::TempDir dir;
    const auto file = dir / "a" / "b" / "okod.db";  // parent directories are created
    auto store = SqliteStore::open(file);
    EXPECT_TRUE(std::filesystem::exists(file));
    RawDb raw(file);
    EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");

    auto memory = SqliteStore::open(":memory:");
    EXPECT_EQ(memory->schema_version(), SqliteStore::latest_schema_version());
    memory->upsert_person(person("anna"));
    EXPECT_TRUE(memory->person("anna"));
}

// --- round trips ------------------------------------------------------------------------

TEST(SqliteStore, definitions_round_trip_and_saving_twice_keeps_the_first) {
    auto store = SqliteStore::open(":memory:");
    store->save_definition({"oko-cycle", 2, "defs/oko-cycle.toml", "version = 2"});
    store->save_definition({"oko-cycle", 1, "defs/oko-cycle.toml", "version = 1"});
    store->save_definition({"oko-cycle", 2, "elsewhere.toml", "changed"});  // no-op
    const auto d = store->definition("oko-cycle", 2);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->source_file, "defs/oko-cycle.toml");
    EXPECT_EQ(d->source_text, "version = 2");
    EXPECT_FALSE(store->definition("oko-cycle", 3));
    const auto all = store->all_definitions();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].version, 1);
    EXPECT_EQ(all[1].version, 2);
}

TEST(SqliteStore, municipality_round_trips_with_lists_and_dates_and_upsert_replaces) {
    auto store = SqliteStore::open(":memory:");
    Municipality m = maastricht();
    store->upsert_municipality(m);
    auto back = store->municipality("GM0935");
    ASSERT_TRUE(back);
    expect_same(*back, m);

    m.name = "Gemeente Maastricht";
    m.lists.clear();
    m.dates.erase("kickoff");
    store->upsert_municipality(m);
    Municipality other = maastricht();
    other.code = "GM0888";
    other.name = "Beek";
    store->upsert_municipality(other);

    const auto all = store->all_municipalities();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].code, "GM0888");  // ordered by code
    expect_same(all[1], m);
    EXPECT_FALSE(store->municipality("GM0000"));
}

// Steps read their municipality from a cache (a row with six JSON columns); what they
// read must still be what the database holds after any change, by whoever made it.
TEST(SqliteStore, a_municipality_read_in_a_transaction_follows_every_change) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    auto store = SqliteStore::open(file);
    store->upsert_municipality(maastricht());
    auto name_in_a_step = [&] {
        auto tx = store->begin();
        const auto m = store->municipality("GM0935");
        tx->commit();
        return m ? m->name : std::string("(gone)");
    };
    EXPECT_EQ(name_in_a_step(), "Maastricht");
    EXPECT_EQ(name_in_a_step(), "Maastricht");  // now from the cache

    RawDb other(file);  // okoctl, or a reload in another process
    ASSERT_EQ(other.exec("UPDATE municipalities SET name = 'Mestreech' WHERE code = 'GM0935'"), "");
    EXPECT_EQ(name_in_a_step(), "Mestreech");

    Municipality renamed = maastricht();  // this connection, inside a group
    renamed.name = "Gemeente Maastricht";
    {
        auto group = store->begin();
        store->upsert_municipality(renamed);
        EXPECT_EQ(store->municipality("GM0935")->name, "Gemeente Maastricht");
        {
            auto step = store->begin();
            renamed.name = "Rolled back";
            store->upsert_municipality(renamed);
            EXPECT_EQ(store->municipality("GM0935")->name, "Rolled back");
        }  // the step rolls back
        EXPECT_EQ(store->municipality("GM0935")->name, "Gemeente Maastricht");
    }  // and so does the group
    EXPECT_EQ(name_in_a_step(), "Mestreech");
    ASSERT_EQ(other.exec("DELETE FROM municipalities"), "");
    EXPECT_EQ(name_in_a_step(), "(gone)");
}

TEST(SqliteStore, person_round_trips_and_people_are_ordered_by_id) {
    auto store = SqliteStore::open(":memory:");
    store->upsert_person(person("zoe", Language::en));
    store->upsert_person(person("anna"));
    Person changed = person("anna");
    changed.email = "anna@maastricht.nl";
    store->upsert_person(changed);

    const auto anna = store->person("anna");
    ASSERT_TRUE(anna);
    EXPECT_EQ(anna->name, "Name of anna");
    EXPECT_EQ(anna->email, "anna@maastricht.nl");
    EXPECT_EQ(anna->language, Language::nl);
    EXPECT_EQ(store->person("zoe")->language, Language::en);
    const auto all = store->all_people();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, "anna");
    EXPECT_EQ(all[1].id, "zoe");
    EXPECT_FALSE(store->person("nobody"));
}

TEST(SqliteStore, assignment_round_trips_and_adding_it_again_updates_its_end) {
    auto store = SqliteStore::open(":memory:");
    store->upsert_person(person("anna"));
    RoleAssignment a{0,           "GM0935", "regisseur", "anna", day(2024, 1, 1), day(2024, 6, 30),
                     std::nullopt};
    const auto id = store->add_assignment(a);
    EXPECT_GT(id, 0);
    EXPECT_EQ(store->add_assignment(a), id);
    RoleAssignment open_ended{
        0, "GM0935", "regisseur", "anna", day(2025, 1, 1), std::nullopt, std::nullopt};
    const auto id2 = store->add_assignment(open_ended);
    EXPECT_NE(id2, id);

    auto all = store->assignments_of_municipality("GM0935");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, id);
    EXPECT_EQ(all[0].municipality, "GM0935");
    EXPECT_EQ(all[0].role, "regisseur");
    EXPECT_EQ(all[0].person_id, "anna");
    EXPECT_EQ(all[0].from, day(2024, 1, 1));
    EXPECT_EQ(all[0].until, day(2024, 6, 30));
    EXPECT_EQ(all[1].until, std::nullopt);

    // An end date or FTE already recorded is kept when the same assignment is added
    // again without one (a config file that does not know about a leave).
    all[0].fte = 0.6;
    store->update_assignment(all[0]);
    RoleAssignment again = a;
    again.until.reset();
    EXPECT_EQ(store->add_assignment(again), id);
    EXPECT_EQ(store->assignments_of_municipality("GM0935")[0].until, day(2024, 6, 30));
    EXPECT_EQ(store->assignments_of_municipality("GM0935")[0].fte, 0.6);

    all[1].until = day(2025, 12, 31);
    store->update_assignment(all[1]);
    EXPECT_EQ(store->assignments_of_municipality("GM0935")[1].until, day(2025, 12, 31));
    EXPECT_TRUE(store->assignments_of_municipality("GM0888").empty());

    // An end already on record (a leave announced through okoctl) wins over the one the
    // config file gives when it is synced again.
    open_ended.until = day(2025, 3, 31);
    EXPECT_EQ(store->add_assignment(open_ended), id2);
    EXPECT_EQ(store->assignments_of_municipality("GM0935")[1].until, day(2025, 12, 31));
    // An open period the config now ends gets that end.
    RoleAssignment later{
        0, "GM0935", "ggd-contact", "anna", day(2026, 1, 1), std::nullopt, std::nullopt};
    store->add_assignment(later);
    later.until = day(2026, 6, 30);
    store->add_assignment(later);
    EXPECT_EQ(store->assignments_of_municipality("GM0935")[0].until, day(2026, 6, 30));

    RoleAssignment missing = all[1];
    missing.id = 999;
    EXPECT_THROW(store->update_assignment(missing), std::invalid_argument);
}

TEST(SqliteStore, holders_are_the_people_whose_assignment_covers_the_day) {
    auto store = SqliteStore::open(":memory:");
    for (const char* id : {"anna", "bob", "carl", "dana"}) store->upsert_person(person(id));
    store->add_assignment(
        {0, "GM0935", "regisseur", "bob", day(2024, 7, 1), std::nullopt, std::nullopt});
    store->add_assignment(
        {0, "GM0935", "regisseur", "anna", day(2024, 1, 1), day(2024, 6, 30), std::nullopt});
    store->add_assignment(
        {0, "GM0935", "regisseur", "dana", day(2024, 6, 1), day(2024, 7, 31), std::nullopt});
    store->add_assignment(
        {0, "GM0935", "ggd-contact", "carl", day(2020, 1, 1), std::nullopt, std::nullopt});
    store->add_assignment(
        {0, "GM0888", "regisseur", "carl", day(2020, 1, 1), std::nullopt, std::nullopt});

    auto ids = [&](Date on) {
        std::vector<std::string> out;
        for (const auto& p : store->holders_of_role("GM0935", "regisseur", on)) out.push_back(p.id);
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(day(2023, 12, 31)), V{});
    EXPECT_EQ(ids(day(2024, 1, 1)), V{"anna"});
    EXPECT_EQ(ids(day(2024, 6, 30)), (V{"anna", "dana"}));  // until is inclusive
    EXPECT_EQ(ids(day(2024, 7, 1)), (V{"bob", "dana"}));
    EXPECT_EQ(ids(day(2024, 8, 1)), V{"bob"});
    EXPECT_EQ(ids(day(2031, 1, 1)), V{"bob"});
    const auto holders = store->holders_of_role("GM0935", "ggd-contact", day(2024, 1, 1));
    ASSERT_EQ(holders.size(), 1u);
    EXPECT_EQ(holders[0].email, "carl@example.nl");

    // Two periods of one person that overlap (a new FTE recorded from a day inside the
    // old period, say): one reminder, not two.
    store->add_assignment({0, "GM0935", "regisseur", "anna", day(2024, 6, 1), std::nullopt, 0.4});
    EXPECT_EQ(ids(day(2024, 6, 15)), (V{"anna", "dana"}));
    EXPECT_EQ(ids(day(2024, 7, 1)), (V{"anna", "bob", "dana"}));
}

TEST(SqliteStore, instance_round_trips_with_marks_and_can_be_found_by_key) {
    auto store = SqliteStore::open(":memory:");
    Instance i = sample_instance();
    const auto id = store->insert_instance(i);
    EXPECT_GT(id, 0);
    auto back = store->instance(id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->id, id);
    expect_same(*back, i);

    i.id = id;
    i.state = "acting";
    i.finished_at.reset();
    i.marks["acting.entered"] = at(1'720'000'000);
    i.params["successor"] = "noor";
    store->update_instance(i);
    expect_same(*store->instance(id), i);

    const auto id2 = store->insert_instance(sample_instance("2026"));
    const auto found = store->instance_by_key("GM0935", "oko-cycle", "2026");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, id2);
    EXPECT_FALSE(store->instance_by_key("GM0935", "oko-cycle", "2030"));
    EXPECT_FALSE(store->instance(id2 + 1));
    const auto all = store->instances_of_municipality("GM0935");
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, id);
    EXPECT_EQ(all[1].id, id2);
    EXPECT_THROW(store->insert_instance(sample_instance("2026")), SqliteError);  // unique key
}

TEST(SqliteStore, task_round_trips_with_and_without_optional_fields) {
    auto store = SqliteStore::open(":memory:");
    const auto instance = store->insert_instance(sample_instance());

    Task bare = sample_task(instance, "survey", std::nullopt);
    bare.remind_days.clear();
    const auto bare_id = store->insert_task(bare);
    expect_same(*store->task(bare_id), bare);

    Task full = sample_task(instance, "advice#2", at(1'710'000'000));
    full.item = "alcohol-free parties";
    full.escalation = Escalation{7, "regisseur"};
    full.status = TaskStatus::done;
    full.closed_at = at(1'709'000'000);
    full.closed_by = "maastricht-anna";
    full.note = "klaar";
    const auto full_id = store->insert_task(full);
    EXPECT_GT(full_id, bare_id);
    auto back = store->task(full_id);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->id, full_id);
    expect_same(*back, full);

    full.id = full_id;
    full.escalation.reset();
    full.closed_at.reset();
    full.status = TaskStatus::overdue;
    full.state_entry = 4;
    store->update_task(full);
    expect_same(*store->task(full_id), full);

    EXPECT_FALSE(store->task(full_id + 100));
    EXPECT_THROW(store->insert_task(sample_task(instance, "survey", std::nullopt)), SqliteError);
    Task missing = full;
    missing.id = 999;
    EXPECT_THROW(store->update_task(missing), std::invalid_argument);
}

TEST(SqliteStore, knows_taken_task_keys_and_open_tasks_per_state_entry) {
    auto store = SqliteStore::open(":memory:");
    const auto i1 = store->insert_instance(sample_instance("2024"));
    const auto i2 = store->insert_instance(sample_instance("2026"));
    store->insert_task(sample_task(i1, "survey", at(100)));  // open, state entry 3
    Task done = sample_task(i1, "advice", at(200));
    done.state_entry = 4;
    done.status = TaskStatus::done;
    store->insert_task(done);
    Task overdue = sample_task(i2, "survey", at(100));
    overdue.state_entry = 5;
    overdue.status = TaskStatus::overdue;
    store->insert_task(overdue);
    Task skipped = sample_task(i2, "advice", at(100));
    skipped.state_entry = 4;
    skipped.status = TaskStatus::skipped;
    store->insert_task(skipped);

    EXPECT_TRUE(store->task_key_taken(i1, "survey"));
    EXPECT_TRUE(store->task_key_taken(i1, "advice"));
    EXPECT_FALSE(store->task_key_taken(i1, "policy"));
    EXPECT_FALSE(store->task_key_taken(i2 + 1, "survey"));
    EXPECT_TRUE(store->has_open_task(i1, 3));
    EXPECT_FALSE(store->has_open_task(i1, 4));  // done
    EXPECT_FALSE(store->has_open_task(i1, 5));  // that open task is the other instance's
    EXPECT_FALSE(store->has_open_task(i2, 3));  // and this one is the first instance's
    EXPECT_FALSE(store->has_open_task(i2, 4));  // skipped
    EXPECT_TRUE(store->has_open_task(i2, 5));   // overdue is still open
}

TEST(SqliteStore, tasks_are_filtered_and_ordered_by_due_then_id) {
    auto store = SqliteStore::open(":memory:");
    const auto i1 = store->insert_instance(sample_instance("2024"));
    const auto i2 = store->insert_instance(sample_instance("2026"));
    const auto t_late = store->insert_task(sample_task(i1, "a", at(300)));
    const auto t_none = store->insert_task(sample_task(i1, "b", std::nullopt));
    const auto t_early = store->insert_task(sample_task(i1, "c", at(100)));
    const auto t_early2 = store->insert_task(sample_task(i2, "d", at(100)));
    Task done = sample_task(i2, "e", at(200));
    done.status = TaskStatus::done;
    done.role = "regisseur";
    const auto t_done = store->insert_task(done);

    auto ids = [&](const TaskFilter& f) {
        std::vector<TaskId> out;
        for (const auto& t : store->tasks_matching(f)) out.push_back(t.id);
        return out;
    };
    using V = std::vector<TaskId>;
    // Filters built by assignment: designated initializers trip -Wmissing-field-initializers.
    auto filter = [](auto&& set) {
        TaskFilter f;
        set(f);
        return f;
    };
    EXPECT_EQ(ids({}), (V{t_early, t_early2, t_done, t_late, t_none}));
    EXPECT_EQ(ids(filter([&](TaskFilter& f) { f.instance_id = i1; })),
              (V{t_early, t_late, t_none}));
    EXPECT_EQ(ids(filter([](TaskFilter& f) { f.status = TaskStatus::done; })), V{t_done});
    EXPECT_EQ(ids(filter([](TaskFilter& f) { f.role = "regisseur"; })), V{t_done});
    EXPECT_EQ(ids(filter([](TaskFilter& f) { f.municipality = "GM0888"; })), V{});
    EXPECT_EQ(ids(filter([](TaskFilter& f) {
                  f.municipality = "GM0935";
                  f.status = TaskStatus::open;
              })),
              (V{t_early, t_early2, t_late, t_none}));
    EXPECT_EQ(ids(filter([](TaskFilter& f) { f.due_before = at(200); })), (V{t_early, t_early2}));
    EXPECT_EQ(ids(filter([](TaskFilter& f) { f.due_after = at(200); })), (V{t_done, t_late}));
    EXPECT_EQ(ids(filter([](TaskFilter& f) {
                  f.due_before = at(300);
                  f.due_after = at(100);
              })),
              (V{t_early, t_early2, t_done}));
}

TEST(SqliteStore, tasks_of_a_municipality_or_an_instance_keep_to_that_bound) {
    auto store = SqliteStore::open(":memory:");
    const auto here = store->insert_instance(sample_instance("2024"));
    Instance elsewhere_instance = sample_instance("2024");
    elsewhere_instance.municipality = "GM0014";
    const auto there = store->insert_instance(elsewhere_instance);
    const auto open_here = store->insert_task(sample_task(here, "a", at(100)));
    Task done = sample_task(here, "b", at(200));
    done.status = TaskStatus::done;
    const auto done_here = store->insert_task(done);
    Task elsewhere = sample_task(there, "a", at(50));
    elsewhere.municipality = "GM0014";
    const auto open_there = store->insert_task(elsewhere);

    auto ids = [](const std::vector<Task>& tasks) {
        std::vector<TaskId> out;
        for (const auto& t : tasks) out.push_back(t.id);
        return out;
    };
    using V = std::vector<TaskId>;
    EXPECT_EQ(ids(store->tasks_of_municipality("GM0935")), (V{open_here, done_here}));
    EXPECT_EQ(ids(store->tasks_of_municipality("GM0014")), V{open_there});
    EXPECT_EQ(ids(store->tasks_of_instance(there)), V{open_there});
    // The other fields of a filter narrow within the bound; a municipality is replaced.
    TaskFilter open_only;
    open_only.status = TaskStatus::open;
    open_only.municipality = "GM0014";
    EXPECT_EQ(ids(store->tasks_of_municipality("GM0935", open_only)), V{open_here});
    open_only.municipality.reset();
    EXPECT_EQ(ids(store->tasks_of_instance(here, open_only)), V{open_here});
}

TEST(SqliteStore, timer_round_trips_and_a_duplicate_key_is_refused) {
    auto store = SqliteStore::open(":memory:");
    Timer t;
    t.due = at(1'700'000'000);
    t.kind = TimerKind::transition;
    t.municipality = "GM0935";
    t.definition_id = "oko-cycle";
    t.instance_key = "2024";
    t.instance_id = 12;
    t.task_id = 34;
    t.lead_days = 3;
    t.transition_index = 2;
    t.state_entry = 9;
    t.key = "transition:12:9:2";
    EXPECT_TRUE(store->add_timer(t));
    Timer again = t;
    again.due = at(1);
    EXPECT_FALSE(store->add_timer(again));
    EXPECT_EQ(store->timer_count(), 1);

    const auto back = store->next_timer();
    ASSERT_TRUE(back);
    EXPECT_GT(back->id, 0);
    EXPECT_EQ(back->due, t.due);
    EXPECT_EQ(back->kind, t.kind);
    EXPECT_EQ(back->municipality, t.municipality);
    EXPECT_EQ(back->definition_id, t.definition_id);
    EXPECT_EQ(back->instance_key, t.instance_key);
    EXPECT_EQ(back->instance_id, t.instance_id);
    EXPECT_EQ(back->task_id, t.task_id);
    EXPECT_EQ(back->lead_days, t.lead_days);
    EXPECT_EQ(back->transition_index, t.transition_index);
    EXPECT_EQ(back->state_entry, t.state_entry);
    EXPECT_EQ(back->key, t.key);

    Timer start = timer("start:GM0935:oko-cycle:2026", at(5));
    start.kind = TimerKind::start_instance;  // no instance, no task
    EXPECT_TRUE(store->add_timer(start));
    const auto first = store->next_timer();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->key, start.key);
    EXPECT_EQ(first->instance_id, 0);
    EXPECT_EQ(first->task_id, 0);
}

TEST(SqliteStore, next_timer_and_due_timers_order_by_due_then_id) {
    auto store = SqliteStore::open(":memory:");
    EXPECT_FALSE(store->next_timer());
    ASSERT_TRUE(store->add_timer(timer("k1", at(300))));
    ASSERT_TRUE(store->add_timer(timer("k2", at(100))));
    ASSERT_TRUE(store->add_timer(timer("k3", at(100))));
    ASSERT_TRUE(store->add_timer(timer("k4", at(200))));

    EXPECT_EQ(store->next_timer()->key, "k2");
    auto keys = [&](Instant now, int limit) {
        std::vector<std::string> out;
        for (const auto& t : store->due_timers(now, limit)) out.push_back(t.key);
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(keys(at(99), 10), V{});
    EXPECT_EQ(keys(at(200), 10), (V{"k2", "k3", "k4"}));  // due <= now
    EXPECT_EQ(keys(at(200), 2), (V{"k2", "k3"}));
    EXPECT_EQ(keys(at(1000), 10), (V{"k2", "k3", "k4", "k1"}));

    store->delete_timer(store->next_timer()->id);
    EXPECT_EQ(store->next_timer()->key, "k3");
    EXPECT_EQ(store->timer_count(), 3);
}

TEST(SqliteStore, timers_are_deleted_per_task_and_per_instance) {
    auto store = SqliteStore::open(":memory:");
    Timer a = timer("a", at(1));
    a.task_id = 5;
    Timer b = timer("b", at(2));
    b.task_id = 5;
    Timer c = timer("c", at(3));
    c.task_id = 6;
    Timer d = timer("d", at(4));
    d.kind = TimerKind::transition;
    d.instance_id = 7;
    Timer e = timer("e", at(5));
    e.kind = TimerKind::start_instance;
    for (const auto& t : {a, b, c, d, e}) ASSERT_TRUE(store->add_timer(t));

    store->delete_task_timers(5);
    EXPECT_EQ(store->timer_count(), 3);
    store->delete_instance_timers(7);
    EXPECT_EQ(store->timer_count(), 2);
    store->delete_instance_timers(0);  // "no instance" is not an instance
    store->delete_task_timers(0);
    EXPECT_EQ(store->timer_count(), 2);
    EXPECT_EQ(store->next_timer()->key, "c");
}

TEST(SqliteStore, events_round_trip_in_seq_order) {
    auto store = SqliteStore::open(":memory:");
    Event e = event(EventKind::task_created);
    e.state = "monitoring";
    e.from_state = "start";
    e.task = "survey";
    e.title = "Jeugdmonitor afnemen";
    e.role = "ggd-contact";
    e.person = "maastricht-anna";
    e.due = at(1'710'000'000);
    e.lead_days = 3;
    e.note = "n";
    const auto s1 = store->append_event(e);
    const auto s2 = store->append_event(event(EventKind::transition));
    const auto s3 = store->append_event(event(EventKind::task_done));
    EXPECT_LT(s1, s2);
    EXPECT_LT(s2, s3);

    const auto all = store->events_after(0, 100);
    ASSERT_EQ(all.size(), 3u);
    const Event& b = all[0];
    EXPECT_EQ(b.seq, s1);
    EXPECT_EQ(b.at, e.at);
    EXPECT_EQ(b.municipality, e.municipality);
    EXPECT_EQ(b.instance_id, e.instance_id);
    EXPECT_EQ(b.workflow, e.workflow);
    EXPECT_EQ(b.kind, e.kind);
    EXPECT_EQ(b.state, e.state);
    EXPECT_EQ(b.from_state, e.from_state);
    EXPECT_EQ(b.task, e.task);
    EXPECT_EQ(b.title, e.title);
    EXPECT_EQ(b.role, e.role);
    EXPECT_EQ(b.person, e.person);
    EXPECT_EQ(b.due, e.due);
    EXPECT_EQ(b.lead_days, e.lead_days);
    EXPECT_EQ(b.note, e.note);
    EXPECT_EQ(all[1].due, std::nullopt);
    EXPECT_EQ(all[1].lead_days, -1);

    const auto tail = store->events_after(s1, 1);
    ASSERT_EQ(tail.size(), 1u);
    EXPECT_EQ(tail[0].seq, s2);
    EXPECT_TRUE(store->events_after(s3, 10).empty());
    EXPECT_EQ(store->count_events_after(0), 3);
    EXPECT_EQ(store->count_events_after(s1), 2);
    EXPECT_EQ(store->count_events_after(s3), 0);
    EXPECT_EQ(store->last_event_seq(), s3);
}

TEST(SqliteStore, the_event_log_rejects_update_and_delete) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    auto store = SqliteStore::open(file);
    store->append_event(event(EventKind::task_created));

    RawDb raw(file);
    EXPECT_EQ(raw.exec("UPDATE events SET kind = 'forged'"), "event log is append-only");
    EXPECT_EQ(raw.exec("DELETE FROM events WHERE seq = 1"), "event log is append-only");
    EXPECT_EQ(raw.exec("DELETE FROM events"), "event log is append-only");
    const auto all = store->events_after(0, 10);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].kind, EventKind::task_created);
}

TEST(SqliteStore, outbox_item_round_trips_and_a_duplicate_key_is_refused) {
    auto store = SqliteStore::open(":memory:");
    OutboxItem o = outbox_item("4:reminder:1700100000:anna@example.nl");
    o.late = true;
    EXPECT_TRUE(store->enqueue(o));
    OutboxItem again = o;
    again.recipient = "someone-else@example.nl";
    EXPECT_FALSE(store->enqueue(again));

    auto all = store->outbox_by_status(std::nullopt, 10);
    ASSERT_EQ(all.size(), 1u);
    OutboxItem b = all[0];
    EXPECT_GT(b.id, 0);
    EXPECT_EQ(b.key, o.key);
    EXPECT_EQ(b.created_at, o.created_at);
    EXPECT_EQ(b.municipality, o.municipality);
    EXPECT_EQ(b.task_id, o.task_id);
    EXPECT_EQ(b.kind, o.kind);
    EXPECT_EQ(b.role, o.role);
    EXPECT_EQ(b.person_id, o.person_id);
    EXPECT_EQ(b.recipient, "anna@example.nl");
    EXPECT_EQ(b.language, Language::en);
    EXPECT_EQ(b.lead_days, o.lead_days);
    EXPECT_EQ(b.due, o.due);
    EXPECT_TRUE(b.late);
    EXPECT_EQ(b.status, OutboxStatus::pending);
    EXPECT_EQ(b.attempts, 0);
    EXPECT_EQ(b.next_attempt_at, std::nullopt);
    EXPECT_EQ(b.last_error, "");
    EXPECT_EQ(b.sent_at, std::nullopt);

    b.status = OutboxStatus::sent;
    b.attempts = 2;
    b.next_attempt_at = at(1'700'000'600);
    b.last_error = "421 try later";
    b.sent_at = at(1'700'000'700);
    store->update_outbox(b);
    ASSERT_TRUE(store->enqueue(outbox_item("second")));

    const auto sent = store->outbox_by_status(OutboxStatus::sent, 10);
    ASSERT_EQ(sent.size(), 1u);
    EXPECT_EQ(sent[0].attempts, 2);
    EXPECT_EQ(sent[0].next_attempt_at, b.next_attempt_at);
    EXPECT_EQ(sent[0].last_error, b.last_error);
    EXPECT_EQ(sent[0].sent_at, b.sent_at);
    const auto pending = store->outbox_by_status(OutboxStatus::pending, 10);
    ASSERT_EQ(pending.size(), 1u);
    EXPECT_EQ(pending[0].key, "second");
    EXPECT_TRUE(store->outbox_by_status(OutboxStatus::dead, 10).empty());
    EXPECT_EQ(store->outbox_by_status(std::nullopt, 1).size(), 1u);
}

// --- transactions and crashes -----------------------------------------------------------

TEST(SqliteStore, a_transaction_destroyed_without_commit_rolls_back) {
    auto store = SqliteStore::open(":memory:");
    {
        auto tx = store->begin();
        store->upsert_person(person("anna"));
        EXPECT_TRUE(store->add_timer(timer("k", at(1))));
    }
    EXPECT_FALSE(store->person("anna"));
    EXPECT_EQ(store->timer_count(), 0);
    {
        auto tx = store->begin();
        store->upsert_person(person("anna"));
        tx->commit();
        EXPECT_THROW(tx->commit(), std::logic_error);
    }
    EXPECT_TRUE(store->person("anna"));
}

// Group commit: steps inside one outer transaction are savepoints. A step that fails
// rolls back alone; the group becomes durable only with the outer commit.
TEST(SqliteStore, a_transaction_inside_another_is_a_step_of_its_group) {
    auto store = SqliteStore::open(":memory:");
    auto group = store->begin();
    {
        auto step = store->begin();
        store->upsert_person(person("anna"));
        step->commit();
    }
    {
        auto failed = store->begin();
        store->upsert_person(person("bert"));
        EXPECT_TRUE(store->add_timer(timer("k", at(1))));
    }  // rolled back: bert and the timer are gone, anna stays
    EXPECT_TRUE(store->person("anna"));
    EXPECT_FALSE(store->person("bert"));
    {
        auto open_step = store->begin();
        EXPECT_THROW(group->commit(), std::logic_error);  // innermost first
    }
    group->commit();
    EXPECT_TRUE(store->person("anna"));
    EXPECT_FALSE(store->person("bert"));
    EXPECT_EQ(store->timer_count(), 0);
    auto next = store->begin();  // a new outer transaction
    next->commit();
}

// okoctl and the outbox read through other connections: a step that is done but whose
// group is not committed yet must stay invisible to them.
TEST(SqliteStore, another_connection_sees_a_group_only_when_it_commits) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    auto store = SqliteStore::open(file);
    RawDb other(file);
    auto group = store->begin();
    auto step = store->begin();
    store->upsert_person(person("anna"));
    step->commit();
    EXPECT_EQ(other.integer("SELECT count(*) FROM people"), 0);
    group->commit();
    EXPECT_EQ(other.integer("SELECT count(*) FROM people"), 1);
}

// BEGIN IMMEDIATE fails while another process holds the write lock past the busy
// timeout (5 s); the daemon backs off and tries again, so the store must stay usable.
TEST(SqliteStore, a_begin_refused_by_a_busy_database_leaves_the_store_usable) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    auto store = SqliteStore::open(file);
    RawDb other(file);
    ASSERT_EQ(other.exec("BEGIN IMMEDIATE"), "");
    EXPECT_THROW(store->begin(), SqliteError);
    ASSERT_EQ(other.exec("COMMIT"), "");
    auto group = store->begin();
    auto step = store->begin();
    store->upsert_person(person("anna"));
    step->commit();
    group->commit();
    EXPECT_EQ(other.integer("SELECT count(*) FROM people"), 1);
}

TEST(SqliteStore, a_group_ended_before_its_open_step_takes_the_step_with_it) {
    auto store = SqliteStore::open(":memory:");
    auto group = store->begin();
    auto step = store->begin();
    store->upsert_person(person("anna"));
    group.reset();
    EXPECT_THROW(step->commit(), std::logic_error);
    step.reset();
    EXPECT_FALSE(store->person("anna"));
    auto next = store->begin();  // a fresh outer transaction, not a savepoint
    store->upsert_person(person("bert"));
    next->commit();
    EXPECT_TRUE(store->person("bert"));
}

TEST(SqliteStore, a_group_that_is_not_committed_loses_its_committed_steps_too) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    {
        auto store = SqliteStore::open(file);
        auto group = store->begin();
        auto step = store->begin();
        store->upsert_person(person("anna"));
        step->commit();
        store.reset();  // a crash before the group's commit
    }
    EXPECT_FALSE(SqliteStore::open(file)->person("anna"));
}

TEST(SqliteStore, writes_outside_a_transaction_autocommit) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    auto store = SqliteStore::open(file);
    store->upsert_person(person("anna"));
    RawDb raw(file);
    EXPECT_EQ(raw.integer("SELECT count(*) FROM people"), 1);
}

// Step 1 commits; step 2 is written but the store goes away before its commit. After
// a reopen exactly step 1 is there, and the engine can redo step 2.
TEST(SqliteStore, a_crash_between_steps_leaves_exactly_the_committed_step) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    InstanceId first = 0;
    std::int64_t first_seq = 0;
    for (const bool destroy_transaction_first : {true, false}) {
        SCOPED_TRACE(destroy_transaction_first ? "transaction destroyed first"
                                               : "store closed under the transaction");
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(file.string() + suffix);
        auto store = SqliteStore::open(file);
        {
            auto step1 = store->begin();
            first = store->insert_instance(sample_instance("2024"));
            store->insert_task(sample_task(first, "survey", at(100)));
            ASSERT_TRUE(store->add_timer(timer("t1", at(100))));
            first_seq = store->append_event(event(EventKind::instance_started));
            step1->commit();
        }
        auto step2 = store->begin();
        const auto second = store->insert_instance(sample_instance("2026"));
        store->insert_task(sample_task(second, "survey", at(200)));
        ASSERT_TRUE(store->add_timer(timer("t2", at(200))));
        store->append_event(event(EventKind::instance_started));
        store->delete_timer(store->next_timer()->id);
        if (destroy_transaction_first) {
            step2.reset();
            store.reset();
        } else {
            store.reset();  // the transaction outlives the store: must not touch it
            step2.reset();
        }

        auto reopened = SqliteStore::open(file);
        const auto instances = reopened->instances_of_municipality("GM0935");
        ASSERT_EQ(instances.size(), 1u);
        EXPECT_EQ(instances[0].id, first);
        EXPECT_EQ(reopened->tasks_matching({}).size(), 1u);
        EXPECT_EQ(reopened->timer_count(), 1);
        EXPECT_EQ(reopened->next_timer()->key, "t1");
        ASSERT_EQ(reopened->events_after(0, 10).size(), 1u);

        auto redo = reopened->begin();
        EXPECT_EQ(reopened->insert_instance(sample_instance("2026")), first + 1);
        EXPECT_TRUE(reopened->add_timer(timer("t2", at(200))));
        EXPECT_EQ(reopened->append_event(event(EventKind::instance_started)), first_seq + 1);
        redo->commit();
        EXPECT_EQ(reopened->instances_of_municipality("GM0935").size(), 2u);
    }
}

// The same, with a real process that dies mid-step without running any destructor.
TEST(SqliteStore, a_process_killed_mid_step_leaves_exactly_the_committed_step) {
    test::TempDir dir;
    const auto file = dir / "okod.db";
    const pid_t pid = fork();
    ASSERT_NE(pid, -1);
    if (pid == 0) {
        try {
            auto store = SqliteStore::open(file);
            auto step1 = store->begin();
            store->insert_instance(sample_instance("2024"));
            store->append_event(event(EventKind::instance_started));
            step1->commit();
            auto step2 = store->begin();
            store->insert_instance(sample_instance("2026"));
            // Larger than SQLite's page cache (16 MiB), so step 2's pages spill into the
            // WAL before the crash: recovery must ignore frames without a commit.
            Event big = event(EventKind::instance_started);
            big.note = std::string(24 << 20, 'x');
            store->append_event(big);
            _exit(0);  // the store and step 2 are still open: no rollback, no close
        } catch (...) {
            _exit(1);
        }
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);
    EXPECT_GT(std::filesystem::file_size(dir / "okod.db-wal"), 4u << 20);

    auto store = SqliteStore::open(file);
    const auto instances = store->instances_of_municipality("GM0935");
    ASSERT_EQ(instances.size(), 1u);
    EXPECT_EQ(instances[0].key, "2024");
    EXPECT_EQ(store->events_after(0, 10).size(), 1u);
    EXPECT_EQ(store->insert_instance(sample_instance("2026")), instances[0].id + 1);
    EXPECT_EQ(store->append_event(event(EventKind::instance_started)), 2);
}

}  // namespace
}  // namespace okod

namespace okod {
namespace {

TEST(SqliteStore, changed_elsewhere_sees_other_connections_commits_but_not_its_own) {
    test::TempDir dir;
    auto daemon = SqliteStore::open(dir / "okod.sqlite");
    auto okoctl = SqliteStore::open(dir / "okod.sqlite");
    EXPECT_FALSE(daemon->changed_elsewhere());
    daemon->set_meta("k", "daemon's own write");
    EXPECT_FALSE(daemon->changed_elsewhere());
    okoctl->set_meta("k", "okoctl's write");
    EXPECT_TRUE(daemon->changed_elsewhere());
    EXPECT_FALSE(daemon->changed_elsewhere());  // once per change
}

}  // namespace
}  // namespace okod
