#include "daemon/client/text_table.hpp"

#include <algorithm>
#include <ostream>

namespace okod {

std::size_t display_width(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void print_table(const std::vector<TextRow>& rows, std::ostream& out) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()));
        for (std::size_t k = 0; k < row.size(); ++k)
            widths[k] = std::max(widths[k], display_width(row[k]));
    }
    for (const auto& row : rows) {
        std::string text;
        for (std::size_t k = 0; k < row.size(); ++k) {
            text += row[k];
            if (k + 1 < row.size()) text += std::string(widths[k] - display_width(row[k]) + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    }
}

}  // namespace okod
