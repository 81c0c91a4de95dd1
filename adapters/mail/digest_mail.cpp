#include "adapters/mail/digest_mail.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "adapters/mail/date_words.hpp"
#include "adapters/mail/mail_layout.hpp"
#include "adapters/mail/mail_register.hpp"
#include "adapters/mail/message_id.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

class DigestWriter {
public:
    explicit DigestWriter(const DigestContext& c) : c_(c), lang_(c.item.language) {
        reminders_ = c.reminders;
        // Earliest deadline first; a task without one last.
        std::stable_sort(reminders_.begin(), reminders_.end(),
                         [](const ReminderContext& a, const ReminderContext& b) {
                             const auto da = due(a), db = due(b);
                             if (da && db && *da != *db) return *da < *db;
                             if (da.has_value() != db.has_value()) return da.has_value();
                             return a.task_id < b.task_id;
                         });
        for (const auto& r : reminders_) {
            const std::string& role = r.recipient_role.empty() ? r.item.role : r.recipient_role;
            if (register_for_role(role) == Register::u) formal_ = true;
            if (!r.complete_url.empty()) one_click_ = true;
            if (r.item.late) late_ = true;
            const std::string m = municipality(r);
            if (std::find(municipalities_.begin(), municipalities_.end(), m) ==
                municipalities_.end())
                municipalities_.push_back(m);
        }
    }

    MailLayout layout() const {
        MailLayout l;
        l.language = lang_;
        l.title = subject();
        l.greeting = c_.person_name.empty()
                         ? r("Beste collega,", "Geachte heer, mevrouw,", "Dear colleague,")
                         : r("Beste ", "Geachte ", "Dear ") + c_.person_name + ",";
        l.intro = fmt::format("{} {} {}", w("Deze", "These"), reminders_.size(),
                              r("taken staan voor je open, de eerste deadline bovenaan:",
                                "taken staan voor u open, de eerste deadline bovenaan:",
                                "tasks are waiting for you, earliest deadline first:"));
        for (const auto& reminder : reminders_) l.items.push_back(entry(reminder));
        if (late_)
            l.paragraphs.push_back(
                w("Deze herinnering komt later dan gepland: okod was tijdelijk niet actief.",
                  "This reminder comes later than planned: okod was temporarily not running."));
        l.paragraphs.push_back(r("Wat te doen: voer de taken uit vóór hun deadline.",
                                 "Wij vragen u de taken uit te voeren vóór hun deadline.",
                                 "What to do: complete the tasks before their deadlines."));
        l.paragraphs.push_back(already_done());
        if (!c_.dashboard_url.empty())
            l.links.push_back({w("Het dashboard", "The dashboard"), c_.dashboard_url});
        l.closing = {
            w("Met vriendelijke groet,", "Kind regards,"),
            w("okod, namens de OKO-regie van ", "okod, on behalf of the OKO coordination of ") +
                joined(municipalities_)};
        return l;
    }

    std::string subject() const {
        const std::string prefix =
            municipalities_.size() == 1 ? "[OKO " + municipalities_.front() + "] " : "[OKO] ";
        std::string s = fmt::format("{}{}{} {}", prefix, w("Herinnering: ", "Reminder: "),
                                    reminders_.size(), w("taken", "tasks"));
        if (const auto first = due(reminders_.front()))
            s += w(" – eerste deadline ", " – first due ") + short_date(*first, lang_);
        return s;
    }

private:
    MailListItem entry(const ReminderContext& rc) const {
        MailListItem e;
        e.heading = rc.task_title.in(lang_);
        if (!rc.task_item.empty()) e.heading += " (" + rc.task_item + ")";
        std::string municipality_line = w("Gemeente: ", "Municipality: ") + municipality(rc);
        if (!rc.municipality_name.empty() && !rc.municipality_code.empty())
            municipality_line += " (" + rc.municipality_code + ")";
        e.lines.push_back(municipality_line);
        if (const auto when = due(rc))
            e.lines.push_back("Deadline: " + long_date_time(*when, lang_) + " (" +
                              how_far(days_to(rc, *when)) + ")");
        std::string workflow = w("Werkproces: ", "Workflow: ") + rc.workflow_name.in(lang_);
        if (!rc.state_name.in(lang_).empty())
            workflow += w(", fase ", ", step ") + rc.state_name.in(lang_);
        e.lines.push_back(workflow);
        const std::string role =
            rc.role_name.in(lang_).empty() ? rc.item.role : rc.role_name.in(lang_);
        e.lines.push_back(r("Je rol: ", "Uw rol: ", "Your role: ") + role);
        if (!rc.task_url.empty())
            e.links.push_back({w("De taak in het dashboard", "The task in the dashboard") +
                                   fmt::format(" ({} #{})", w("taak", "task"), rc.task_id),
                               rc.task_url});
        if (!rc.complete_url.empty()) e.links.push_back({w("Afgerond", "Done"), rc.complete_url});
        return e;
    }

    // How each task can be reported done: its "Afgerond" link where the mail has them,
    // else the dashboard (or, for a reader addressed with "u", the regisseur).
    std::string already_done() const {
        if (one_click_)
            return r(
                "Al gedaan? Meld de taak dan af met de link Afgerond erbij. Je bevestigt "
                "het op de pagina die opent; daarna stoppen de herinneringen voor die taak.",
                "Is een taak al gedaan? Dan kunt u haar afmelden met de link Afgerond "
                "erbij. U bevestigt dat op de pagina die opent; daarna stoppen de "
                "herinneringen voor die taak.",
                "Already done? Report the task with its Done link. You confirm it on the "
                "page that opens; then the reminders for that task stop.");
        return formal_ ? w("Is een taak al gedaan? Laat het dan de regisseur weten.",
                           "Already done? Then let the coordinator know.")
                       : w("Al gedaan? Vink de taak dan af in het dashboard, dan stoppen de "
                           "herinneringen.",
                           "Already done? Then tick the task off in the dashboard and the "
                           "reminders stop.");
    }

    // Days from the day the reminder fell due to the deadline, on the Amsterdam calendar.
    static int days_to(const ReminderContext& rc, Instant due) {
        return static_cast<int>(
            (to_days(local_date(due)) - to_days(local_date(rc.item.created_at))).count());
    }
    std::string how_far(int days) const {
        if (days == 0) return w("vandaag", "today");
        if (days == 1) return w("morgen", "tomorrow");
        if (days > 1) return fmt::format("{} {} {}", w("over", "in"), days, w("dagen", "days"));
        if (days == -1) return w("1 dag te laat", "1 day overdue");
        return fmt::format("{} {}", -days, w("dagen te laat", "days overdue"));
    }

    static std::optional<Instant> due(const ReminderContext& rc) {
        return rc.due ? rc.due : rc.item.due;
    }
    static std::string municipality(const ReminderContext& rc) {
        return rc.municipality_name.empty() ? rc.municipality_code : rc.municipality_name;
    }
    std::string joined(const std::vector<std::string>& names) const {
        std::string out;
        for (std::size_t i = 0; i < names.size(); ++i)
            out += (i == 0 ? "" : i + 1 == names.size() ? w(" en ", " and ") : ", ") + names[i];
        return out;
    }
    std::string w(std::string_view nl, std::string_view en) const {
        return std::string(lang_ == Language::en ? en : nl);
    }
    std::string r(std::string_view je, std::string_view u, std::string_view en) const {
        return std::string(lang_ == Language::en ? en : formal_ ? u : je);
    }

    const DigestContext& c_;
    Language lang_;
    std::vector<ReminderContext> reminders_;
    std::vector<std::string> municipalities_;
    bool formal_ = false;
    bool one_click_ = false;
    bool late_ = false;
};

}  // namespace

MailMessage compose_digest_mail(const DigestContext& context, const MailIdentity& from) {
    MailMessage m;
    m.from_address = from.from_address;
    m.from_name = from.from_name;
    m.to_address = context.item.recipient;
    m.to_name = context.person_name;
    if (context.reminders.empty()) return m;  // nothing to say: the caller never asks
    const DigestWriter writer(context);
    const MailLayout layout = writer.layout();
    m.subject = writer.subject();
    m.text = render_text(layout);
    m.html = render_html(layout);
    m.message_id = make_message_id(context.key, from.from_address);
    m.idempotency_key = context.key;
    m.date = context.item.created_at;
    return m;
}

}  // namespace okod
