// AVG/GDPR art. 15 and 17 with the shipped workflows and the demo Maastricht: Bram
// Hendriks (GGD contact) is renamed, leaves, gets his warm hand-over, and is then
// exported and erased. After the erasure neither of his names nor his addresses is
// anywhere in the store file, the event log is still append-only and contiguous, and
// his hand-over's titles show the pseudonym.
#include <fmt/format.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "adapters/sqlite/sqlite_store.hpp"
#include "model/event_kind.hpp"
#include "model/person_record.hpp"
#include "support/demo_world.hpp"

namespace okod::test {
namespace {

const std::vector<std::string> kTraces{"Bram Hendriks", "bram.hendriks@ggdzl.example",
                                       "Bram de Wit", "bram.dewit@ggdzl.example"};

// A connection beside the store's, to look at the file as another process would.
class Raw {
public:
    explicit Raw(const std::filesystem::path& file) { sqlite3_open(file.c_str(), &db_); }
    ~Raw() { sqlite3_close(db_); }
    Raw(const Raw&) = delete;
    Raw& operator=(const Raw&) = delete;
    std::string exec(const std::string& sql) {  // "" or SQLite's message
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return {};
        std::string m = error ? error : "error";
        sqlite3_free(error);
        return m;
    }
    std::vector<std::string> column(const std::string& sql) {
        sqlite3_stmt* s = nullptr;
        std::vector<std::string> rows;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return rows;
        while (sqlite3_step(s) == SQLITE_ROW) {
            const auto* t = sqlite3_column_text(s, 0);
            rows.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
        }
        sqlite3_finalize(s);
        return rows;
    }

private:
    sqlite3* db_ = nullptr;
};

std::string bytes_of(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class PersonalData : public DemoWorld {
protected:
    std::filesystem::path file() const { return dir_ / "okod.sqlite"; }

    void SetUp() override {
        start(at(2022, 1, 1, 0), file());
        run_until(at(2022, 9, 30, 18), /*complete_on_time=*/true);
        // Renamed, as the issue found it: the old name must go too.
        ASSERT_TRUE(engine()
                        .save_person({"maastricht-bram", "Bram de Wit", "bram.dewit@ggdzl.example",
                                      Language::nl},
                                     "beheer")
                        .ok);
        // What a store from before names were kept by reference holds: the name in a
        // person line's note and in a title.
        Event legacy;
        legacy.at = at(2022, 9, 30, 19);
        legacy.kind = EventKind::person_saved;
        legacy.person = "maastricht-bram";
        legacy.note = "Bram Hendriks <bram.hendriks@ggdzl.example> (gewijzigd) door beheer";
        legacy_seq_ = store().append_event(legacy);
        // Reminders to Bram that went out (sent) and one still waiting (pending).
        int n = 0;
        for (auto o : store().outbox_by_status(OutboxStatus::pending, 1000)) {
            if (o.person_id != "maastricht-bram") continue;
            if (n++ % 2 == 0) {
                o.status = OutboxStatus::sent;
                o.sent_at = o.created_at;
            }
            store().update_outbox(o);
        }
        ASSERT_GT(n, 1) << "Bram got no reminders to test with";
        clock_->advance_to(at(2022, 10, 3));
        ASSERT_TRUE(engine()
                        .announce_leave("GM0935", "maastricht-bram", "", day(2022, 10, 14), "sanne")
                        .ok);
        run_until(at(2022, 10, 12, 12));
    }

    // Every text in every column of every table that mentions one of Bram's traces.
    std::vector<std::string> traces_in_columns() {
        Raw raw(file());
        std::vector<std::string> found;
        for (const auto& table : raw.column("SELECT name FROM sqlite_schema WHERE type = 'table'"))
            for (const auto& column :
                 raw.column("SELECT name FROM pragma_table_info('" + table + "')"))
                for (const auto& trace : kTraces)
                    for (const auto& v : raw.column(
                             fmt::format("SELECT \"{}\" FROM \"{}\" WHERE instr(\"{}\", '{}') > 0",
                                         column, table, column, trace)))
                        found.push_back(table + "." + column + ": " + v);
        return found;
    }

    std::int64_t legacy_seq_ = 0;
};

TEST_F(PersonalData, export_holds_the_roles_tasks_mails_and_events_of_the_person) {
    const auto r = person_record(store(), "maastricht-bram");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->person.name, "Bram de Wit");
    EXPECT_FALSE(r->erased_at);
    ASSERT_EQ(r->assignments.size(), 2u);  // ggd-contact and kernteam, both ending 14 October
    for (const auto& a : r->assignments) EXPECT_EQ(a.until, day(2022, 10, 14));
    // The survey task was the GGD contact's while he held the role; his hand-over
    // file was addressed to him.
    const auto has_task = [&](const std::string& key) {
        return std::any_of(r->tasks.begin(), r->tasks.end(),
                           [&](const Task& t) { return t.key == key; });
    };
    EXPECT_TRUE(has_task("survey"));
    EXPECT_TRUE(has_task("handover-file"));
    EXPECT_FALSE(r->mails.empty());
    for (const auto& m : r->mails) EXPECT_EQ(m.person_id, "maastricht-bram");
    // Lines about him: by id (leave, reminders), by old name (the legacy line).
    const auto has_event = [&](auto pred) {
        return std::any_of(r->events.begin(), r->events.end(), pred);
    };
    EXPECT_TRUE(has_event([](const Event& e) { return e.kind == EventKind::leave_announced; }));
    EXPECT_TRUE(has_event([](const Event& e) { return e.kind == EventKind::reminder; }));
    EXPECT_TRUE(has_event([&](const Event& e) { return e.seq == legacy_seq_; }));
    // His hand-over keeps him as a reference; the API shows it with his name.
    const Instance handover = instances("warm-handover").at(0);
    EXPECT_EQ(handover.params.at("leaver_name"), "{person:maastricht-bram}");
    EXPECT_EQ(with_names(handover, person_names(store())).params.at("leaver_name"), "Bram de Wit");
    // The hand-over's tasks name him by reference, found as such.
    EXPECT_TRUE(has_event([](const Event& e) {
        return e.kind == EventKind::task_created &&
               e.title.find("{person:maastricht-bram}") != std::string::npos;
    }));
}

TEST_F(PersonalData, erasure_is_refused_while_the_person_holds_a_role_and_changes_nothing) {
    const auto seq = store().last_event_seq();
    const auto r = engine().erase_person("maastricht-bram", "beheer");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(
        r.error.find("maastricht-bram still holds a role (ggd-contact in GM0935 until 2022-10-14"),
        std::string::npos)
        << r.error;
    EXPECT_NE(r.error.find("erase from 2022-10-15 on, after their last day"), std::string::npos)
        << r.error;
    // Someone whose role runs on is told to record the leave first.
    const auto sanne = engine().erase_person("maastricht-sanne", "beheer");
    EXPECT_FALSE(sanne.ok);
    EXPECT_NE(sanne.error.find(
                  "open-ended): record their leave first (okoctl people leave maastricht-sanne"),
              std::string::npos)
        << sanne.error;
    EXPECT_EQ(store().last_event_seq(), seq);
    EXPECT_EQ(store().person("maastricht-bram")->name, "Bram de Wit");
    EXPECT_FALSE(store().person_erased_at("maastricht-bram"));
    EXPECT_FALSE(engine().erase_person("nobody", "beheer").ok);
}

TEST_F(PersonalData, after_the_last_day_erasure_leaves_no_name_or_address_anywhere_in_the_file) {
    run_until(at(2022, 10, 17, 12));
    ASSERT_FALSE(traces_in_columns().empty());  // the test would see them
    const auto seq_before = store().last_event_seq();
    std::int64_t pending = 0;
    for (const auto& o : store().outbox_of_person("maastricht-bram"))
        pending += o.status == OutboxStatus::pending;
    ASSERT_GT(pending, 0);

    const auto r = engine().erase_person("maastricht-bram", "beheer");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.pseudonym, "Verwijderde persoon 1");
    EXPECT_EQ(r.event_seq, seq_before + 1);
    EXPECT_NE(std::find(r.counts.event_seqs.begin(), r.counts.event_seqs.end(), legacy_seq_),
              r.counts.event_seqs.end());
    EXPECT_GT(r.counts.outbox_addresses, 0);
    EXPECT_EQ(r.counts.outbox_stopped, pending);

    EXPECT_EQ(traces_in_columns(), std::vector<std::string>{});
    const auto p = store().person("maastricht-bram");
    EXPECT_EQ(p->name, "Verwijderde persoon 1");
    EXPECT_EQ(p->email, "");
    EXPECT_TRUE(store().person_erased_at("maastricht-bram"));
    for (const auto& o : store().outbox_of_person("maastricht-bram")) {
        EXPECT_EQ(o.recipient, "");
        EXPECT_NE(o.status, OutboxStatus::pending);
    }
    // His hand-over's titles now show the pseudonym where they named him.
    const Task file_task = task("warm-handover", "handover-file");
    EXPECT_NE(render_person_refs(file_task.title.nl, person_names(store()))
                  .find("(overdracht van Verwijderde persoon 1 aan de opvolger)"),
              std::string::npos);

    // The erasure is on record, naming only the pseudonym and the lines it rewrote.
    const auto erased = events(EventKind::person_erased);
    ASSERT_EQ(erased.size(), 1u);
    EXPECT_EQ(erased[0].person, "maastricht-bram");
    EXPECT_NE(erased[0].note.find("voortaan 'Verwijderde persoon 1'"), std::string::npos)
        << erased[0].note;
    EXPECT_NE(erased[0].note.find(std::to_string(legacy_seq_)), std::string::npos)
        << erased[0].note;

    // Not even in the file's bytes (once the write-ahead log is in the file and freed
    // pages are gone).
    {
        Raw raw(file());
        ASSERT_EQ(raw.exec("PRAGMA wal_checkpoint(TRUNCATE)"), "");
        ASSERT_EQ(raw.exec("VACUUM"), "");
    }
    const std::string bytes = bytes_of(file()) + bytes_of(file().string() + "-wal");
    for (const auto& trace : kTraces) EXPECT_EQ(bytes.find(trace), std::string::npos) << trace;
}

TEST_F(PersonalData, the_log_stays_append_only_and_contiguous_after_an_erasure) {
    run_until(at(2022, 10, 17, 12));
    ASSERT_TRUE(engine().erase_person("maastricht-bram", "beheer").ok);
    Raw raw(file());
    EXPECT_NE(raw.exec("UPDATE events SET note = 'x' WHERE seq = 1").find("append-only"),
              std::string::npos);
    EXPECT_NE(raw.exec("DELETE FROM events WHERE seq = 1").find("append-only"), std::string::npos);
    // Even inside the sanctioned path an erasure may rewrite only a title or a note.
    EXPECT_NE(raw.exec("BEGIN; INSERT INTO erasure_in_progress VALUES (1, 'x'); "
                       "UPDATE events SET kind = 'x' WHERE seq = 1;")
                  .find("append-only"),
              std::string::npos);
    raw.exec("ROLLBACK");
    EXPECT_NE(raw.exec("BEGIN; INSERT INTO erasure_in_progress VALUES (1, 'x'); DELETE FROM events "
                       "WHERE seq = 1;")
                  .find("append-only"),
              std::string::npos);
    raw.exec("ROLLBACK");
    EXPECT_EQ(raw.column("SELECT count(*) FROM erasure_in_progress").at(0), "0");
    // seq runs 1..N without a gap: nothing was taken out.
    EXPECT_EQ(raw.column("SELECT count(*) = max(seq) FROM events").at(0), "1");
}

TEST_F(PersonalData, an_erased_person_stays_erased_whoever_saves_them_again) {
    run_until(at(2022, 10, 17, 12));
    ApiToken token;
    token.hash = std::string(64, 'a');
    token.role = ApiRole::stakeholder;
    token.municipalities = {"GM0935"};
    token.person_id = "maastricht-bram";
    token.label = "laptop van Bram de Wit";
    token.created_at = at(2022, 10, 1);
    const auto token_id = store().add_token(token);
    ASSERT_EQ(person_record(store(), "maastricht-bram")->tokens.size(), 1u);  // in the export
    const auto erased = engine().erase_person("maastricht-bram", "beheer");
    ASSERT_TRUE(erased.ok) << erased.error;
    // His token stops working, and its label no longer names him.
    EXPECT_EQ(erased.tokens_revoked, 1);
    for (const auto& t : store().all_tokens())
        if (t.id == token_id) {
            EXPECT_TRUE(t.revoked_at);
            EXPECT_EQ(t.label, "laptop van Verwijderde persoon 1");
        }
    const auto seq = store().last_event_seq();

    const auto again = engine().erase_person("maastricht-bram", "beheer");
    EXPECT_TRUE(again.ok);
    EXPECT_TRUE(again.already);
    EXPECT_EQ(again.pseudonym, "Verwijderde persoon 1");
    EXPECT_EQ(store().last_event_seq(), seq);

    // okoctl people add (or the API), a role, and the config file at okod's next start.
    EXPECT_FALSE(engine()
                     .save_person({"maastricht-bram", "Bram Hendriks",
                                   "bram.hendriks@ggdzl.example", Language::nl},
                                  "beheer")
                     .ok);
    RoleAssignment a;
    a.municipality = "GM0935";
    a.role = "kernteam";
    a.person_id = "maastricht-bram";
    a.from = day(2022, 11, 1);
    EXPECT_FALSE(engine().assign_role(a, "beheer").ok);
    store().upsert_person(
        {"maastricht-bram", "Bram Hendriks", "bram.hendriks@ggdzl.example", Language::nl});
    EXPECT_EQ(store().person("maastricht-bram")->name, "Verwijderde persoon 1");
    // okod's sender, which read a message before the erasure, records its outcome after.
    auto in_flight = store().outbox_of_person("maastricht-bram").at(0);
    in_flight.recipient = "bram.dewit@ggdzl.example";
    in_flight.status = OutboxStatus::sent;
    store().update_outbox(in_flight);
    EXPECT_EQ(store().outbox_of_person("maastricht-bram").at(0).recipient, "");
    EXPECT_EQ(traces_in_columns(), std::vector<std::string>{});
}

}  // namespace
}  // namespace okod::test
