// The digest's wording (adapters/mail/digest_mail.hpp). The rule: one mail listing each
// task with its municipality, deadline, how far ahead or overdue in words (counted in
// Amsterdam calendar days from the day the mail comes), its link into the dashboard and
// its "Afgerond" link, earliest deadline first; Dutch with "je" for colleagues and "u"
// for administrators, English for people who chose it.
#include "adapters/mail/digest_mail.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

Instant local(int y, unsigned m, unsigned d, int hour) {
    return at_local(Date{date::year{y}, date::month{m}, date::day{d}}, TimeOfDay{hour * 60});
}

const MailIdentity kFrom{"oko@maastricht.nl", "OKO-regie Maastricht"};
const Instant kMorning = local(2025, 9, 29, 9);  // Monday 29 September 2025, 09:00

ReminderContext task(std::int64_t id, const std::string& title, Instant due,
                     const std::string& municipality = "Maastricht",
                     const std::string& role = "ggd-contact") {
    ReminderContext c;
    c.item.id = id;
    c.item.kind = OutboxKind::reminder;
    c.item.role = role;
    c.item.person_id = "bram";
    c.item.recipient = "bram@ggdzl.nl";
    c.item.due = due;
    c.item.created_at = kMorning;
    c.municipality_name = municipality;
    c.municipality_code = municipality == "Maastricht" ? "GM0935" : "GM0917";
    c.role_name = {"Contactpersoon GGD", "GGD contact"};
    c.workflow_name = {"Uitvoeringsplan", "Execution plan"};
    c.task_title = {title, title + " (en)"};
    c.due = due;
    c.task_id = id;
    c.task_url = "https://oko.example/#/taak/" + std::to_string(id);
    c.complete_url = "https://oko.example/mail/afgerond/t" + std::to_string(id);
    return c;
}

DigestContext digest(std::vector<ReminderContext> reminders, Language language = Language::nl) {
    DigestContext c;
    c.item = reminders.front().item;
    c.item.language = language;
    for (auto& r : reminders) r.item.language = language;
    c.key = "digest/2025-09-29/bram/11";
    c.person_name = "Bram Hendriks";
    c.reminders = std::move(reminders);
    c.dashboard_url = "https://oko.example/";
    return c;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(DigestMail, lists_every_task_earliest_deadline_first_with_its_links) {
    const MailMessage m =
        compose_digest_mail(digest({task(12, "Verslag rondsturen", local(2025, 10, 2, 17)),
                                    task(11, "Agenda opstellen", local(2025, 9, 30, 12)),
                                    task(13, "Cijfers aanleveren", local(2025, 9, 29, 17))}),
                            kFrom);
    EXPECT_EQ(m.subject, "[OKO Maastricht] Herinnering: 3 taken – eerste deadline ma 29 sep 2025");
    EXPECT_EQ(m.to_address, "bram@ggdzl.nl");
    const auto first = m.text.find("1. Cijfers aanleveren");
    const auto second = m.text.find("2. Agenda opstellen");
    const auto third = m.text.find("3. Verslag rondsturen");
    ASSERT_NE(first, std::string::npos) << m.text;
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
    EXPECT_TRUE(has(m.text, "Deadline: maandag 29 september 2025 om 17:00 (vandaag)")) << m.text;
    EXPECT_TRUE(has(m.text, "(morgen)")) << m.text;
    EXPECT_TRUE(has(m.text, "(over 3 dagen)")) << m.text;
    EXPECT_TRUE(has(m.text, "Afgerond: https://oko.example/mail/afgerond/t12")) << m.text;
    EXPECT_TRUE(has(m.text, "https://oko.example/#/taak/13")) << m.text;
    EXPECT_TRUE(has(m.html, "href=\"https://oko.example/mail/afgerond/t11\"")) << m.html;
    EXPECT_TRUE(has(m.text, "Beste Bram Hendriks,")) << m.text;
    EXPECT_TRUE(has(m.text, "Deze 3 taken staan voor je open")) << m.text;
    EXPECT_EQ(m.idempotency_key, "digest/2025-09-29/bram/11");
    EXPECT_EQ(m.date, kMorning);
}

TEST(DigestMail, the_message_id_depends_on_the_digest_key_only) {
    const auto a = compose_digest_mail(
        digest({task(11, "A", local(2025, 9, 30, 17)), task(12, "B", local(2025, 10, 1, 17))}),
        kFrom);
    const auto b = compose_digest_mail(digest({task(11, "A", local(2025, 9, 30, 17))}), kFrom);
    EXPECT_EQ(a.message_id, b.message_id);  // a task left out at a retry: the same message
    auto other = digest({task(11, "A", local(2025, 9, 30, 17))});
    other.key = "digest/2025-09-29/bram/14";
    EXPECT_NE(compose_digest_mail(other, kFrom).message_id, a.message_id);
}

TEST(DigestMail, overdue_days_are_said_in_words_one_day_is_singular) {
    const MailMessage m = compose_digest_mail(
        digest({task(11, "A", local(2025, 9, 28, 17)), task(12, "B", local(2025, 9, 26, 17))}),
        kFrom);
    EXPECT_TRUE(has(m.text, "(1 dag te laat)")) << m.text;
    EXPECT_TRUE(has(m.text, "(3 dagen te laat)")) << m.text;
}

TEST(DigestMail, english_for_people_who_chose_it) {
    const MailMessage m = compose_digest_mail(
        digest({task(11, "A", local(2025, 9, 30, 17)), task(12, "B", local(2025, 10, 3, 17))},
               Language::en),
        kFrom);
    EXPECT_EQ(m.subject, "[OKO Maastricht] Reminder: 2 tasks – first due Tue 30 Sep 2025");
    EXPECT_TRUE(has(m.text, "Dear Bram Hendriks,")) << m.text;
    EXPECT_TRUE(has(m.text, "Deadline: Tuesday 30 September 2025 at 17:00 (tomorrow)")) << m.text;
    EXPECT_TRUE(has(m.text, "(in 4 days)")) << m.text;
    EXPECT_TRUE(has(m.text, "A (en)")) << m.text;
    EXPECT_TRUE(has(m.text, "Your role: GGD contact")) << m.text;
    EXPECT_FALSE(has(m.text, "Gemeente")) << m.text;
}

TEST(DigestMail, an_administrator_is_addressed_with_u_in_every_sentence) {
    auto a = task(11, "A", local(2025, 9, 30, 17), "Maastricht", "wethouder");
    auto b = task(12, "B", local(2025, 10, 1, 17), "Maastricht", "wethouder");
    a.complete_url.clear();
    b.complete_url.clear();
    const MailMessage m = compose_digest_mail(digest({a, b}), kFrom);
    EXPECT_TRUE(has(m.text, "Geachte Bram Hendriks,")) << m.text;
    EXPECT_TRUE(has(m.text, "staan voor u open")) << m.text;
    EXPECT_TRUE(has(m.text, "Uw rol:")) << m.text;
    EXPECT_TRUE(has(m.text, "Wij vragen u")) << m.text;
    EXPECT_TRUE(has(m.text, "Laat het dan de regisseur weten")) << m.text;
    EXPECT_FALSE(has(m.text, " je ")) << m.text;
    EXPECT_FALSE(has(m.text, "Je rol")) << m.text;
}

TEST(DigestMail, tasks_of_several_municipalities_name_each) {
    const MailMessage m =
        compose_digest_mail(digest({task(11, "A", local(2025, 9, 30, 17)),
                                    task(12, "B", local(2025, 10, 1, 17), "Heerlen")}),
                            kFrom);
    EXPECT_EQ(m.subject, "[OKO] Herinnering: 2 taken – eerste deadline di 30 sep 2025");
    EXPECT_TRUE(has(m.text, "Gemeente: Maastricht (GM0935)")) << m.text;
    EXPECT_TRUE(has(m.text, "Gemeente: Heerlen (GM0917)")) << m.text;
    EXPECT_TRUE(has(m.text, "namens de OKO-regie van Maastricht en Heerlen")) << m.text;
}

}  // namespace
}  // namespace okod
