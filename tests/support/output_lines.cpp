#include "support/output_lines.hpp"

#include <boost/json/parse.hpp>
#include <sstream>

#include "model/text.hpp"

namespace okod::test {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<boost::json::value> json_lines(const std::string& text) {
    std::vector<boost::json::value> values;
    for (const auto& line : lines_of(text)) values.push_back(boost::json::parse(line));
    return values;
}

bool valid_utf8(const std::string& s) { return is_valid_utf8(s); }

std::vector<std::string> table_cells(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t pos = line.find_first_not_of(' ');
    while (pos != std::string::npos && pos < line.size()) {
        const auto gap = line.find("  ", pos);
        cells.push_back(line.substr(pos, gap - pos));
        if (gap == std::string::npos) break;
        pos = line.find_first_not_of(' ', gap);
    }
    return cells;
}

}  // namespace okod::test
