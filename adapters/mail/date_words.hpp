#pragma once
// Dates the way people write them in a letter, in Dutch or English, on the Amsterdam
// clock: "dinsdag 30 september 2025 om 17:00", "Tuesday 30 September 2025 at 17:00".
// Written out here instead of via std::locale: the nl_NL locale is rarely installed
// on servers, and a reminder must not change language with the host.
#include <string>

#include "model/text.hpp"
#include "time/instant.hpp"

namespace okod {

// "dinsdag 30 september 2025 om 17:00" / "Tuesday 30 September 2025 at 17:00"
std::string long_date_time(Instant t, Language lang);
// "dinsdag 30 september 2025" / "Tuesday 30 September 2025"
std::string long_date(Instant t, Language lang);
// "di 30 sep 2025" / "Tue 30 Sep 2025": for subject lines
std::string short_date(Instant t, Language lang);
// "17:00"
std::string clock_time(Instant t);

}  // namespace okod
