#include "adapters/mail/sign_in_mail.hpp"

#include <fmt/format.h>

#include "adapters/mail/mail_layout.hpp"

namespace okod {

MailMessage compose_sign_in_mail(const SignInMailContext& c, const MailIdentity& from) {
    const bool en = c.item.language == Language::en;
    MailLayout l;
    l.language = c.item.language;
    l.title = en ? "Your sign-in link for okod" : "Uw inloglink voor okod";
    l.greeting =
        en ? fmt::format("Dear {},", c.person_name) : fmt::format("Beste {},", c.person_name);
    l.intro = en ? "You asked to sign in to okod, the OKO workplace. Open this link to sign in:"
                 : "U hebt gevraagd om in te loggen bij okod, de OKO-werkplek. Open deze link om "
                   "in te loggen:";
    l.task = c.link;
    l.paragraphs = {
        en ? fmt::format("The link works once, for {} minutes. On the page it opens, press "
                         "\"Sign in\".",
                         c.link_minutes)
           : fmt::format("De link werkt één keer, {} minuten lang. Druk op de pagina die opent "
                         "op \"Inloggen\".",
                         c.link_minutes),
        en ? "Did you not ask for this? Then you can ignore this e-mail: nobody can sign in "
             "without the link."
           : "Hebt u hier niet om gevraagd? Dan kunt u deze e-mail negeren: zonder de link kan "
             "niemand inloggen.",
    };
    l.closing = {en ? "Kind regards," : "Met vriendelijke groet,",
                 from.from_name.empty() ? "okod" : from.from_name};
    return outbox_message(l, l.title, c.item, c.person_name, c.item.created_at, from);
}

}  // namespace okod
