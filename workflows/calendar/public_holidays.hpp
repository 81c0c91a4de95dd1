#pragma once
// Dutch public holidays (the days of the Algemene termijnenwet, with Goede Vrijdag and
// Bevrijdingsdag as a municipality's HolidayRules say), computed for any year: nothing
// to keep up to date. Easter Sunday by the Gregorian computus.
#include <string>
#include <vector>

#include "model/holiday_rules.hpp"
#include "time/instant.hpp"

namespace okod {

struct PublicHoliday {
    Date date{};
    std::string name;  // Dutch name, e.g. "Tweede Paasdag"
};

Date easter_sunday(int year);
std::vector<PublicHoliday> public_holidays(int year, const HolidayRules& rules = {});  // in order
bool is_public_holiday(Date d, const HolidayRules& rules = {});

}  // namespace okod
