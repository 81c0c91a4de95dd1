#pragma once
// A report as a document: a title, sections with paragraphs, lists and tables. The yearly
// report is built once as a document (annual_report_document.hpp) and written as HTML
// (print-ready A4) or Markdown by the writers below, so both forms say the same.
#include <string>
#include <variant>
#include <vector>

namespace okod {

struct DocParagraph {
    std::string text;
};

struct DocList {
    std::vector<std::string> items;
};

// A table; `marks` may give a row a traffic light ("groen", "oranje", "rood") or "".
struct DocTable {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> marks;
};

// A small trend chart: measured values over the years, from a baseline towards a target.
// HTML draws it as inline SVG; Markdown as one line of text (`text`).
struct DocChart {
    std::string caption;
    std::vector<std::pair<int, double>> measured;  // (year, value)
    std::pair<int, double> baseline, target;
    std::string text;  // "2021: 21,0 % (nulmeting) · 2023: 19,4 % · doel 2027: 15,0 %"
};

using DocBlock = std::variant<DocParagraph, DocList, DocTable, DocChart>;

struct DocSection {
    std::string heading;
    std::vector<DocBlock> blocks;
    bool new_page = false;  // starts a new printed page
};

struct Document {
    std::string language;  // "nl" | "en", for <html lang>
    std::string title, subtitle;
    std::vector<DocSection> sections;
    std::string footer;
};

// Self-contained HTML: inline CSS for A4 print (margins, page breaks, no split tables
// rows), no scripts, no external assets.
std::string to_html(const Document& d);
// GitHub-flavoured Markdown (tables with pipes, escaped).
std::string to_markdown(const Document& d);
// The report's tables as one spreadsheet file, the way Dutch Excel opens it: UTF-8 with
// a byte-order mark, `;` between fields, CRLF line ends, quotes where needed (RFC 4180).
// Each table comes after a blank line and a line with its section's heading, its header
// line first (with a "Licht"/"Light" column when rows carry a traffic light).
// Charts come as a table of year and value. Prose (paragraphs, lists) is left out: the
// CSV is for the numbers. A cell that a spreadsheet would run as a formula (starting
// with =, +, @ or -, unless a plain negative number) gets a leading apostrophe.
std::string to_csv(const Document& d);

}  // namespace okod
