#include "adapters/mail/reminder_mail.hpp"

#include <gtest/gtest.h>

#include "time/amsterdam.hpp"

namespace okod {
namespace {

using namespace std::chrono_literals;

Instant local(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return at_local(Date{date::year{y}, date::month{m}, date::day{d}},
                    TimeOfDay{hour * 60 + minute});
}

const MailIdentity kFrom{"oko@maastricht.nl", "OKO-regie Maastricht"};

// A reminder 14 days before the deadline of Tuesday 30 September 2025, 17:00.
ReminderContext reminder(int lead_days = 14) {
    ReminderContext c;
    c.item.id = 7;
    c.item.key = "123|reminder|2025-09-30T17:00|bram";
    c.item.kind = OutboxKind::reminder;
    c.item.role = "ggd";
    c.item.person_id = "bram";
    c.item.recipient = "bram.hendriks@ggdzl.nl";
    c.item.lead_days = lead_days;
    c.item.due = local(2025, 9, 30, 17);
    c.item.created_at = local(2025, 9, 30 - static_cast<unsigned>(lead_days), 9);
    c.municipality_name = "Maastricht";
    c.municipality_code = "GM0935";
    c.person_name = "Bram Hendriks";
    c.role_name = {"Contactpersoon GGD", "GGD contact"};
    c.workflow_name = {"OKO-cyclus", "OKO cycle"};
    c.state_name = {"Monitoring", "Monitoring"};
    c.task_title = {"Jeugdmonitor afnemen op school, in schooltijd",
                    "Run the youth survey at school, in school hours"};
    c.due = c.item.due;
    c.task_id = 123;
    c.regisseur_name = "Sanne Vermeulen";
    return c;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(ReminderMail, dutch_reminder_says_where_what_when_which_step_and_what_to_do) {
    const MailMessage m = compose_reminder_mail(reminder(), kFrom);
    EXPECT_EQ(m.subject,
              "[OKO Maastricht] Herinnering: Jeugdmonitor afnemen op school, in schooltijd – "
              "deadline di 30 sep 2025");
    EXPECT_TRUE(has(m.text, "Beste Bram Hendriks,")) << m.text;
    EXPECT_TRUE(has(
        m.text, "Over 14 dagen, op dinsdag 30 september 2025 om 17:00, moet deze taak af zijn:"))
        << m.text;
    EXPECT_TRUE(has(m.text, "\n  Jeugdmonitor afnemen op school, in schooltijd\n")) << m.text;
    EXPECT_TRUE(has(m.text, "Gemeente: Maastricht (GM0935)")) << m.text;
    EXPECT_TRUE(has(m.text, "Werkproces: OKO-cyclus, fase Monitoring")) << m.text;
    EXPECT_TRUE(has(m.text, "Je rol: Contactpersoon GGD")) << m.text;
    EXPECT_TRUE(has(m.text, "Wat te doen: voer de taak uit vóór de deadline.")) << m.text;
    EXPECT_TRUE(has(m.text, "regisseur (Sanne Vermeulen)")) << m.text;
    EXPECT_TRUE(has(m.text, "taak #123")) << m.text;
    EXPECT_TRUE(has(m.text, "okod, namens de OKO-regie van Maastricht")) << m.text;
    EXPECT_FALSE(has(m.text, "later dan gepland"));
}

TEST(ReminderMail, the_day_itself_and_the_day_before_read_as_today_and_tomorrow) {
    EXPECT_TRUE(has(compose_reminder_mail(reminder(0), kFrom).text,
                    "Vandaag om 17:00 (dinsdag 30 september 2025) moet deze taak af zijn:"));
    EXPECT_TRUE(has(compose_reminder_mail(reminder(1), kFrom).text,
                    "Morgen, dinsdag 30 september 2025 om 17:00, moet deze taak af zijn:"));
}

TEST(ReminderMail, the_deadline_is_read_on_the_amsterdam_clock_in_winter_too) {
    ReminderContext c = reminder(3);
    c.due = local(2025, 12, 2, 17);  // 16:00 UTC
    c.item.created_at = local(2025, 11, 29, 9);
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(has(m.text, "op dinsdag 2 december 2025 om 17:00")) << m.text;
    EXPECT_TRUE(has(m.subject, "deadline di 2 dec 2025")) << m.subject;
}

TEST(ReminderMail, a_person_who_reads_english_gets_english) {
    ReminderContext c = reminder();
    c.item.language = Language::en;
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_EQ(m.subject,
              "[OKO Maastricht] Reminder: Run the youth survey at school, in school hours – due "
              "Tue 30 Sep 2025");
    EXPECT_TRUE(has(m.text, "Dear Bram Hendriks,")) << m.text;
    EXPECT_TRUE(has(m.text, "In 14 days, on Tuesday 30 September 2025 at 17:00, this task is due:"))
        << m.text;
    EXPECT_TRUE(has(m.text, "Municipality: Maastricht (GM0935)")) << m.text;
    EXPECT_TRUE(has(m.text, "Workflow: OKO cycle, step Monitoring")) << m.text;
    EXPECT_TRUE(has(m.text, "Your role: GGD contact")) << m.text;
    EXPECT_TRUE(has(m.text, "What to do:")) << m.text;
    EXPECT_FALSE(has(m.text, "Beste"));
    EXPECT_FALSE(has(m.text, "dinsdag"));
    EXPECT_TRUE(has(m.html, "<html lang=\"en\">"));
}

TEST(ReminderMail, english_falls_back_to_dutch_names_where_no_translation_exists) {
    ReminderContext c = reminder();
    c.item.language = Language::en;
    c.task_title.en.clear();
    EXPECT_TRUE(has(compose_reminder_mail(c, kFrom).text,
                    "  Jeugdmonitor afnemen op school, in schooltijd\n"));
}

TEST(ReminderMail, a_late_reminder_says_so_and_counts_from_when_it_was_written) {
    ReminderContext c = reminder(14);
    c.item.late = true;
    c.item.created_at = local(2025, 9, 20, 11);  // okod was down from before the 16th
    const MailMessage nl = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(
        has(nl.text, "Deze herinnering komt later dan gepland: okod was tijdelijk niet actief."))
        << nl.text;
    EXPECT_TRUE(has(nl.text, "Over 10 dagen, op dinsdag 30 september 2025 om 17:00")) << nl.text;
    c.item.language = Language::en;
    EXPECT_TRUE(has(compose_reminder_mail(c, kFrom).text,
                    "This reminder comes later than planned: okod was temporarily not running."));
}

TEST(ReminderMail, overdue_notice_says_the_deadline_passed_and_the_regisseur_will_hear) {
    ReminderContext c = reminder();
    c.item.kind = OutboxKind::overdue;
    c.item.lead_days = -1;
    c.item.created_at = local(2025, 9, 30, 17);
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(
        has(m.subject, "Deadline verstreken: Jeugdmonitor afnemen op school, in schooltijd"))
        << m.subject;
    EXPECT_TRUE(has(
        m.text, "De deadline van deze taak is verstreken op dinsdag 30 september 2025 om 17:00:"))
        << m.text;
    EXPECT_TRUE(
        has(m.text, "Blijft de taak openstaan, dan wordt de regisseur daarover geïnformeerd."))
        << m.text;
    EXPECT_TRUE(has(m.text, "Gemeente: Maastricht (GM0935)"));
}

TEST(ReminderMail, escalation_tells_the_regisseur_whose_task_is_how_late) {
    ReminderContext c = reminder();
    c.item.kind = OutboxKind::escalation;
    c.item.role = "regisseur";
    c.item.recipient = "sanne@maastricht.nl";
    c.person_name = "Sanne Vermeulen";
    c.role_name = {"Regisseur", "Coordinator"};
    c.task_role_name = "Contactpersoon GGD";
    c.item.created_at = local(2025, 10, 7, 9);  // 7 days after the deadline
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(
        has(m.subject,
            "Escalatie: Jeugdmonitor afnemen op school, in schooltijd – 7 dagen over de deadline"))
        << m.subject;
    EXPECT_TRUE(has(m.text, "Beste Sanne Vermeulen,"));
    EXPECT_TRUE(has(m.text,
                    "De taak van de rol Contactpersoon GGD staat 7 dagen over de deadline "
                    "(die was op dinsdag 30 september 2025 om 17:00):"))
        << m.text;
    EXPECT_TRUE(has(m.text, "neem contact op met de Contactpersoon GGD")) << m.text;
    EXPECT_TRUE(has(m.text, "Je rol: Regisseur")) << m.text;
}

TEST(ReminderMail, vacancy_alert_names_the_role_nobody_holds) {
    ReminderContext c = reminder();
    c.item.kind = OutboxKind::vacancy;
    c.item.role = "ggd";  // the vacant role
    c.item.recipient = "sanne@maastricht.nl";
    c.person_name = "Sanne Vermeulen";
    c.task_role_name = "Contactpersoon GGD";
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(has(m.subject, "Rol niet vervuld: Contactpersoon GGD")) << m.subject;
    EXPECT_TRUE(
        has(m.text,
            "Niemand vervult op dit moment de rol Contactpersoon GGD in Maastricht; daardoor kon "
            "een herinnering of melding over deze taak niet bezorgd worden:"))
        << m.text;
    EXPECT_TRUE(has(m.text, "Wat te doen: wijs iemand aan voor de rol Contactpersoon GGD"))
        << m.text;
    EXPECT_TRUE(has(m.text, "Deadline: dinsdag 30 september 2025 om 17:00")) << m.text;
    EXPECT_FALSE(has(m.text, "Je rol:")) << "the recipient does not hold the vacant role";
}

TEST(ReminderMail, a_fan_out_item_is_named_with_the_task) {
    ReminderContext c = reminder();
    c.task_item = "Basisschool De Regenboog";
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(has(m.subject, "in schooltijd (Basisschool De Regenboog)")) << m.subject;
    EXPECT_TRUE(has(
        m.text, "  Jeugdmonitor afnemen op school, in schooltijd (Basisschool De Regenboog)\n"));
}

TEST(ReminderMail, html_part_has_the_same_content_with_every_text_escaped) {
    ReminderContext c = reminder();
    c.task_title.nl = "<script>alert('x')</script> & meer";
    c.municipality_name = "Sittard-Geleen <b>";
    c.person_name = "Bram \"de\" Hendriks";
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_FALSE(has(m.html, "<script>"));
    EXPECT_FALSE(has(m.html, "<b>"));
    EXPECT_TRUE(has(m.html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; meer"))
        << m.html;
    EXPECT_TRUE(has(m.html, "Sittard-Geleen &lt;b&gt; (GM0935)")) << m.html;
    EXPECT_TRUE(has(m.html, "Bram &quot;de&quot; Hendriks"));
    EXPECT_TRUE(has(m.html, "dinsdag 30 september 2025 om 17:00"));
    EXPECT_FALSE(has(m.html, "http")) << "no external assets";
    EXPECT_TRUE(has(m.text, "<script>alert('x')</script> & meer")) << "plain text stays as written";
}

TEST(ReminderMail, identity_depends_only_on_the_outbox_key) {
    ReminderContext c = reminder();
    const MailMessage first = compose_reminder_mail(c, kFrom);
    c.item.id = 99;
    c.item.attempts = 3;
    c.item.last_error = "timeout";
    const MailMessage retry = compose_reminder_mail(c, kFrom);
    EXPECT_EQ(first.message_id, retry.message_id);
    EXPECT_EQ(first.idempotency_key, c.item.key);
    EXPECT_EQ(first.date, c.item.created_at);
    EXPECT_EQ(first.to_address, "bram.hendriks@ggdzl.nl");
    EXPECT_EQ(first.from_name, "OKO-regie Maastricht");
    EXPECT_TRUE(first.message_id.starts_with("<okod.")) << first.message_id;
    EXPECT_TRUE(first.message_id.ends_with("@maastricht.nl>")) << first.message_id;

    c.item.key = "123|reminder|2025-09-30T17:00|anouk";
    EXPECT_NE(compose_reminder_mail(c, kFrom).message_id, first.message_id);
}

TEST(ReminderMail, a_reminder_to_the_regisseur_asks_to_tick_the_task_off_not_to_tell_themselves) {
    ReminderContext c = reminder();
    c.item.role = "regisseur";
    c.person_name = "Sanne Vermeulen";
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(has(m.text, "Is het al gedaan? Vink de taak dan af (taak #123)")) << m.text;
    EXPECT_FALSE(has(m.text, "Laat het de regisseur")) << m.text;
}

}  // namespace
}  // namespace okod
