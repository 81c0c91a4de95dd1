#include "daemon/api/routes/mail_link_page.hpp"

#include <array>
#include <string_view>

#include "adapters/mail/date_words.hpp"
#include "adapters/mail/mail_layout.hpp"
#include "daemon/web/standalone_page.hpp"

namespace okod {
namespace {

// The words of one page, in one language and one register.
class Words {
public:
    explicit Words(const MailLinkTaskView& v) : v_(v) {}
    std::string operator()(std::string_view nl, std::string_view en) const {
        return std::string(v_.language == Language::en ? en : nl);
    }
    std::string operator()(std::string_view je, std::string_view u, std::string_view en) const {
        return std::string(v_.language == Language::en ? en : v_.formal ? u : je);
    }

private:
    const MailLinkTaskView& v_;
};

std::string page(const MailLinkTaskView& v, const std::string& title, std::string body) {
    const Words w(v);
    if (!v.dashboard_url.empty())
        body += "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"" +
                html_escape(v.dashboard_url) + "\">" +
                w("Naar het dashboard", "Go to the dashboard") + "</a></p>\n";
    return standalone_page(v.language, title, body);
}

std::string facts(const MailLinkTaskView& v) {
    const Words w(v);
    std::string out = "<dl class=\"link-facts\">\n<dt>" + w("Taak", "Task") + "</dt><dd>" +
                      html_escape(v.task) + "</dd>\n<dt>" + w("Gemeente", "Municipality") +
                      "</dt><dd>" + html_escape(v.municipality) + "</dd>\n";
    if (v.due)
        out +=
            "<dt>Deadline</dt><dd>" + html_escape(long_date_time(*v.due, v.language)) + "</dd>\n";
    return out + "</dl>\n";
}

std::string paragraph(const std::string& text) {
    return "<p class=\"utrecht-paragraph\">" + html_escape(text) + "</p>\n";
}

}  // namespace

int status_of(MailLinkRefusal why) {
    switch (why) {
        case MailLinkRefusal::invalid:
            return 404;
        case MailLinkRefusal::expired:
            return 410;
        case MailLinkRefusal::used:
        case MailLinkRefusal::closed:
            return 409;
        case MailLinkRefusal::not_holder:
        case MailLinkRefusal::other_origin:
            return 403;
        case MailLinkRefusal::unusable:
            break;
    }
    return 422;
}

std::string mail_link_confirm_page(const MailLinkTaskView& v) {
    const Words w(v);
    std::string body = paragraph(
        (v.person_name.empty() ? std::string()
                               : w("Beste ", "Geachte ", "Dear ") + v.person_name + ", ") +
        w("je meldt deze taak af als afgerond:", "u meldt deze taak af als afgerond:",
          "you are marking this task as done:"));
    body += facts(v);
    body +=
        "<form method=\"post\">\n<div class=\"utrecht-form-field\">"
        "<label class=\"utrecht-form-label\" for=\"note\">" +
        w("Opmerking (niet verplicht)", "Note (optional)") +
        "</label>\n<textarea id=\"note\" name=\"note\" maxlength=\"2000\" "
        "class=\"utrecht-textarea utrecht-textarea--html-textarea\"></textarea></div>\n"
        "<button type=\"submit\" class=\"utrecht-button utrecht-button--primary-action\">" +
        w("Afgerond", "Done") + "</button>\n</form>\n";
    body += paragraph(w("Er verandert pas iets als je op Afgerond klikt.",
                        "Er verandert pas iets als u op Afgerond klikt.",
                        "Nothing changes until you press Done."));
    return page(v, w("Taak afmelden", "Mark the task done"), body);
}

std::string mail_link_done_page(const MailLinkTaskView& v) {
    const Words w(v);
    std::string body =
        paragraph(w("Dank je wel. De taak is afgemeld als afgerond; de "
                    "herinneringen erover stoppen.",
                    "Dank u wel. De taak is afgemeld als afgerond; de "
                    "herinneringen erover stoppen.",
                    "Thank you. The task is marked done; its reminders stop."));
    body += facts(v);
    return page(v, w("Taak afgerond", "Task done"), body);
}

namespace {

// What each refusal says: title and sentence, each as {je, u, en}.
struct RefusalWords {
    std::array<std::string_view, 3> title, text;
};

RefusalWords refusal_words(MailLinkRefusal why) {
    switch (why) {
        case MailLinkRefusal::invalid:
            return {{"Deze link werkt niet", "Deze link werkt niet", "This link does not work"},
                    {"De link is onvolledig of gewijzigd. Gebruik de link uit de e-mail zoals hij "
                     "is, of meld de taak af in het dashboard.",
                     "De link is onvolledig of gewijzigd. Gebruik de link uit de e-mail zoals hij "
                     "is, of meld de taak af in het dashboard.",
                     "The link is incomplete or altered. Use the link from the e-mail as it is, or "
                     "mark the task done in the dashboard."}};
        case MailLinkRefusal::expired:
            return {{"Deze link is verlopen", "Deze link is verlopen", "This link has expired"},
                    {"Een link in een herinnering werkt een beperkte tijd. Meld de taak af met de "
                     "link in een nieuwere herinnering, of in het dashboard.",
                     "Een link in een herinnering werkt een beperkte tijd. Meld de taak af met de "
                     "link in een nieuwere herinnering, of in het dashboard.",
                     "A link in a reminder works for a limited time. Mark the task done with the "
                     "link in a newer reminder, or in the dashboard."}};
        case MailLinkRefusal::used:
            return {{"Deze link is al gebruikt", "Deze link is al gebruikt",
                     "This link has already been used"},
                    {"Met deze link is de taak al afgemeld. Een link werkt één keer.",
                     "Met deze link is de taak al afgemeld. Een link werkt één keer.",
                     "The task was marked done with this link before. A link works once."}};
        case MailLinkRefusal::closed:
            return {{"Deze taak is al gesloten", "Deze taak is al gesloten",
                     "This task is already closed"},
                    {"De taak is al afgerond of overgeslagen.",
                     "De taak is al afgerond of overgeslagen.",
                     "The task has already been completed or skipped."}};
        case MailLinkRefusal::not_holder:
            return {{"Deze taak ligt niet meer bij je", "Deze taak ligt niet meer bij u",
                     "This task is no longer yours"},
                    {"Je hebt de rol van deze taak niet meer, dus deze link werkt niet meer.",
                     "U heeft de rol van deze taak niet meer, dus deze link werkt niet meer.",
                     "You no longer hold the role of this task, so this link no longer works."}};
        case MailLinkRefusal::other_origin:
            return {{"Niet verstuurd vanaf deze pagina", "Niet verstuurd vanaf deze pagina",
                     "Not sent from this page"},
                    {"Het formulier kwam van een andere website. Open de link uit de e-mail "
                     "opnieuw.",
                     "Het formulier kwam van een andere website. Open de link uit de e-mail "
                     "opnieuw.",
                     "The form came from another website. Open the link from the e-mail again."}};
        case MailLinkRefusal::unusable:
            break;
    }
    return {{"De taak kon niet worden afgemeld", "De taak kon niet worden afgemeld",
             "The task could not be marked done"},
            {"", "", ""}};
}

}  // namespace

std::string mail_link_refusal_page(MailLinkRefusal why, const MailLinkTaskView& v,
                                   const std::string& detail) {
    const Words w(v);
    const RefusalWords words = refusal_words(why);
    const std::string title = w(words.title[0], words.title[1], words.title[2]);
    const std::string text = w(words.text[0], words.text[1], words.text[2]);
    std::string body = text.empty() ? std::string() : paragraph(text);
    if (!detail.empty()) body += paragraph(detail);
    if (!v.task.empty()) body += facts(v);
    body += paragraph(w("Er is niets veranderd.", "Nothing has changed."));
    return page(v, title, body);
}

}  // namespace okod
