#pragma once
// What the year-plan tests build their tasks from: a day at 17:00 in Amsterdam, and a
// task of Maastricht (GM0935) due then, as the engine would have made it two months before.
#include <string>

#include "model/instance.hpp"
#include "time/amsterdam.hpp"

namespace okod::test {

inline Instant on(int y, unsigned m, unsigned d) {
    return at_local(Date{date::year{y}, date::month{m}, date::day{d}}, TimeOfDay{17 * 60});
}

inline Task task(const std::string& workflow, const std::string& spec, Instant due,
                 TaskStatus status) {
    Task t;
    t.municipality = "GM0935";
    t.workflow = workflow;
    t.spec_id = spec;
    t.key = spec;
    t.due = due;
    t.status = status;
    t.created_at = due - std::chrono::hours(24 * 60);
    return t;
}

}  // namespace okod::test
