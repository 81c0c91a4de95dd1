#pragma once
// The shape of every okod e-mail: a greeting, a lead-in, the task set apart, a few
// facts (municipality, workflow step, role), what to do, a closing. Kept as data so
// the plain-text and the HTML part are rendered from one source and cannot disagree.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/text.hpp"

namespace okod {

// A link in a mail: "De taak in het dashboard" -> https://oko.maastricht.nl/#/taak/123.
struct MailLink {
    std::string label;
    std::string url;
};

// One task in a mail about several (the digest): what it is, a few lines about it, and
// its links (the task in the dashboard, "Afgerond").
struct MailListItem {
    std::string heading;
    std::vector<std::string> lines;
    std::vector<MailLink> links;
};

struct MailLayout {
    Language language = Language::nl;
    std::string title;                // the subject, for the HTML <title>
    std::string greeting;             // "Beste Bram Hendriks,"
    std::string intro;                // the sentence that leads to the task
    std::string task;                 // the task itself, set apart
    std::vector<MailListItem> items;  // or several tasks, numbered (the digest)
    std::vector<std::pair<std::string, std::string>> facts;  // {"Gemeente", "Maastricht (GM0935)"}
    std::vector<std::string> paragraphs;                     // what to do, notices
    // The one-click link, set apart as a button: the sentence that leads to it, and the
    // link ("Afgerond"). It opens a page that asks to confirm; it changes nothing itself.
    std::string action_intro;
    MailLink action;
    std::vector<MailLink> links;       // the task in the dashboard, the dashboard
    std::vector<std::string> closing;  // lines: "Met vriendelijke groet,", "okod, namens ..."
};

std::string render_text(const MailLayout& layout);
// Simple semantic HTML with inline styles only: no external assets to fetch, nothing
// a mail client would block. Every piece of text is escaped.
std::string render_html(const MailLayout& layout);

std::string html_escape(std::string_view text);

}  // namespace okod
