// The importer of the government's open-data school holidays (schoolvakanties JSON):
// the real file, the sloppiness real files have, and broken files, each rejected as a
// whole with the place of every problem. And how imported years replace the file's.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "adapters/calendar/school_holidays_json.hpp"
#include "calendar/calendar.hpp"
#include "calendar/school_holiday_merge.hpp"
#include "support/test_support.hpp"

namespace okod {
namespace {

Date d(int y, unsigned m, unsigned day) {
    return Date{date::year{y}, date::month{m}, date::day{day}};
}

std::vector<SchoolHoliday> parse(const std::string& text, std::vector<LoadError>& errors) {
    return parse_school_holidays_json(text, "vakanties.json", errors);
}

// The one error a broken file gives, as okoctl prints it; fails if there is not exactly one
// or if anything was read anyway.
std::string the_error(const std::string& text) {
    std::vector<LoadError> errors;
    const auto holidays = parse(text, errors);
    EXPECT_TRUE(holidays.empty()) << "read " << holidays.size() << " holidays from a broken file";
    if (errors.size() != 1) {
        ADD_FAILURE() << errors.size() << " errors";
        for (const auto& e : errors) ADD_FAILURE() << e.to_string();
        return errors.empty() ? "" : errors.front().to_string();
    }
    return errors.front().to_string();
}

// A government-shaped file with one vacation; `vacation` is its JSON text.
std::string with_vacation(const std::string& vacation) {
    return R"([
  {
    "id": "schoolvakanties-2026-2027",
    "type": "schoolvakanties",
    "canonical": "https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar/overzicht-schoolvakanties-2026-2027",
    "dataowner": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "content": [
      {
        "title": "Schoolvakanties 2026-2027",
        "schoolyear": "2026-2027",
        "vacations": [
)" + vacation +
           R"(
        ]
      }
    ]
  }
]
)";
}

TEST(SchoolHolidaysImport, the_shipped_file_for_2021_to_2030_reads_every_region_and_year) {
    std::vector<LoadError> errors;
    const auto holidays = load_school_holidays_file(
        test::source_path("config/calendars/school-holidays.json"), errors);
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
    std::set<std::string> years, regions;
    for (const auto& h : holidays) {
        years.insert(school_year_of(h.first));
        regions.insert(h.region);
        EXPECT_LE(to_days(h.first), to_days(h.last)) << h.name;
    }
    EXPECT_EQ(years, (std::set<std::string>{"2021-2022", "2022-2023", "2023-2024", "2024-2025",
                                            "2025-2026", "2026-2027", "2027-2028", "2028-2029",
                                            "2029-2030"}));
    EXPECT_EQ(regions, (std::set<std::string>{"noord", "midden", "zuid", "heel Nederland"}));
    // Zomervakantie 2026 in zuid: 11 July - 23 August, end date inclusive.
    const Calendar cal{SchoolHolidays(holidays)};
    EXPECT_TRUE(cal.is_school_day("zuid", d(2026, 7, 10)));
    EXPECT_FALSE(cal.is_school_day("zuid", d(2026, 7, 13)));
    EXPECT_FALSE(cal.is_school_day("zuid", d(2026, 8, 21)));
    EXPECT_TRUE(cal.is_school_day("zuid", d(2026, 8, 24)));
}

TEST(SchoolHolidaysImport, stray_spaces_any_case_and_string_or_json_booleans_are_accepted) {
    const std::string text = with_vacation(R"(
          { "type": " Herfstvakantie ", "compulsorydates": " true ",
            "regions": [ { "region": " Zuid ", "startdate": " 2026-10-17T00:00:00.000Z ", "enddate": "2026-10-25T00:00:00.000Z " } ] },
          { "type": "Kerstvakantie", "compulsorydates": "FALSE",
            "regions": [ { "region": "Heel Nederland", "startdate": "2026-12-19", "enddate": "2027-01-03" } ] },
          { "type": "Meivakantie", "compulsorydates": true,
            "regions": [ { "region": "heel Nederland", "startdate": "2027-04-23T22:00:00.000Z", "enddate": "2027-05-02T00:00:00.000Z" } ] },
          { "type": "Voorjaarsvakantie",
            "regions": [ { "region": "noord", "startdate": "2027-02-20T00:00:00.000Z", "enddate": "2027-02-28T00:00:00.000Z" } ] })");
    std::vector<LoadError> errors;
    const auto h = parse(text, errors);
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
    ASSERT_EQ(h.size(), 4u);
    EXPECT_EQ(h[0].name, "Herfstvakantie");
    EXPECT_EQ(h[0].region, "zuid");
    EXPECT_EQ(h[0].first, d(2026, 10, 17));
    EXPECT_EQ(h[0].last, d(2026, 10, 25));
    EXPECT_EQ(h[1].region, "heel Nederland");
    EXPECT_EQ(h[1].last, d(2027, 1, 3));
    EXPECT_EQ(h[2].first, d(2027, 4, 24));      // 22:00Z is local midnight of the next day
    EXPECT_EQ(h[3].name, "Voorjaarsvakantie");  // compulsorydates may be left out
}

TEST(SchoolHolidaysImport, invalid_json_names_the_line_and_column) {
    EXPECT_EQ(the_error("[\n  {\"content\": [\n    {\"vacations\": [}\n"),
              "vakanties.json:3:20: invalid JSON: syntax error");
}

TEST(SchoolHolidaysImport, a_value_of_the_wrong_type_names_its_path_and_place) {
    EXPECT_EQ(
        the_error(with_vacation(R"(          { "type": "Herfstvakantie", "regions": "zuid" })")),
        "vakanties.json:12:50: [0].content[0].vacations[0].regions: expected an array, found a "
        "string");
    EXPECT_EQ(the_error(with_vacation(R"(          { "type": 7, "regions": [] })")),
              "vakanties.json:12:21: [0].content[0].vacations[0].type: expected a string, found a "
              "number");
    EXPECT_EQ(the_error(R"({"content": []})"),
              "vakanties.json:1:1: $: expected an array of school-year "
              "documents, found an object");
}

TEST(SchoolHolidaysImport, a_missing_key_names_the_object_it_is_missing_from) {
    EXPECT_EQ(the_error(with_vacation(R"(          { "type": "Herfstvakantie", "regions": [
            { "region": "zuid", "startdate": "2026-10-17T00:00:00.000Z" } ] })")),
              "vakanties.json:13:13: [0].content[0].vacations[0].regions[0]: missing 'enddate' (a "
              "string)");
}

TEST(SchoolHolidaysImport, an_unknown_region_is_refused) {
    EXPECT_EQ(the_error(with_vacation(R"(          { "type": "Herfstvakantie", "regions": [
            { "region": "west", "startdate": "2026-10-17T00:00:00.000Z", "enddate": "2026-10-25T00:00:00.000Z" } ] })")),
              "vakanties.json:13:25: [0].content[0].vacations[0].regions[0].region: unknown region "
              "'west' "
              "(noord, midden, zuid or heel Nederland)");
}

TEST(SchoolHolidaysImport, an_end_before_the_start_is_refused) {
    EXPECT_EQ(the_error(with_vacation(R"(          { "type": "Herfstvakantie", "regions": [
            { "region": "zuid", "startdate": "2026-10-25T00:00:00.000Z", "enddate": "2026-10-17T00:00:00.000Z" } ] })")),
              "vakanties.json:13:85: [0].content[0].vacations[0].regions[0].enddate: enddate "
              "2026-10-17 is "
              "before startdate 2026-10-25");
}

TEST(SchoolHolidaysImport, a_date_that_is_not_a_date_is_refused) {
    EXPECT_EQ(the_error(with_vacation(R"(          { "type": "Herfstvakantie", "regions": [
            { "region": "zuid", "startdate": "2026-10-32T00:00:00.000Z", "enddate": "2026-10-25T00:00:00.000Z" } ] })")),
              "vakanties.json:13:46: [0].content[0].vacations[0].regions[0].startdate: "
              "'2026-10-32T00:00:00.000Z' "
              "is not a date (2024-10-19T00:00:00.000Z)");
}

TEST(SchoolHolidaysImport, compulsorydates_must_be_true_or_false) {
    const std::string region =
        R"("regions": [ { "region": "zuid", "startdate": "2026-10-17", "enddate": "2026-10-25" } ] })";
    EXPECT_EQ(
        the_error(with_vacation(
            R"(          { "type": "Herfstvakantie", "compulsorydates": "maybe", )" + region)),
        "vakanties.json:12:58: [0].content[0].vacations[0].compulsorydates: expected true or "
        "false, "
        "found 'maybe'");
    EXPECT_EQ(the_error(with_vacation(
                  R"(          { "type": "Herfstvakantie", "compulsorydates": 1, )" + region)),
              "vakanties.json:12:58: [0].content[0].vacations[0].compulsorydates: expected true or "
              "false, "
              "found a number");
}

TEST(SchoolHolidaysImport, a_file_without_holidays_is_refused) {
    EXPECT_EQ(the_error(""), "vakanties.json: no school holidays in the file (it is empty)");
    EXPECT_EQ(the_error(" \n"), "vakanties.json: no school holidays in the file (it is empty)");
    EXPECT_EQ(the_error("[]"),
              "vakanties.json: no school holidays in the file (no content[].vacations[])");
    EXPECT_EQ(the_error(with_vacation("")),
              "vakanties.json: no school holidays in the file (no content[].vacations[])");
}

TEST(SchoolHolidaysImport, every_problem_is_reported_and_nothing_is_read) {
    std::vector<LoadError> errors;
    const auto h = parse(with_vacation(R"(
          { "type": "Herfstvakantie", "compulsorydates": "false",
            "regions": [ { "region": "zuid", "startdate": "2026-10-17", "enddate": "2026-10-25" } ] },
          { "type": "Kerstvakantie", "compulsorydates": "maybe",
            "regions": [ { "region": "heel Nederland", "startdate": "2026-12-19", "enddate": "2026-12-01" } ] })"),
                         errors);
    EXPECT_TRUE(h.empty());
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_NE(errors[0].message.find("compulsorydates"), std::string::npos)
        << errors[0].to_string();
    EXPECT_NE(errors[1].message.find("enddate 2026-12-01 is before startdate 2026-12-19"),
              std::string::npos)
        << errors[1].to_string();
}

TEST(SchoolHolidayMerge, an_imported_school_year_replaces_the_files_year_in_every_region) {
    const std::vector<SchoolHoliday> file{
        {"Herfstvakantie", "zuid", d(2025, 10, 11), d(2025, 10, 19)},
        {"Zomervakantie", "zuid", d(2026, 7, 11), d(2026, 8, 23)},  // still 2025-2026
        {"Herfstvakantie", "zuid", d(2026, 10, 17), d(2026, 10, 25)},
        {"Herfstvakantie", "noord", d(2026, 10, 10), d(2026, 10, 18)},
    };
    const std::vector<SchoolHoliday> imported{
        {"Herfstvakantie", "zuid", d(2026, 10, 3), d(2026, 10, 11)}};
    const Calendar cal(SchoolHolidays(merge_school_holidays(file, imported)));
    EXPECT_FALSE(cal.is_school_day("zuid", d(2026, 10, 5)));   // imported
    EXPECT_TRUE(cal.is_school_day("zuid", d(2026, 10, 19)));   // the file's 2026-2027 is gone
    EXPECT_TRUE(cal.is_school_day("noord", d(2026, 10, 12)));  // in every region
    EXPECT_FALSE(cal.is_school_day("zuid", d(2025, 10, 13)));  // 2025-2026 as the file has it
    EXPECT_FALSE(cal.is_school_day("zuid", d(2026, 7, 13)));
    EXPECT_EQ(merge_school_holidays(file, {}).size(), file.size());
}

}  // namespace
}  // namespace okod
