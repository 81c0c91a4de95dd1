#include "daemon/commands/execution_plan_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "adapters/report/report_words.hpp"
#include "daemon/client/json_fields.hpp"
#include "daemon/client/text_table.hpp"

namespace okod {
namespace {

// `text` in lines of at most `width` characters, broken between words (a longer word
// is cut), so a table cell keeps all it says; "-" when empty.
std::vector<std::string> wrapped(const std::string& text, std::size_t width) {
    std::vector<std::string> words;
    std::string word;
    for (char ch : text) {
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += ch;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    std::vector<std::string> lines;
    std::string line;
    for (auto& w : words) {
        while (display_width(w) > width) {  // a word wider than the column: cut it
            std::string head;
            std::size_t i = 0;
            for (std::size_t shown = 0; i < w.size(); ++i) {
                if ((static_cast<unsigned char>(w[i]) & 0xC0) != 0x80 && ++shown > width) break;
                head += w[i];
            }
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            lines.push_back(std::move(head));
            w.erase(0, i);
        }
        if (w.empty()) continue;
        if (!line.empty() && display_width(line) + 1 + display_width(w) > width) {
            lines.push_back(std::move(line));
            line.clear();
        }
        line += (line.empty() ? "" : " ") + w;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    if (lines.empty()) lines.emplace_back("-");
    return lines;
}

// A table whose cells wrap within their column's cap (0: no cap): a row takes as many
// lines as its longest cell, and when any row does, a blank line parts the rows. The
// first row is the header.
void print_wrapped_table(const std::vector<TextRow>& rows, const std::vector<std::size_t>& caps,
                         std::ostream& out, bool part_rows = true) {
    std::vector<TextRow> lines;
    std::vector<std::size_t> starts;  // where each row begins in `lines`
    for (const auto& row : rows) {
        starts.push_back(lines.size());
        std::vector<std::vector<std::string>> cells;
        std::size_t height = 1;
        for (std::size_t k = 0; k < row.size(); ++k) {
            const std::size_t cap = k < caps.size() && caps[k] > 0 ? caps[k] : std::string::npos;
            cells.push_back(cap == std::string::npos ? std::vector<std::string>{row[k]}
                                                     : wrapped(row[k], cap));
            height = std::max(height, cells.back().size());
        }
        for (std::size_t n = 0; n < height; ++n) {
            TextRow line;
            for (const auto& c : cells) line.push_back(n < c.size() ? c[n] : "");
            lines.push_back(std::move(line));
        }
    }
    if (part_rows && lines.size() > rows.size())
        for (std::size_t r = starts.size(); r-- > 2;)
            lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(starts[r]), TextRow{});
    print_table(lines, out);
}

std::string counts_text(const LightCounts& c) {
    return fmt::format("{} groen, {} oranje, {} rood", c.groen, c.oranje, c.rood);
}

std::string heading(const RecommendationActions& g) {
    return g.number > 0 ? fmt::format("Aanbeveling {}: {}", g.number, g.recommendation)
                        : fmt::format("Aanbeveling (niet meer in de lijst van de gemeente): {}",
                                      g.recommendation);
}

std::string resources(const ExecutionAction& a) {
    const std::string text =
        report_words::resources(a.money_euros, a.fte, a.other_resources, Language::nl);
    return text == "–" ? "-" : text;  // a terminal's "nothing", as in the other columns
}

void indented(const std::string& text, std::ostream& out) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        out << (line.empty() ? "" : "  ") << line << '\n';
}

}  // namespace

void print_execution_plan(const ExecutionPlan& plan, const std::string& municipality_name,
                          bool full, std::ostream& out) {
    const int n = plan.action_count();
    out << fmt::format("Uitvoeringsplan {} ({}): {} {} ({})\n", municipality_name,
                       plan.municipality, n, n == 1 ? "actie" : "acties", counts_text(plan.counts));
    if (plan.recommendations.empty())
        out << "\nDe gemeente heeft geen aanbevelingen van de Scanner in haar lijst ([lists] "
               "recommendations) "
               "en er zijn nog geen acties.\n";
    for (const auto& g : plan.recommendations) {
        out << '\n' << heading(g);
        if (g.actions.empty()) {
            out << "\n  (nog geen acties)\n";
            continue;
        }
        out << fmt::format(" ({})\n", counts_text(g.counts));
        std::vector<TextRow> rows{{"ID", "PRIORITEIT", "INTERVENTIE", "PERIODE", "VERANTWOORDELIJK",
                                   "MIDDELEN", "ERKEND", "STATUS", "OPMERKING"}};
        for (const auto& a : g.actions)
            rows.push_back({std::to_string(a.id), std::string(to_string(a.priority)),
                            a.intervention, a.period, a.responsible, resources(a),
                            a.recognised ? "ja" : "nee", std::string(to_string(a.status)),
                            a.status_remark});
        std::ostringstream table;
        print_wrapped_table(rows, {0, 0, 36, 20, 22, 22, 0, 0, 30}, table);
        indented(table.str(), out);
        if (!full) continue;
        for (const auto& a : g.actions) {
            std::ostringstream card;
            out << '\n';
            print_execution_action(a, g.number, card);
            indented(card.str(), out);
        }
    }
}

void print_execution_plan_view(const ExecutionPlanView& view, bool full, bool json,
                               std::ostream& out) {
    if (json)
        print_json_lines(view.actions, out);
    else
        print_execution_plan(view.plan, view.municipality_name, full, out);
}

void print_execution_action(const ExecutionAction& a, int recommendation_number,
                            std::ostream& out) {
    out << fmt::format(
        "actie {} · {}\n", a.id,
        recommendation_number > 0
            ? fmt::format("aanbeveling {}: {}", recommendation_number, a.recommendation)
            : fmt::format("aanbeveling: {}", a.recommendation));
    std::string status(to_string(a.status));
    if (!a.status_remark.empty()) status += " – " + a.status_remark;
    const std::vector<TextRow> rows{
        {"1 interventie:", a.intervention},
        {"2 relevantie:", a.relevance},
        {"3 haalbaarheid:", a.feasibility},
        {"4 middelen:", resources(a)},
        {"5 verwachte effectiviteit:",
         fmt::format("{} (erkende interventie: {})",
                     a.expected_effectiveness.empty() ? "-" : a.expected_effectiveness,
                     a.recognised ? "ja" : "nee")},
        {"6 belemmeringen:", a.obstacles},
        {"7 periode:", a.period},
        {"8 verantwoordelijk:", a.responsible},
        {"prioriteit:", std::string(to_string(a.priority))},
        {"afwegingen:", a.considerations},
        {"status:", status},
    };
    std::ostringstream table;
    print_wrapped_table(rows, {0, 80}, table, false);
    indented(table.str(), out);
}

void print_execution_action_added(const ExecutionAction& a, int recommendation_number,
                                  std::ostream& out) {
    out << fmt::format("actie {} toegevoegd aan het uitvoeringsplan van {}\n", a.id,
                       a.municipality);
    print_execution_action(a, recommendation_number, out);
}

void print_execution_action_change(std::int64_t id, bool changed, const std::string& changes,
                                   std::ostream& out) {
    if (changed)
        out << fmt::format("actie {} gewijzigd: {}\n", id, changes);
    else
        out << fmt::format("actie {}: niets gewijzigd, het stond al zo\n", id);
}

void print_execution_action_removed(const ExecutionAction& a, int recommendation_number,
                                    std::ostream& out) {
    out << fmt::format("actie {} verwijderd: '{}' ({})\n", a.id, a.intervention,
                       recommendation_number > 0
                           ? fmt::format("aanbeveling {}", recommendation_number)
                           : "aanbeveling: " + a.recommendation);
}

}  // namespace okod
