#include "adapters/mail/reminder_mail.hpp"

#include <fmt/format.h>

#include "adapters/mail/date_words.hpp"
#include "adapters/mail/mail_layout.hpp"
#include "adapters/mail/mail_register.hpp"
#include "adapters/mail/message_id.hpp"
#include "model/people.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

// The wording of one mail, built up by the per-kind functions below.
struct Draft {
    std::string subject;
    MailLayout layout;
};

class Writer {
public:
    explicit Writer(const ReminderContext& c)
        : c_(c),
          lang_(c.item.language),
          formal_(register_for_role(c.recipient_role.empty() ? c.item.role : c.recipient_role) ==
                  Register::u) {}

    Draft compose() const {
        const OutboxKind kind = c_.item.kind;
        Draft d = kind == OutboxKind::overdue      ? overdue()
                  : kind == OutboxKind::escalation ? escalation()
                  : kind == OutboxKind::vacancy    ? vacancy()
                                                   : reminder();
        d.layout.language = lang_;
        d.layout.title = d.subject;
        d.layout.greeting = c_.person_name.empty()
                                ? r("Beste collega,", "Geachte heer, mevrouw,", "Dear colleague,")
                                : r("Beste ", "Geachte ", "Dear ") + c_.person_name + ",";
        d.layout.task = task();
        if (!c_.task_url.empty())
            d.layout.links.push_back(
                {w("De taak in het dashboard", "The task in the dashboard"), c_.task_url});
        if (!c_.dashboard_url.empty())
            d.layout.links.push_back({w("Het dashboard", "The dashboard"), c_.dashboard_url});
        if (!c_.attachment_note.empty()) d.layout.paragraphs.push_back(c_.attachment_note);
        if (c_.item.late)
            d.layout.paragraphs.insert(
                d.layout.paragraphs.begin(),
                kind == OutboxKind::reminder
                    ? w("Deze herinnering komt later dan gepland: okod was tijdelijk niet actief.",
                        "This reminder comes later than planned: okod was temporarily not running.")
                    : w("Dit bericht komt later dan gepland: okod was tijdelijk niet actief.",
                        "This message comes later than planned: okod was temporarily not "
                        "running."));
        d.layout.closing = {
            w("Met vriendelijke groet,", "Kind regards,"),
            w("okod, namens de OKO-regie van ", "okod, on behalf of the OKO coordination of ") +
                municipality()};
        return d;
    }

private:
    Draft reminder() const {
        Draft d;
        d.subject = prefix() + w("Herinnering: ", "Reminder: ") + task();
        if (due()) d.subject += w(" – deadline ", " – due ") + short_date(*due(), lang_);
        d.layout.intro = reminder_intro();
        d.layout.facts = {municipality_fact(), workflow_fact(), role_fact()};
        d.layout.paragraphs = {r("Wat te doen: voer de taak uit",
                                 "Wij vragen u de taak uit te voeren",
                                 "What to do: complete the task") +
                               (due() ? w(" vóór de deadline.", " before the deadline.") : ".")};
        offer_completion(d.layout);
        return d;
    }

    std::string reminder_intro() const {
        if (!due())
            return r("Deze taak staat voor je open:", "Deze taak staat voor u open:",
                     "This task is waiting for you:");
        const int days = days_left();
        const std::string when = long_date_time(*due(), lang_);
        if (days < 0)
            return w("De deadline van deze taak was ", "This task was due on ") + when + ":";
        if (days == 0)
            return fmt::format("{} {} ({}) {}", w("Vandaag om", "Today at"), clock_time(*due()),
                               long_date(*due(), lang_),
                               w("moet deze taak af zijn:", "this task is due:"));
        if (days == 1)
            return w("Morgen, ", "Tomorrow, ") + when +
                   w(", moet deze taak af zijn:", ", this task is due:");
        return fmt::format("{} {} {}, {} {}, {}", w("Over", "In"), days, w("dagen", "days"),
                           w("op", "on"), when, w("moet deze taak af zijn:", "this task is due:"));
    }

    Draft overdue() const {
        Draft d;
        d.subject = prefix() + w("Deadline verstreken: ", "Overdue: ") + task();
        if (due()) d.subject += w(" – was ", " – was due ") + short_date(*due(), lang_);
        d.layout.intro = due() ? w("De deadline van deze taak is verstreken op ",
                                   "The deadline of this task passed on ") +
                                     long_date_time(*due(), lang_) + ":"
                               : w("De deadline van deze taak is verstreken:",
                                   "The deadline of this task has passed:");
        d.layout.facts = {municipality_fact(), workflow_fact(), role_fact()};
        d.layout.paragraphs = {
            r("Wat te doen: rond de taak zo snel mogelijk af",
              "Wij vragen u de taak zo snel mogelijk af te ronden",
              "What to do: complete the task as soon as possible") +
                task_number() + ".",
            w("Blijft de taak openstaan, dan wordt de regisseur daarover geïnformeerd.",
              "If the task stays open, the coordinator will be informed.")};
        offer_completion(d.layout);
        return d;
    }

    Draft escalation() const {
        Draft d;
        const int days = days_overdue();
        const std::string late =
            days <= 0   ? w("over de deadline", "overdue")
            : days == 1 ? w("1 dag over de deadline", "1 day overdue")
                        : fmt::format("{} {}", days, w("dagen over de deadline", "days overdue"));
        d.subject = prefix() + w("Escalatie: ", "Escalation: ") + task() + " – " + late;
        const std::string whose =
            c_.task_role_name.empty()
                ? w("Deze taak", "This task")
                : w("De taak van de rol ", "The task of the role ") + c_.task_role_name;
        d.layout.intro =
            whose + w(" staat ", " is ") + late +
            (due() ? w(" (die was op ", " (it was due ") + long_date_time(*due(), lang_) + ")"
                   : "") +
            ":";
        d.layout.facts = {municipality_fact(), workflow_fact()};
        if (!c_.task_role_name.empty())
            d.layout.facts.emplace_back(w("Rol met de taak", "Role holding the task"),
                                        c_.task_role_name);
        if (!c_.task_holders.empty())
            d.layout.facts.emplace_back(w("Taak bij", "Held by"), holders());
        if (!regisseur_contact().empty() && c_.item.role != kRegisseurRole)
            d.layout.facts.emplace_back(w("Regisseur", "Coordinator"), regisseur_contact());
        d.layout.facts.push_back(role_fact());
        const std::string holder = !c_.task_holders.empty() ? holders()
                                   : c_.task_role_name.empty()
                                       ? w("degene die de taak heeft", "whoever holds the task")
                                       : w("de ", "the ") + c_.task_role_name;
        // The alderman and the steering group do not work in okod: they are asked to
        // follow the task up with the people who do.
        if (formal_)
            d.layout.paragraphs = {
                r("", "Wilt u contact opnemen met ", "Would you please contact ") + holder +
                w(" over deze taak", " about this task") +
                (regisseur_contact().empty()
                     ? std::string()
                     : w(", of met de regisseur, ", ", or the coordinator, ") +
                           regisseur_contact()) +
                "? " +
                w("De regisseur legt vast wanneer de taak gedaan is.",
                  "The coordinator records when the task is done.")};
        else
            d.layout.paragraphs = {
                w("Wat te doen: neem contact op met ", "What to do: follow up with ") + holder +
                w(" over deze taak. Is de taak al gedaan? Vink hem dan af in het dashboard",
                  " about this task. Is it already done? Then tick it off in the dashboard") +
                task_number() + "."};
        return d;
    }

    Draft vacancy() const {
        Draft d;
        d.subject = prefix() + w("Rol niet vervuld: ", "Role vacant: ") + role() + " – " + task();
        d.layout.intro =
            w("Niemand vervult op dit moment de rol ", "Nobody currently holds the role ") +
            role() + w(" in ", " in ") + municipality() +
            w("; daardoor kon een herinnering of melding over deze taak niet bezorgd worden:",
              "; so a reminder or notice about this task could not be delivered:");
        d.layout.facts = {municipality_fact(), workflow_fact()};
        if (due()) d.layout.facts.emplace_back("Deadline", long_date_time(*due(), lang_));
        if (!c_.task_role_name.empty())
            d.layout.facts.emplace_back(w("Rol met de taak", "Role holding the task"),
                                        c_.task_role_name);
        d.layout.paragraphs = {
            r("Wat te doen: wijs iemand aan voor de rol ", "Wilt u iemand aanwijzen voor de rol ",
              "What to do: appoint someone to the role ") +
            role() + w(", zodat herinneringen weer aankomen", ", so that reminders arrive again") +
            task_number() + (formal_ ? "?" : ".")};
        return d;
    }

    // --- pieces -------------------------------------------------------------------

    std::string w(std::string_view nl, std::string_view en) const {
        return std::string(lang_ == Language::en ? en : nl);
    }
    std::optional<Instant> due() const { return c_.due ? c_.due : c_.item.due; }
    std::string municipality() const {
        return c_.municipality_name.empty() ? c_.municipality_code : c_.municipality_name;
    }
    std::string prefix() const {
        const std::string m = municipality();
        return m.empty() ? "[OKO] " : "[OKO " + m + "] ";
    }
    std::string task() const {
        std::string t = c_.task_title.in(lang_);
        if (!c_.task_item.empty()) t += " (" + c_.task_item + ")";
        return t;
    }
    std::string role() const {
        return c_.role_name.in(lang_).empty() ? c_.item.role : c_.role_name.in(lang_);
    }
    // "Je" or "u" in Dutch (formal_), one English text.
    std::string r(std::string_view je, std::string_view u, std::string_view en) const {
        return std::string(lang_ == Language::en ? en : formal_ ? u : je);
    }
    std::pair<std::string, std::string> role_fact() const {
        return {r("Je rol", "Uw rol", "Your role"), role()};
    }

    // A reminder or overdue notice to the task's holder says how to report it done: the
    // one-click link where okod has a public address, else the dashboard (or, for a
    // reader in the formal register, who does not work in okod, the regisseur).
    void offer_completion(MailLayout& layout) const {
        if (!c_.complete_url.empty()) {
            layout.action_intro =
                r("Al gedaan? Meld de taak dan hier af. Je bevestigt het op de pagina die "
                  "opent; daarna stoppen de herinneringen.",
                  "Is de taak al gedaan? Dan kunt u haar hier afmelden. U bevestigt dat op de "
                  "pagina die opent; daarna stoppen de herinneringen.",
                  "Already done? Report it here. You confirm it on the page that opens; then "
                  "the reminders stop.");
            layout.action = {w("Afgerond", "Done"), c_.complete_url};
            return;
        }
        layout.paragraphs.back() +=
            formal_ ? r("", " Is de taak al gedaan? Laat het dan de regisseur",
                        " Already done? Then let the coordinator") +
                          regisseur() + w(" weten", " know") + task_number() + "."
                    : w(" Is het al gedaan? Vink de taak dan af in het dashboard",
                        " Already done? Then tick the task off in the dashboard") +
                          task_number() +
                          w(", dan stoppen de herinneringen.", " and the reminders stop.");
    }
    std::string regisseur() const {
        return c_.regisseur_name.empty() ? "" : " (" + c_.regisseur_name + ")";
    }
    static std::string contact(const std::string& name, const std::string& email) {
        return email.empty() ? name : name + " (" + email + ")";
    }
    std::string regisseur_contact() const {
        return c_.regisseur_name.empty() ? "" : contact(c_.regisseur_name, c_.regisseur_email);
    }
    std::string holders() const {
        std::string out;
        for (const auto& h : c_.task_holders)
            out += (out.empty() ? "" : w(" en ", " and ")) + contact(h.name, h.email);
        return out;
    }
    std::string task_number() const {
        return c_.task_id ? fmt::format(" ({} #{})", w("taak", "task"), c_.task_id) : "";
    }

    std::pair<std::string, std::string> municipality_fact() const {
        std::string value = municipality();
        if (!c_.municipality_name.empty() && !c_.municipality_code.empty())
            value += " (" + c_.municipality_code + ")";
        return {w("Gemeente", "Municipality"), value};
    }
    std::pair<std::string, std::string> workflow_fact() const {
        std::string value = c_.workflow_name.in(lang_);
        if (!c_.state_name.in(lang_).empty())
            value += w(", fase ", ", step ") + c_.state_name.in(lang_);
        return {w("Werkproces", "Workflow"), value};
    }

    // Days from the mail's creation to the deadline, on the Amsterdam calendar. The
    // planned lead time, unless the reminder was created late (okod was down): then
    // "in 14 days" would no longer be true, so count from when it was created.
    int days_left() const {
        if (!c_.item.late || c_.item.created_at == Instant{}) return c_.item.lead_days;
        return static_cast<int>(
            (to_days(local_date(*due())) - to_days(local_date(c_.item.created_at))).count());
    }
    int days_overdue() const {
        if (!due() || c_.item.created_at <= *due()) return 0;
        return static_cast<int>(
            (to_days(local_date(c_.item.created_at)) - to_days(local_date(*due()))).count());
    }

    const ReminderContext& c_;
    Language lang_;
    bool formal_;
};

}  // namespace

std::string task_url(std::string_view public_url, std::int64_t task_id) {
    return fmt::format("{}/#/taak/{}", public_url, task_id);
}

MailMessage outbox_message(const MailLayout& layout, const std::string& subject,
                           const OutboxItem& item, const std::string& to_name, Instant date,
                           const MailIdentity& from) {
    MailMessage m;
    m.from_address = from.from_address;
    m.from_name = from.from_name;
    m.to_address = item.recipient;
    m.to_name = to_name;
    m.subject = subject;
    m.text = render_text(layout);
    m.html = render_html(layout);
    m.message_id = make_message_id(item.key, from.from_address);
    m.idempotency_key = item.key;
    m.date = date;
    return m;
}

MailMessage compose_reminder_mail(const ReminderContext& context, const MailIdentity& from) {
    const Draft d = Writer(context).compose();
    MailMessage m = outbox_message(d.layout, d.subject, context.item, context.person_name,
                                   context.item.created_at, from);
    m.attachments = context.attachments;
    return m;
}

}  // namespace okod
