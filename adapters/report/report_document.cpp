#include "adapters/report/report_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "adapters/mail/mail_layout.hpp"

namespace okod {

namespace {

// Inside a Markdown table cell: pipes and line breaks would end the cell or the row.
std::string escape_cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 20mm 18mm 22mm 18mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1d2630; line-height: 1.4; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #1f5f8b; }
.subtitle { color: #5d6b78; margin: 0 0 8mm; }
h2 { font-size: 13.5pt; color: #1f5f8b; border-bottom: 1px solid #dde3e8; padding-bottom: 1mm; margin: 8mm 0 3mm; break-after: avoid; }
section.new-page { break-before: page; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; }
th { text-align: left; font-size: 9pt; color: #5d6b78; border-bottom: 1px solid #aab4bd; padding: 1.2mm 2mm; }
td { border-bottom: 1px solid #e3e7eb; padding: 1.2mm 2mm; vertical-align: top; }
tr { break-inside: avoid; }
td.light { width: 5mm; }
.dot { display: inline-block; width: 3.2mm; height: 3.2mm; border-radius: 50%; }
.dot.groen { background: #2e7d32; } .dot.oranje { background: #e67e00; } .dot.rood { background: #c62828; }
ul { margin: 1mm 0 4mm; padding-left: 6mm; }
figure.chart { margin: 1mm 0 4mm; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #5d6b78; }
footer { margin-top: 10mm; color: #5d6b78; font-size: 8.5pt; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }
)css";

// A trend chart in 120 x 44 mm of SVG: years on x, values on y, the baseline as a grey
// dot, the measurements as a blue line, the target as a dashed green line and dot.
std::string svg_chart(const DocChart& c) {
    constexpr double w = 340, h = 120, left = 34, right = 10, top = 10, bottom = 22;
    int y0 = c.baseline.first, y1 = c.target.first;
    double lo = std::min(c.baseline.second, c.target.second),
           hi = std::max(c.baseline.second, c.target.second);
    for (const auto& [year, value] : c.measured) {
        y0 = std::min(y0, year);
        y1 = std::max(y1, year);
        lo = std::min(lo, value);
        hi = std::max(hi, value);
    }
    if (y1 == y0) ++y1;
    const double pad = std::max((hi - lo) * 0.15, 0.5);
    lo = lo >= 0 ? std::max(0.0, lo - pad) : lo - pad;  // percentages stay above 0
    hi += pad;
    auto x = [&](int year) { return left + (w - left - right) * (year - y0) / double(y1 - y0); };
    auto y = [&](double v) { return top + (h - top - bottom) * (1 - (v - lo) / (hi - lo)); };
    std::string out = fmt::format(
        "<figure class=\"chart\"><svg viewBox=\"0 0 {} {}\" width=\"120mm\" "
        "height=\"42mm\" role=\"img\" aria-label=\"{}\">",
        w, h, html_escape(c.caption));
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#aab4bd\"/>",
                       left, top, h - bottom);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#aab4bd\"/>",
                       left, h - bottom, w - right);
    for (double v : {lo, hi})
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"end\" "
            "fill=\"#5d6b78\">{:.0f}</text>",
            left - 4, y(v) + 3, v);
    for (int year = y0; year <= y1; ++year)
        out += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" "
            "fill=\"#5d6b78\">{}</text>",
            x(year), h - 8, year);
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#2e7d32\" stroke-dasharray=\"4 "
        "3\"/>"
        "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#2e7d32\"/>",
        x(c.baseline.first), y(c.baseline.second), x(c.target.first), y(c.target.second),
        x(c.target.first), y(c.target.second));
    out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#8a949d\"/>",
                       x(c.baseline.first), y(c.baseline.second));
    if (!c.measured.empty()) {
        std::string points;
        for (const auto& [year, value] : c.measured)
            points += fmt::format("{:.1f},{:.1f} ", x(year), y(value));
        out += fmt::format(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#1f5f8b\" stroke-width=\"2\"/>",
            points);
        for (const auto& [year, value] : c.measured)
            out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#1f5f8b\"/>",
                               x(year), y(value));
    }
    out += fmt::format("</svg><figcaption><strong>{}</strong><br>{}</figcaption></figure>\n",
                       html_escape(c.caption), html_escape(c.text));
    return out;
}

}  // namespace

std::string to_html(const Document& d) {
    std::string out = fmt::format(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        // The same policy as okod's HTTP header, also in the saved file: a converter or
        // browser opening it loads nothing and runs nothing.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
        "'unsafe-inline'\">\n<title>{}</title>\n<style>{}</style>\n"
        "</head>\n<body>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n",
        html_escape(d.language), html_escape(d.title), kStyle, html_escape(d.title),
        html_escape(d.subtitle));
    for (const auto& s : d.sections) {
        out += s.new_page ? "<section class=\"new-page\">\n" : "<section>\n";
        out += fmt::format("<h2>{}</h2>\n", html_escape(s.heading));
        for (const auto& block : s.blocks) {
            if (const auto* p = std::get_if<DocParagraph>(&block)) {
                out += fmt::format("<p>{}</p>\n", html_escape(p->text));
            } else if (const auto* l = std::get_if<DocList>(&block)) {
                out += "<ul>\n";
                for (const auto& item : l->items)
                    out += fmt::format("<li>{}</li>\n", html_escape(item));
                out += "</ul>\n";
            } else if (const auto* c = std::get_if<DocChart>(&block)) {
                out += svg_chart(*c);
            } else if (const auto* t = std::get_if<DocTable>(&block)) {
                const bool lights = !t->marks.empty();
                out += "<table>\n<thead><tr>";
                if (lights) out += "<th></th>";
                for (const auto& h : t->headers) out += fmt::format("<th>{}</th>", html_escape(h));
                out += "</tr></thead>\n<tbody>\n";
                for (std::size_t r = 0; r < t->rows.size(); ++r) {
                    out += "<tr>";
                    if (lights) {
                        const std::string mark = r < t->marks.size() ? t->marks[r] : "";
                        out += mark.empty() ? "<td class=\"light\"></td>"
                                            : fmt::format(
                                                  "<td class=\"light\"><span class=\"dot {0}\" "
                                                  "title=\"{0}\"></span></td>",
                                                  html_escape(mark));
                    }
                    for (const auto& cell : t->rows[r])
                        out += fmt::format("<td>{}</td>", html_escape(cell));
                    out += "</tr>\n";
                }
                out += "</tbody>\n</table>\n";
            }
        }
        out += "</section>\n";
    }
    out += fmt::format("<footer>{}</footer>\n</body>\n</html>\n", html_escape(d.footer));
    return out;
}

std::string to_markdown(const Document& d) {
    std::string out = fmt::format("# {}\n\n{}\n", d.title, d.subtitle);
    for (const auto& s : d.sections) {
        out += fmt::format("\n## {}\n\n", s.heading);
        for (const auto& block : s.blocks) {
            if (const auto* p = std::get_if<DocParagraph>(&block)) {
                out += p->text + "\n\n";
            } else if (const auto* l = std::get_if<DocList>(&block)) {
                for (const auto& item : l->items) out += "- " + item + "\n";
                out += "\n";
            } else if (const auto* c = std::get_if<DocChart>(&block)) {
                out += "*" + c->caption + "*: " + c->text + "\n\n";
            } else if (const auto* t = std::get_if<DocTable>(&block)) {
                const bool lights = !t->marks.empty();
                std::string header = lights ? "| |" : "|", rule = lights ? "|---|" : "|";
                for (const auto& h : t->headers) {
                    header += " " + escape_cell(h) + " |";
                    rule += "---|";
                }
                out += header + "\n" + rule + "\n";
                for (std::size_t r = 0; r < t->rows.size(); ++r) {
                    std::string line = "|";
                    if (lights)
                        line += " " + (r < t->marks.size() ? t->marks[r] : std::string()) + " |";
                    for (const auto& cell : t->rows[r]) line += " " + escape_cell(cell) + " |";
                    out += line + "\n";
                }
                out += "\n";
            }
        }
    }
    out += "---\n" + d.footer + "\n";
    return out;
}

namespace {

// "-3,5" or "12.0": a plain number, which a spreadsheet may read as one.
bool plain_number(const std::string& s) {
    std::size_t i = s[0] == '-' ? 1 : 0, digits = 0, separators = 0;
    for (; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i])) != 0)
            ++digits;
        else if ((s[i] == ',' || s[i] == '.') && ++separators == 1)
            continue;
        else
            return false;
    }
    return digits > 0;
}

std::string csv_field(const std::string& s) {
    std::string cell = s;
    // A leading =, +, -, @, tab or CR makes a spreadsheet evaluate the cell: a remark
    // typed by someone must stay text (OWASP "CSV injection"). Only a plain negative
    // number keeps its minus.
    if (!cell.empty()) {
        const char c = cell.front();
        if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r' ||
            (c == '-' && !plain_number(cell)))
            cell.insert(cell.begin(), '\'');
    }
    const bool quote = cell.find_first_of(";\"\r\n") != std::string::npos ||
                       (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!quote) return cell;
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void csv_line(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out += ';';
        out += csv_field(cells[i]);
    }
    out += "\r\n";
}

std::string csv_number(double v, bool dutch) {
    std::string s = fmt::format("{:.1f}", v);
    if (dutch) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

}  // namespace

std::string to_csv(const Document& d) {
    const bool nl = d.language != "en";
    std::string out = "\xEF\xBB\xBF";  // so that Excel reads UTF-8
    csv_line(out, {d.title});
    csv_line(out, {d.subtitle});
    for (const auto& s : d.sections) {
        for (const auto& block : s.blocks) {
            if (const auto* t = std::get_if<DocTable>(&block)) {
                out += "\r\n";
                csv_line(out, {s.heading});
                const bool lights = !t->marks.empty();
                std::vector<std::string> header;
                if (lights) header.emplace_back(nl ? "Licht" : "Light");
                header.insert(header.end(), t->headers.begin(), t->headers.end());
                csv_line(out, header);
                for (std::size_t r = 0; r < t->rows.size(); ++r) {
                    std::vector<std::string> row;
                    if (lights) row.push_back(r < t->marks.size() ? t->marks[r] : std::string());
                    row.insert(row.end(), t->rows[r].begin(), t->rows[r].end());
                    csv_line(out, row);
                }
            } else if (const auto* c = std::get_if<DocChart>(&block)) {
                out += "\r\n";
                csv_line(out, {s.heading, c->caption});
                csv_line(out,
                         {nl ? "Jaar" : "Year", nl ? "Waarde" : "Value", nl ? "Soort" : "Kind"});
                csv_line(out, {std::to_string(c->baseline.first),
                               csv_number(c->baseline.second, nl), nl ? "nulmeting" : "baseline"});
                for (const auto& [year, value] : c->measured)
                    if (year != c->baseline.first)  // that is the baseline, above
                        csv_line(out, {std::to_string(year), csv_number(value, nl),
                                       nl ? "meting" : "measured"});
                csv_line(out, {std::to_string(c->target.first), csv_number(c->target.second, nl),
                               nl ? "streefwaarde" : "target"});
            }
        }
    }
    return out;
}

}  // namespace okod
