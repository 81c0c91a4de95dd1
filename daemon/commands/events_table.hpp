#pragma once
// Events from okod's API (its audit log) as table rows, for `okoctl events` and the
// history of `okoctl instances show`.
#include <boost/json/array.hpp>
#include <vector>

#include "daemon/client/text_table.hpp"

namespace okod {

// A header and one row per event: seq, time, kind, [instance and workflow,] and what
// happened in words (state change, task, role, person, due, note: what the event has).
std::vector<TextRow> event_rows(const boost::json::array& events, bool with_instance);

}  // namespace okod
