#pragma once
// Renders event-log lines for people (Dutch or English sentences) and for programs
// (one JSON object per line). Output depends only on the events and the names given,
// so the same run prints the same bytes.
#include <map>
#include <string>
#include <vector>

#include "definition/registry.hpp"
#include "model/instance.hpp"
#include "model/municipality.hpp"
#include "model/people.hpp"

namespace okod {

// What the formatter needs to turn ids into names.
class TimelineNames {
public:
    TimelineNames(const DefinitionRegistry& definitions,
                  const std::vector<Municipality>& municipalities,
                  const std::vector<Person>& people);

    std::string municipality(const std::string& code) const;
    std::string workflow(const std::string& id, Language l) const;
    std::string state(const std::string& workflow, const std::string& state, Language l) const;
    std::string role(const std::string& id, Language l) const;
    std::string person(const std::string& id) const;

private:
    const DefinitionRegistry& definitions_;
    std::map<std::string, std::string> municipalities_;
    std::map<std::string, std::string> people_;
};

// "2022-03-17 09:00  GM0935 Maastricht  Implementatietraject  herinnering ..."
std::string format_event_line(const Event& e, const TimelineNames& names, Language l);
// {"time":"2022-03-17T09:00:00+01:00","municipality":"GM0935","workflow":...}; the
// title and note with people's names rendered, as in the line.
std::string format_event_json(const Event& e, const TimelineNames& names);

}  // namespace okod
