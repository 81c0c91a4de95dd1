#pragma once
// Dutch public holidays (the days of the Algemene termijnenwet), computed for any year:
// nothing to keep up to date. Easter Sunday by the Gregorian computus.
#include <string>
#include <vector>

#include "time/instant.hpp"

namespace okod {

struct PublicHoliday {
    Date date{};
    std::string name;  // Dutch name, e.g. "Tweede Paasdag"
};

Date easter_sunday(int year);
std::vector<PublicHoliday> public_holidays(int year);  // in date order
bool is_public_holiday(Date d);

}  // namespace okod
