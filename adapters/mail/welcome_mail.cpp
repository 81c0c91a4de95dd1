#include "adapters/mail/welcome_mail.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "adapters/mail/date_words.hpp"
#include "adapters/mail/mail_layout.hpp"
#include "adapters/mail/mail_register.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

class WelcomeWriter {
public:
    explicit WelcomeWriter(const WelcomeMailContext& c)
        : c_(c), lang_(c.item.language), formal_(register_for_role(c.item.role) == Register::u) {}

    MailLayout layout() const {
        MailLayout l;
        l.language = lang_;
        l.title = subject();
        l.greeting = r("Beste ", "Geachte ", "Dear ") + c_.person_name + ",";
        l.intro = intro();
        l.task = roles();
        l.facts.push_back({w("Gemeente", "Municipality"), c_.municipality_name});
        if (!c_.leaver_name.empty())
            l.facts.push_back({w("Overdracht van", "Handed over by"), c_.leaver_name});
        if (c_.leave_date)
            l.facts.push_back({w("Laatste dag", "Last day"),
                               long_date(at_local(*c_.leave_date, TimeOfDay{0}), lang_)});
        if (!c_.regisseur.name.empty())
            l.facts.push_back(
                {w("Regisseur", "Coordinator"),
                 c_.regisseur.email.empty()
                     ? c_.regisseur.name
                     : fmt::format("{} ({})", c_.regisseur.name, c_.regisseur.email)});
        l.paragraphs.push_back(
            c_.tasks.empty()
                ? r("Er staan nog geen taken voor je open; okod meldt ze zodra ze komen.",
                    "Er staan nog geen taken voor u open; okod meldt ze zodra ze komen.",
                    "No tasks are waiting for you yet; okod tells you as they come.")
                : r("Je eerste taken staan hieronder, met de link naar elke taak in het "
                    "dashboard.",
                    "Uw eerste taken staan hieronder, met de link naar elke taak in het "
                    "dashboard.",
                    "Your first tasks are below, each with its link into the dashboard."));
        for (const auto& t : c_.tasks) {
            const std::string line = t.due
                                         ? fmt::format("{} – {} {}", t.title, w("deadline", "due"),
                                                       short_date(*t.due, lang_))
                                         : t.title;
            if (t.url.empty())
                l.paragraphs.push_back(line);
            else
                l.links.push_back({line, t.url});
        }
        if (!c_.leaver_name.empty())
            l.paragraphs.push_back(
                fmt::format("{} {}", c_.leaver_name,
                            r("draagt het overdrachtsdossier aan je over in een "
                              "overdrachtsgesprek; de regisseur zet het starterspakket voor je "
                              "klaar.",
                              "draagt het overdrachtsdossier aan u over in een "
                              "overdrachtsgesprek; de regisseur zet het starterspakket voor u "
                              "klaar.",
                              "hands the hand-over file over to you in a hand-over meeting; the "
                              "coordinator prepares the starter pack for you.")));
        if (!c_.dashboard_url.empty())
            l.links.push_back({w("Het dashboard", "The dashboard"), c_.dashboard_url});
        l.closing = {
            w("Met vriendelijke groet,", "Kind regards,"),
            w("okod, namens de OKO-regie van ", "okod, on behalf of the OKO coordination of ") +
                c_.municipality_name};
        return l;
    }

    std::string subject() const {
        return fmt::format("[OKO {}] {} {}", c_.municipality_name, w("Welkom,", "Welcome,"),
                           c_.person_name);
    }

private:
    std::string intro() const {
        const bool several = c_.roles.size() > 1;
        std::string text =
            r("Welkom in het OKO-programma. Je neemt ", "Welkom in het OKO-programma. U neemt ",
              "Welcome to the OKO programme. You take over ") +
            (several ? w("deze rollen over", "these roles") : w("deze rol over", "this role"));
        if (!c_.leaver_name.empty()) text += w(" van ", " from ") + c_.leaver_name;
        return text + ":";
    }
    std::string roles() const { return fmt::format("{}", fmt::join(c_.roles, ", ")); }
    std::string w(std::string_view nl, std::string_view en) const {
        return std::string(lang_ == Language::en ? en : nl);
    }
    std::string r(std::string_view je, std::string_view u, std::string_view en) const {
        return std::string(lang_ == Language::en ? en : formal_ ? u : je);
    }

    const WelcomeMailContext& c_;
    Language lang_;
    bool formal_;
};

}  // namespace

MailMessage compose_welcome_mail(const WelcomeMailContext& c, const MailIdentity& from) {
    const WelcomeWriter writer(c);
    const MailLayout l = writer.layout();
    return outbox_message(l, l.title, c.item, c.person_name, c.item.due.value_or(c.item.created_at),
                          from);
}

}  // namespace okod
