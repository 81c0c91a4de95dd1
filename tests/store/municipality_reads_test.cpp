// Reads that cost what one municipality's data costs (issue 18): a municipality's audit
// log, an instance's history and a municipality's e-mails page with keys through an
// index of their own, and the outbox counts are kept, not counted. A request's first
// questions (does the token's person still hold a role, which codes does an admin see)
// read one person's roles and the codes alone, not every municipality.
#include <gtest/gtest.h>

#include <string>

#include "adapters/sqlite/sqlite_store.hpp"
#include "support/query_plan.hpp"
#include "support/sample_mail.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

using test::full_scans;
using test::query_plan;
using test::sample_mail;
using test::TempDir;

Instant at(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

Event event_of(const std::string& code, InstanceId instance, std::int64_t when) {
    Event e;
    e.at = at(when);
    e.municipality = code;
    e.instance_id = instance;
    e.workflow = "oko-cycle";
    e.kind = EventKind::transition;
    e.state = "monitoring";
    return e;
}

OutboxItem mail_of(const std::string& code, int n, OutboxStatus status) {
    auto o = sample_mail(code + "-" + std::to_string(n), at(1000 + n), status);
    o.municipality = code;
    return o;
}

Date day(int y, unsigned m, unsigned d) {
    return Date{date::year{y}, date::month{m}, date::day{d}};
}

Municipality municipality(const std::string& code) {
    Municipality m;
    m.code = code;
    m.name = "Gemeente " + code;
    return m;
}

RoleAssignment role(const std::string& code, const std::string& role, const std::string& person) {
    RoleAssignment a;
    a.municipality = code;
    a.role = role;
    a.person_id = person;
    a.from = day(2024, 1, 1);
    return a;
}

class MunicipalityReads : public ::testing::Test {
protected:
    TempDir dir;
    std::filesystem::path file = dir / "okod.sqlite";
    std::unique_ptr<SqliteStore> store = SqliteStore::open(file);
};

TEST_F(MunicipalityReads, a_municipalitys_events_page_by_seq_without_the_others) {
    // Interleaved, as 342 municipalities' steps are in one log.
    for (int i = 0; i < 5; ++i) {
        store->append_event(event_of("GM0935", 1, i));
        store->append_event(event_of("GM0014", 2, i));
        store->append_event(event_of("GM0935", 3, i));
    }
    const auto first = store->events_of_municipality("GM0935", 0, 4);
    ASSERT_EQ(first.size(), 4U);
    for (const auto& e : first) EXPECT_EQ(e.municipality, "GM0935");
    const auto rest = store->events_of_municipality("GM0935", first.back().seq, 100);
    ASSERT_EQ(rest.size(), 6U);  // 10 in all, none twice
    EXPECT_GT(rest.front().seq, first.back().seq);
    EXPECT_TRUE(store->events_of_municipality("GM0935", rest.back().seq, 100).empty());
    EXPECT_TRUE(store->events_of_municipality("GM9999", 0, 100).empty());

    const auto history = store->events_of_instance(2, 0, 100);
    ASSERT_EQ(history.size(), 5U);
    for (const auto& e : history) EXPECT_EQ(e.municipality, "GM0014");
    EXPECT_EQ(store->events_of_instance(2, history[2].seq, 100).size(), 2U);
}

TEST_F(MunicipalityReads, a_municipalitys_mail_pages_by_id_with_or_without_a_status) {
    for (int i = 0; i < 6; ++i) {
        const auto status = i % 2 == 0 ? OutboxStatus::sent : OutboxStatus::pending;
        store->enqueue(mail_of("GM0935", i, status));
        store->enqueue(mail_of("GM0014", i, status));
    }
    const auto page = store->outbox_of_municipality("GM0935", std::nullopt, 0, 4);
    ASSERT_EQ(page.size(), 4U);
    for (const auto& o : page) EXPECT_EQ(o.municipality, "GM0935");
    EXPECT_EQ(store->outbox_of_municipality("GM0935", std::nullopt, page.back().id, 100).size(),
              2U);
    const auto sent = store->outbox_of_municipality("GM0935", OutboxStatus::sent, 0, 100);
    ASSERT_EQ(sent.size(), 3U);
    for (const auto& o : sent) EXPECT_EQ(o.status, OutboxStatus::sent);
    EXPECT_EQ(store->outbox_of_municipality("GM0935", OutboxStatus::sent, sent[0].id, 1).front().id,
              sent[1].id);
}

TEST_F(MunicipalityReads, outbox_counts_follow_every_insert_and_change_of_status) {
    EXPECT_TRUE(store->outbox_counts().empty());
    for (int i = 0; i < 3; ++i) store->enqueue(mail_of("GM0935", i, OutboxStatus::pending));
    EXPECT_FALSE(store->enqueue(mail_of("GM0935", 0, OutboxStatus::pending)));  // the same key
    EXPECT_EQ(store->outbox_counts().at(OutboxStatus::pending), 3);

    auto mail = store->outbox_of_municipality("GM0935", std::nullopt, 0, 1).front();
    mail.status = OutboxStatus::dead;
    store->update_outbox(mail);
    mail.attempts = 2;  // another change of the same row, the status kept
    store->update_outbox(mail);
    const auto counts = store->outbox_counts();
    EXPECT_EQ(counts.at(OutboxStatus::pending), 2);
    EXPECT_EQ(counts.at(OutboxStatus::dead), 1);
    EXPECT_EQ(counts.count(OutboxStatus::sent), 0U);

    mail.status = OutboxStatus::pending;  // okoctl outbox retry
    store->update_outbox(mail);
    EXPECT_EQ(store->outbox_counts().at(OutboxStatus::pending), 3);
    EXPECT_EQ(store->outbox_counts().count(OutboxStatus::dead), 0U);  // none left: absent
}

TEST_F(MunicipalityReads, a_persons_roles_everywhere_come_from_their_own_rows) {
    for (const char* id : {"anna", "bram"})
        store->upsert_person({id, id, std::string(id) + "@example.nl", Language::nl});
    store->add_assignment(role("GM0935", "wethouder", "anna"));
    store->add_assignment(role("GM0014", "regisseur", "anna"));
    store->add_assignment(role("GM0935", "regisseur", "anna"));
    store->add_assignment(role("GM0935", "regisseur", "bram"));
    const auto held = store->assignments_of_person("anna");
    ASSERT_EQ(held.size(), 3U);
    EXPECT_EQ(held[0].municipality, "GM0014");  // by municipality, then role
    EXPECT_EQ(held[1].role, "regisseur");
    EXPECT_EQ(held[2].role, "wethouder");
    EXPECT_TRUE(store->assignments_of_person("carl").empty());
}

TEST_F(MunicipalityReads, municipalities_page_by_code_and_codes_come_alone) {
    for (const char* code : {"GM0935", "GM0014", "GM1883"})
        store->upsert_municipality(municipality(code));
    EXPECT_EQ(store->municipality_codes(),
              (std::vector<std::string>{"GM0014", "GM0935", "GM1883"}));
    EXPECT_TRUE(store->has_municipality("GM0935"));
    EXPECT_FALSE(store->has_municipality("GM9999"));
    const auto first = store->municipalities_after("", 2);
    ASSERT_EQ(first.size(), 2U);
    EXPECT_EQ(first[0].code, "GM0014");
    EXPECT_EQ(first[1].code, "GM0935");
    const auto rest = store->municipalities_after(first.back().code, 2);
    ASSERT_EQ(rest.size(), 1U);
    EXPECT_EQ(rest[0].code, "GM1883");
    EXPECT_EQ(rest[0].name, "Gemeente GM1883");
}

TEST_F(MunicipalityReads, each_read_searches_an_index_instead_of_scanning_the_table) {
    store->append_event(event_of("GM0935", 1, 0));
    store->enqueue(mail_of("GM0935", 0, OutboxStatus::pending));
    const std::string queries[] = {
        "SELECT * FROM events WHERE municipality = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        "SELECT * FROM events WHERE instance_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        "SELECT * FROM outbox WHERE municipality = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
        "SELECT * FROM outbox WHERE municipality = ?1 AND status = ?2 AND id > ?3 "
        "ORDER BY id LIMIT ?4",
        "SELECT status, n FROM outbox_counts WHERE n > 0",
        // Whether a token's person still holds a role; an admin's codes and pages of them.
        "SELECT * FROM role_assignments WHERE person_id = ?1 "
        "ORDER BY municipality, role, from_date, id",
        "SELECT * FROM municipalities WHERE code > ?1 ORDER BY code LIMIT ?2",
        "SELECT EXISTS (SELECT 1 FROM municipalities WHERE code = ?1)",
    };
    for (const auto& sql : queries) {
        const auto plan = query_plan(file, sql);
        EXPECT_TRUE(
            full_scans(plan, {"events", "outbox", "tasks", "role_assignments", "municipalities"})
                .empty())
            << sql << "\n"
            << ::testing::PrintToString(plan);
        for (const auto& line : plan)
            EXPECT_EQ(line.find("TEMP B-TREE"), std::string::npos) << sql << ": sorts " << line;
    }
    // And the helper does see a scan when there is one.
    EXPECT_FALSE(
        full_scans(query_plan(file, "SELECT * FROM outbox WHERE recipient = ''"), {"outbox"})
            .empty());
}

}  // namespace
}  // namespace okod
