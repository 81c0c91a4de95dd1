#pragma once
// School holidays per region (noord, midden, zuid; "heel Nederland" applies to all).
// The data comes from files (config/calendars/school-holidays.json, the government's
// open-data format), read by adapters/calendar/; this class only answers questions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/instant.hpp"

namespace okod {

inline constexpr std::string_view kAllRegions = "heel Nederland";

struct SchoolHoliday {
    std::string name;    // "Herfstvakantie"
    std::string region;  // "noord" | "midden" | "zuid" | "heel Nederland"
    Date first{};        // inclusive
    Date last{};         // inclusive
};

class SchoolHolidays {
public:
    SchoolHolidays() = default;
    explicit SchoolHolidays(std::vector<SchoolHoliday> holidays);

    // The holiday covering `d` in `region`, or nullptr.
    const SchoolHoliday* holiday_on(std::string_view region, Date d) const;
    // Is there data for `d`: from 1 August before the first holiday to the last day
    // of the last holiday (the end of the last summer holiday)? Outside the data okod
    // cannot know the holidays and treats every business day as a school day.
    bool covers(Date d) const;
    // The last day the data covers; nullopt without data.
    std::optional<Date> known_until() const;
    const std::vector<SchoolHoliday>& all() const { return holidays_; }

private:
    std::vector<SchoolHoliday> holidays_;
    Date first_{};
    Date last_{};
};

bool is_school_region(std::string_view region);
// The school year a day belongs to, "2025-2026": from 1 August to 31 July.
std::string school_year_of(Date d);

}  // namespace okod
