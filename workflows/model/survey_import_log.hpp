#pragma once
// The event-log line of a survey upload (issue 19): who stored which file's values, how
// many, and for which indicators and years, so the municipality's log shows when its
// monitor figures came in and from where (the API's upload and `okoctl import survey`
// write the same line, in the transaction that stores the values).
#include <string>
#include <vector>

#include "model/instance.hpp"
#include "model/measurement.hpp"

namespace okod {

// One line for `municipality` about the values of `stored` that are its own (a file may
// hold several municipalities); `by` is a person id or a token's label. The note reads
// "monitor.csv: 2 waarden: alcohol_last_month 2025, binge_drinking 2023 en 2025 (door
// anna)". No line when none of the values is the municipality's.
std::vector<Event> survey_import_events(const std::vector<Measurement>& stored,
                                        const std::string& file, const std::string& person,
                                        const std::string& by, Instant at);

}  // namespace okod
