#pragma once
// Reads school holidays in the government's open-data JSON format
// (opendata.rijksoverheid.nl "schoolholidays"): an array of documents with
// content[].vacations[], each with type, compulsorydates and regions[] of
// {region, startdate, enddate}. Strings may carry stray spaces; end dates are
// inclusive. All or nothing: with any error the result is empty.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/school_holidays.hpp"
#include "definition/load_error.hpp"

namespace okod {

std::vector<SchoolHoliday> parse_school_holidays_json(std::string_view text,
                                                      const std::string& file,
                                                      std::vector<LoadError>& errors);
std::vector<SchoolHoliday> load_school_holidays_file(const std::filesystem::path& file,
                                                     std::vector<LoadError>& errors);

}  // namespace okod
