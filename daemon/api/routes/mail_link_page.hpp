#pragma once
// The small pages behind the one-click "Afgerond" link of a reminder (issue 19): the
// page that asks to confirm (GET, changes nothing), the page that says it is done
// (after the POST), and one page per reason a link cannot be used. Plain, accessible
// HTML (a heading, the facts as a list, a labelled field and a real button), Dutch or
// English by the person's language, in one register ("je", or "u" for administrators).
#include <optional>
#include <string>

#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod {

// What the page says about the task, in the reader's language.
struct MailLinkTaskView {
    Language language = Language::nl;
    bool formal = false;      // "u" rather than "je"
    std::string person_name;  // whose link it is
    std::string task;         // "Jeugdmonitor afnemen (Basisschool De Regenboog)"
    std::string municipality;
    std::optional<Instant> due;
    std::string dashboard_url;  // empty without [http] public_url
};

enum class MailLinkRefusal {
    invalid,       // 404: not a link okod made, altered, or for another task or purpose
    expired,       // 410
    used,          // 409: it did its work before
    closed,        // 409: the task was completed or skipped meanwhile (or its step ended)
    not_holder,    // 403: the person no longer holds the task's role
    other_origin,  // 403: a form on another site posted it
    unusable,      // 422: the note was refused; `detail` says why
};

int status_of(MailLinkRefusal why);

// GET: the task and a form with an optional note and the button "Afgerond".
std::string mail_link_confirm_page(const MailLinkTaskView& v);
// After the POST: done, and the way to the dashboard.
std::string mail_link_done_page(const MailLinkTaskView& v);
// Why the link cannot be used, and what to do instead. `v` as far as it is known (a
// link that is not genuine says nothing about the task); `detail` is one sentence more.
std::string mail_link_refusal_page(MailLinkRefusal why, const MailLinkTaskView& v,
                                   const std::string& detail = {});

}  // namespace okod
