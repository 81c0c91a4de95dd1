#include "adapters/mail/reminder_mail.hpp"

#include <gtest/gtest.h>

#include <regex>

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
    EXPECT_TRUE(has(m.text, "Is het al gedaan? Vink de taak dan af in het dashboard (taak #123)"))
        << m.text;
    EXPECT_FALSE(has(m.text, "Laat het de regisseur")) << "the holder ticks it off themselves";
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
    EXPECT_TRUE(has(m.text, "Is het al gedaan? Vink de taak dan af in het dashboard (taak #123)"))
        << m.text;
    EXPECT_FALSE(has(m.text, "Laat het de regisseur")) << m.text;
}

// --- links and register (issue 19) ------------------------------------------------

ReminderContext with_links(ReminderContext c) {
    c.task_url = "https://oko.maastricht.nl/#/taak/123";
    c.dashboard_url = "https://oko.maastricht.nl/";
    if (c.item.kind == OutboxKind::reminder || c.item.kind == OutboxKind::overdue)
        c.complete_url = "https://oko.maastricht.nl/mail/afgerond/abc.def";
    return c;
}

ReminderContext escalation_to(const std::string& role) {
    ReminderContext c = reminder();
    c.item.kind = OutboxKind::escalation;
    c.item.role = role;
    c.person_name = role == "regisseur" ? "Sanne Vermeulen" : "Wethouder Jansen";
    c.role_name = role == "regisseur" ? Text{"Regisseur", "Coordinator"}
                                      : Text{"Wethouder (ambassadeur)", "Alderman (ambassador)"};
    c.task_role_name = "Contactpersoon GGD";
    c.task_holders = {{"Bram Hendriks", "bram.hendriks@ggdzl.nl"}};
    c.regisseur_email = "sanne@maastricht.nl";
    c.item.created_at = local(2025, 10, 7, 9);
    return c;
}

// Dutch words of the informal and the formal register, as whole words.
bool says_je(const std::string& text) {
    return std::regex_search(text, std::regex(R"(\b([Jj]e|[Jj]ij|[Jj]ouw)\b)"));
}
bool says_u(const std::string& text) {
    return std::regex_search(text, std::regex(R"(\b([Uu]|[Uu]w)\b)"));
}

TEST(ReminderMail, a_reminder_links_to_the_task_the_dashboard_and_the_one_click_page) {
    const MailMessage m = compose_reminder_mail(with_links(reminder()), kFrom);
    EXPECT_TRUE(has(m.text, "De taak in het dashboard: https://oko.maastricht.nl/#/taak/123"))
        << m.text;
    EXPECT_TRUE(has(m.text, "Het dashboard: https://oko.maastricht.nl/\n")) << m.text;
    EXPECT_TRUE(has(m.text,
                    "Al gedaan? Meld de taak dan hier af. Je bevestigt het op de pagina "
                    "die opent; daarna stoppen de herinneringen.\n"
                    "  Afgerond: https://oko.maastricht.nl/mail/afgerond/abc.def\n"))
        << m.text;
    EXPECT_TRUE(has(m.html, "<a href=\"https://oko.maastricht.nl/mail/afgerond/abc.def\""))
        << m.html;
    EXPECT_TRUE(has(m.html, ">Afgerond</a>")) << m.html;
    EXPECT_TRUE(has(m.html, "<a href=\"https://oko.maastricht.nl/#/taak/123\">")) << m.html;
    // The holder acts themselves: nobody is asked to tick it off on their behalf.
    EXPECT_FALSE(has(m.text, "regisseur")) << m.text;
    EXPECT_FALSE(has(m.text, "Vink")) << m.text;
}

TEST(ReminderMail, an_overdue_notice_offers_the_one_click_link_too) {
    ReminderContext c = reminder();
    c.item.kind = OutboxKind::overdue;
    c.item.created_at = local(2025, 9, 30, 17);
    const MailMessage m = compose_reminder_mail(with_links(c), kFrom);
    EXPECT_TRUE(has(m.text, "Wat te doen: rond de taak zo snel mogelijk af (taak #123)."))
        << m.text;
    EXPECT_TRUE(has(m.text, "  Afgerond: https://oko.maastricht.nl/mail/afgerond/abc.def"))
        << m.text;
    EXPECT_FALSE(has(m.text, "laat het de regisseur")) << m.text;
}

TEST(ReminderMail, english_links_read_english) {
    ReminderContext c = with_links(reminder());
    c.item.language = Language::en;
    const MailMessage m = compose_reminder_mail(c, kFrom);
    EXPECT_TRUE(has(m.text,
                    "Already done? Report it here. You confirm it on the page that "
                    "opens; then the reminders stop.\n"
                    "  Done: https://oko.maastricht.nl/mail/afgerond/abc.def\n"))
        << m.text;
    EXPECT_TRUE(has(m.text, "The task in the dashboard: https://oko.maastricht.nl/#/taak/123"))
        << m.text;
    EXPECT_TRUE(has(m.text, "The dashboard: https://oko.maastricht.nl/")) << m.text;
}

TEST(ReminderMail, escalation_and_vacancy_mails_link_to_the_task_but_complete_nothing) {
    for (ReminderContext c : {escalation_to("regisseur"), escalation_to("wethouder")}) {
        const MailMessage m = compose_reminder_mail(with_links(c), kFrom);
        EXPECT_TRUE(has(m.text, "https://oko.maastricht.nl/#/taak/123")) << m.text;
        EXPECT_FALSE(has(m.text, "/mail/afgerond/")) << m.text;
    }
}

TEST(ReminderMail, an_escalation_names_the_holder_and_the_regisseur_with_their_addresses) {
    const MailMessage m = compose_reminder_mail(escalation_to("regisseur"), kFrom);
    EXPECT_TRUE(has(m.text, "Taak bij: Bram Hendriks (bram.hendriks@ggdzl.nl)")) << m.text;
    EXPECT_TRUE(has(m.text,
                    "Wat te doen: neem contact op met Bram Hendriks "
                    "(bram.hendriks@ggdzl.nl) over deze taak."))
        << m.text;
    // The regisseur reads it: they are not named to themselves.
    EXPECT_FALSE(has(m.text, "Regisseur: Sanne")) << m.text;

    const MailMessage steering = compose_reminder_mail(escalation_to("stuurgroep"), kFrom);
    EXPECT_TRUE(has(steering.text, "Regisseur: Sanne Vermeulen (sanne@maastricht.nl)"))
        << steering.text;
}

TEST(ReminderMail, the_alderman_is_addressed_formally_and_not_asked_to_use_okod) {
    const MailMessage m = compose_reminder_mail(with_links(escalation_to("wethouder")), kFrom);
    EXPECT_TRUE(has(m.text, "Geachte Wethouder Jansen,")) << m.text;
    EXPECT_TRUE(has(m.text, "Uw rol: Wethouder (ambassadeur)")) << m.text;
    EXPECT_TRUE(has(m.text,
                    "Wilt u contact opnemen met Bram Hendriks (bram.hendriks@ggdzl.nl) "
                    "over deze taak, of met de regisseur, Sanne Vermeulen "
                    "(sanne@maastricht.nl)? De regisseur legt vast wanneer de taak "
                    "gedaan is."))
        << m.text;
    EXPECT_FALSE(says_je(m.text)) << m.text;
    EXPECT_FALSE(has(m.text, "Vink")) << m.text;
    EXPECT_FALSE(has(m.text, "Beste")) << m.text;

    ReminderContext en = escalation_to("wethouder");
    en.item.language = Language::en;
    const MailMessage e = compose_reminder_mail(en, kFrom);
    EXPECT_TRUE(has(e.text,
                    "Would you please contact Bram Hendriks (bram.hendriks@ggdzl.nl) "
                    "about this task, or the coordinator, Sanne Vermeulen "
                    "(sanne@maastricht.nl)? The coordinator records when the task is "
                    "done."))
        << e.text;
    EXPECT_FALSE(has(e.text, "tick")) << e.text;
}

TEST(ReminderMail, every_dutch_text_keeps_one_register) {
    std::vector<std::pair<ReminderContext, bool>> texts;  // context, formal
    for (const bool links : {false, true})
        // The regisseur's manager (the escalation ladder, issue 20) is a colleague in the
        // organisation, not an administrator: "je".
        for (const char* role :
             {"ggd", "regisseur", "leidinggevende", "wethouder", "stuurgroep", "raadsgriffier"})
            for (const OutboxKind kind :
                 {OutboxKind::reminder, OutboxKind::overdue, OutboxKind::escalation}) {
                ReminderContext c =
                    kind == OutboxKind::escalation ? escalation_to(role) : reminder();
                c.item.kind = kind;
                c.item.role = role;
                c.item.late = true;
                c.due.reset();  // "staat voor je open" has a pronoun
                c.item.due.reset();
                const std::string r = role;
                texts.emplace_back(links ? with_links(c) : c,
                                   r == "wethouder" || r == "stuurgroep" || r == "raadsgriffier");
            }
    ReminderContext vacancy = reminder();
    vacancy.item.kind = OutboxKind::vacancy;
    vacancy.item.role = "regisseur";
    vacancy.recipient_role = "stuurgroep";  // no regisseur: the steering group hears
    texts.emplace_back(vacancy, true);
    vacancy.recipient_role = "regisseur";
    vacancy.item.role = "ggd";
    texts.emplace_back(vacancy, false);
    for (const auto& [c, formal] : texts) {
        const std::string text = compose_reminder_mail(c, kFrom).text;
        EXPECT_EQ(says_u(text), formal) << text;  // formal texts say "u", no other does
        if (formal) {
            EXPECT_FALSE(says_je(text)) << text;
        }
    }
}

}  // namespace
}  // namespace okod
