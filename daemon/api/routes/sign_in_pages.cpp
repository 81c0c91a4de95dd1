#include "daemon/api/routes/sign_in_pages.hpp"

#include <fmt/format.h>

#include "adapters/mail/mail_layout.hpp"
#include "daemon/web/standalone_page.hpp"

namespace okod {
namespace {

std::string new_link_form(bool en) {
    return fmt::format(
        R"(<form method="post" action="/auth/link">
<label class="utrecht-form-label" for="email">{}</label>
<input id="email" name="email" type="email" class="utrecht-textbox utrecht-textbox--html-input" autocomplete="email" required>
<button type="submit" class="utrecht-button utrecht-button--primary-action">{}</button>
</form>
)",
        en ? "E-mail address" : "E-mailadres",
        en ? "Send me a sign-in link" : "Stuur mij een inloglink");
}

HttpResponse page(int status, Language language, const std::string& title,
                  const std::string& body) {
    HttpResponse r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.headers.emplace_back("Cache-Control", "no-store");
    // The link's URL (the secret) goes to no other site as a Referer. Not "no-referrer":
    // then a browser posts the page's form with "Origin: null", which okod refuses.
    r.headers.emplace_back("Referrer-Policy", "same-origin");
    r.body = standalone_page(language, title, body);
    return r;
}

}  // namespace

HttpResponse link_requested_page(Language language) {
    const bool en = language == Language::en;
    return page(
        200, language, en ? "Check your e-mail" : "Kijk in uw e-mail",
        fmt::format("<p class=\"utrecht-paragraph\">{}</p>\n<p><a href=\"/\">{}</a></p>\n",
                    en ? "If this address is known, you will receive a link to sign in. It "
                         "works once, for a short time."
                       : "Als dit adres bekend is, ontvangt u een link om in te loggen. De link "
                         "werkt één keer, korte tijd.",
                    en ? "Back to okod" : "Terug naar okod"));
}

HttpResponse confirm_link_page(const std::string& secret, const std::string& person_name,
                               Language language) {
    const bool en = language == Language::en;
    return page(200, language, en ? "Sign in to okod" : "Inloggen bij okod",
                fmt::format(R"(<p class="utrecht-paragraph">{}</p>
<form method="post" action="/auth/link/{}">
<button type="submit" class="utrecht-button utrecht-button--primary-action">{}</button>
</form>
)",
                            html_escape(en ? "Sign in as " + person_name + "."
                                           : "Inloggen als " + person_name + "."),
                            html_escape(secret), en ? "Sign in" : "Inloggen"));
}

HttpResponse link_gone_page(Language language) {
    const bool en = language == Language::en;
    return page(410, language, en ? "This link no longer works" : "Deze link werkt niet meer",
                fmt::format("<p class=\"utrecht-paragraph\">{}</p>\n{}",
                            en ? "A sign-in link works once, for a short time. This one has "
                                 "been used, has expired or is unknown. Ask for a new one:"
                               : "Een inloglink werkt één keer, korte tijd. Deze is al "
                                 "gebruikt, verlopen of onbekend. Vraag een nieuwe aan:",
                            new_link_form(en)));
}

HttpResponse sign_in_refused_page(const std::string& reason, Language language) {
    const bool en = language == Language::en;
    return page(403, language, en ? "You cannot sign in" : "U kunt niet inloggen",
                fmt::format("<p class=\"utrecht-paragraph\">{}</p>\n", html_escape(reason)));
}

}  // namespace okod
