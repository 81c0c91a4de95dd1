#include "adapters/mail/mail_layout.hpp"

namespace okod {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string render_text(const MailLayout& m) {
    std::string out = m.greeting + "\n\n" + m.intro + "\n\n";
    if (!m.task.empty()) out += "  " + m.task + "\n\n";
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const MailListItem& item = m.items[i];
        out += "  " + std::to_string(i + 1) + ". " + item.heading + "\n";
        for (const auto& line : item.lines) out += "     " + line + "\n";
        for (const auto& link : item.links) out += "     " + link.label + ": " + link.url + "\n";
        out += "\n";
    }
    for (const auto& [label, value] : m.facts) out += label + ": " + value + "\n";
    if (!m.facts.empty()) out += "\n";
    for (const auto& p : m.paragraphs) out += p + "\n\n";
    if (!m.action.url.empty())
        out += m.action_intro + "\n  " + m.action.label + ": " + m.action.url + "\n\n";
    for (const auto& link : m.links) out += link.label + ": " + link.url + "\n";
    if (!m.links.empty()) out += "\n";
    for (const auto& line : m.closing) out += line + "\n";
    return out;
}

std::string render_html(const MailLayout& m) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"";
    out += to_string(m.language);
    out +=
        "\">\n<head><meta charset=\"utf-8\"><title>" + html_escape(m.title) + "</title></head>\n";
    out += "<body style=\"font-family: sans-serif; line-height: 1.4;\">\n";
    out += "<p>" + html_escape(m.greeting) + "</p>\n";
    out += "<p>" + html_escape(m.intro) + "</p>\n";
    if (!m.task.empty())
        out += "<p style=\"margin-left: 1.5em; font-size: 1.1em;\"><strong>" + html_escape(m.task) +
               "</strong></p>\n";
    if (!m.items.empty()) {
        out += "<ol>\n";
        for (const auto& item : m.items) {
            out += "<li style=\"margin-bottom: 0.8em;\"><strong>" + html_escape(item.heading) +
                   "</strong>";
            for (const auto& line : item.lines) out += "<br>\n" + html_escape(line);
            for (const auto& link : item.links)
                out += "<br>\n<a href=\"" + html_escape(link.url) + "\">" +
                       html_escape(link.label) + "</a>";
            out += "</li>\n";
        }
        out += "</ol>\n";
    }
    if (!m.facts.empty()) {
        out += "<table style=\"border-collapse: collapse;\">\n";
        for (const auto& [label, value] : m.facts)
            out +=
                "<tr><th style=\"text-align: left; padding-right: 1em; font-weight: normal; "
                "color: #555;\">" +
                html_escape(label) + "</th><td>" + html_escape(value) + "</td></tr>\n";
        out += "</table>\n";
    }
    for (const auto& p : m.paragraphs) out += "<p>" + html_escape(p) + "</p>\n";
    if (!m.action.url.empty()) {
        out += "<p>" + html_escape(m.action_intro) + "</p>\n";
        out += "<p><a href=\"" + html_escape(m.action.url) +
               "\" style=\"display: inline-block; padding: 0.5em 1.2em; background: #154273; "
               "color: #ffffff; text-decoration: none; font-weight: bold; border-radius: 4px;\">" +
               html_escape(m.action.label) + "</a></p>\n";
    }
    if (!m.links.empty()) {
        out += "<ul>\n";
        for (const auto& link : m.links)
            out += "<li><a href=\"" + html_escape(link.url) + "\">" + html_escape(link.label) +
                   "</a></li>\n";
        out += "</ul>\n";
    }
    out += "<p>";
    for (std::size_t i = 0; i < m.closing.size(); ++i)
        out += (i ? "<br>\n" : "") + html_escape(m.closing[i]);
    out += "</p>\n</body>\n</html>\n";
    return out;
}

}  // namespace okod
