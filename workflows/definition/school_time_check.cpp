#include "definition/school_time_check.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "rules/due_rule.hpp"
#include "time/amsterdam.hpp"

namespace okod {
namespace {

bool keeps_school_time(const Definition& d) {
    for (const auto& state : d.states)
        for (const auto& task : state.tasks)
            if (task.due.school_time != Shift::none) return true;
    return std::any_of(d.transitions.begin(), d.transitions.end(), [](const TransitionSpec& t) {
        return t.timer && t.timer->school_time != Shift::none;
    });
}

}  // namespace

std::optional<SchoolDataGap> school_data_gap(const Municipality& m,
                                             const DefinitionRegistry& definitions,
                                             const SchoolHolidays& holidays, Date today) {
    const bool needs = std::any_of(m.workflows.begin(), m.workflows.end(), [&](const auto& id) {
        const Definition* d = definitions.latest(id);
        return d && keeps_school_time(*d);
    });
    if (!needs) return std::nullopt;
    const std::optional<Date> until = holidays.known_until();
    if (until && date::sys_days{*until} >= date::sys_days{today} + kSchoolDataHorizon)
        return std::nullopt;
    return SchoolDataGap{until};
}

std::string describe(const SchoolDataGap& gap, const Municipality& m, Language language) {
    const bool nl = language == Language::nl;
    const std::string known =
        gap.known_until
            ? fmt::format(fmt::runtime(nl ? "schoolvakanties bekend t/m {}"
                                          : "school holidays known until {}"),
                          format_date(*gap.known_until))
            : std::string(nl ? "geen schoolvakanties bekend" : "no school holidays known");
    return fmt::format(
        fmt::runtime(
            nl ? "{} {}: {}; deadlines in schooltijd daarna vermijden alleen weekenden en "
                 "feestdagen, niet de schoolvakanties van regio {}. Lees nieuwe schooljaren in met "
                 "okoctl calendar import-school-holidays."
               : "{} {}: {}; school-time deadlines after that avoid only weekends and public "
                 "holidays, not the school holidays of region {}. Import new school years with "
                 "okoctl calendar import-school-holidays."),
        m.code, m.name, known, m.school_region);
}

}  // namespace okod
