#include "model/survey_import_log.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "model/event_kind.hpp"

namespace okod {
namespace {

// "2023", "2023 en 2025", "2021, 2023 en 2025": the log is Dutch, as its other notes.
std::string years_text(const std::set<int>& years) {
    std::string out;
    std::size_t n = 0;
    for (int y : years) {
        if (n > 0) out += n + 1 == years.size() ? " en " : ", ";
        out += std::to_string(y);
        ++n;
    }
    return out;
}

}  // namespace

std::vector<Event> survey_import_events(const std::vector<Measurement>& stored,
                                        const std::string& file, const std::string& person,
                                        const std::string& by, Instant at) {
    struct Values {
        std::size_t count = 0;
        std::map<std::string, std::set<int>> years;  // indicator -> years
    };
    std::map<std::string, Values> of;  // municipality -> its values
    for (const auto& m : stored) {
        auto& v = of[m.municipality];
        ++v.count;
        v.years[m.indicator].insert(m.year);
    }
    std::vector<Event> out;
    for (const auto& [code, v] : of) {
        std::string indicators;
        for (const auto& [indicator, years] : v.years)
            indicators += fmt::format("{}{} {}", indicators.empty() ? "" : ", ", indicator,
                                      years_text(years));
        Event e;
        e.at = at;
        e.municipality = code;
        e.kind = EventKind::survey_imported;
        e.person = person;
        e.title = file;
        e.note = fmt::format("{}: {} {}: {} (door {})", file, v.count,
                             v.count == 1 ? "waarde" : "waarden", indicators, by);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace okod
