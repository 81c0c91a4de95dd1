#include "timer_lateness.hpp"

#include <algorithm>
#include <fstream>
#include <regex>

#include "time/amsterdam.hpp"

namespace okod::bench {

std::vector<double> timer_lateness_ms(const std::filesystem::path& log, Instant from, Instant to) {
    static const std::regex step(R"(\[debug\] timer due (\S+) handled (-?[0-9.]+) ms late)");
    std::vector<double> out;
    std::ifstream in(log);
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, step)) continue;
        const auto due = parse_instant(m[1].str());
        if (due && *due >= from && *due <= to) out.push_back(std::stod(m[2].str()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace okod::bench
