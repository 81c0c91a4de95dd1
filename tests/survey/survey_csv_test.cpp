// Survey CSV files as GGD portals and Excel write them, and every kind of mistake an
// operator can make in one, with the exact message (file, line, column) they get.
#include "adapters/survey/survey_csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace okod {
namespace {

// In English: the cases below were written in it; the Dutch (the default of the API and
// okoctl) is checked apart.
std::vector<std::string> messages(const SurveyParse& p, Language l = Language::en) {
    std::vector<std::string> out;
    for (const auto& e : p.errors) out.push_back(e.to_string(l));
    return out;
}

Measurement m(std::string municipality, std::string indicator, std::string population, int year,
              double value) {
    Measurement x;
    x.municipality = std::move(municipality);
    x.indicator = std::move(indicator);
    x.population = std::move(population);
    x.year = year;
    x.value = value;
    return x;
}

std::vector<Measurement> measurements(const SurveyParse& p) {
    std::vector<Measurement> out;
    for (const auto& r : p.rows) out.push_back(r.measurement);
    return out;
}

// The one error of a file whose only problem is `row` (below a good header and row).
std::vector<std::string> errors_of_row(const std::string& row) {
    const std::string text =
        "gemeente;indicator;populatie;jaar;waarde\n"
        "GM0935;alcohol_last_month;13;2023;21,4\n" +
        row + "\n";
    return messages(parse_survey_csv(text, "survey.csv"));
}

TEST(SurveyCsv, reads_a_semicolon_file_with_dutch_decimals_and_percent_signs) {
    const auto p = parse_survey_csv(
        "gemeente;indicator;populatie;jaar;waarde;eenheid\n"
        "GM0935;alcohol_last_month;13;2023;21,4 %;procent\n"
        "GM0935;alcohol_last_month;13-16;2023;38,9%;procent\n"
        "GM0935;cannabis_last_month;klas 2;2023;3.5;procent\n"
        "gm0014;smoking_last_month;16;2021;12;procent\n",
        "survey.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(measurements(p),
              (std::vector<Measurement>{m("GM0935", "alcohol_last_month", "13", 2023, 21.4),
                                        m("GM0935", "alcohol_last_month", "13-16", 2023, 38.9),
                                        m("GM0935", "cannabis_last_month", "klas 2", 2023, 3.5),
                                        m("GM0014", "smoking_last_month", "16", 2021, 12)}));
    EXPECT_EQ(p.rows[0].line, 2);
    EXPECT_EQ(p.rows[3].line, 5);
}

TEST(SurveyCsv, the_separator_comes_from_the_header_even_after_a_blank_first_line) {
    const auto p = parse_survey_csv(
        "\n\"gemeente\";indicator;populatie;jaar;waarde\nGM0935;alcohol_last_month;13;2023;21,4\n",
        "survey.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(measurements(p),
              (std::vector<Measurement>{m("GM0935", "alcohol_last_month", "13", 2023, 21.4)}));
}

TEST(SurveyCsv, text_that_is_not_utf8_is_refused_with_its_place) {
    // "klas 2 én 3" as Excel's Windows-1252 "CSV (;)" writes it: é is the single byte E9.
    EXPECT_EQ(errors_of_row("GM0935;alcohol_last_month;klas 2 \xE9n 3;2023;21,4"),
              (std::vector<std::string>{
                  "survey.csv:3: column 3 (populatie): not UTF-8 text (saved by Excel as "
                  "\"CSV (;)\"?): save the file as \"CSV UTF-8\" and import again"}));
}

TEST(SurveyCsv, reads_a_comma_file_with_decimal_points) {
    const auto p = parse_survey_csv(
        "gemeente,indicator,populatie,jaar,waarde\n"
        "GM0935,binge_last_month,15,2023,17.25\n"
        "GM0935,binge_last_month,16,2023,29%\n",
        "survey.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(measurements(p),
              (std::vector<Measurement>{m("GM0935", "binge_last_month", "15", 2023, 17.25),
                                        m("GM0935", "binge_last_month", "16", 2023, 29)}));
}

TEST(SurveyCsv, quoted_fields_may_hold_the_separator_quotes_and_line_breaks) {
    const auto p = parse_survey_csv(
        "gemeente,indicator,populatie,jaar,waarde,eenheid\n"
        "GM0935,vaping_last_month,\"klas 2, havo/vwo\",2023,8.1,\"%, of \"\"all\"\" pupils\"\n"
        "GM0935,vaping_last_month,\"klas \"\"4\"\"\",2023, \"9.0\" ,\"two\nlines\"\n"
        "GM0935,vaping_last_month,13,2023,\"7.5\",%\n",
        "survey.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(measurements(p), (std::vector<Measurement>{
                                   m("GM0935", "vaping_last_month", "klas 2, havo/vwo", 2023, 8.1),
                                   m("GM0935", "vaping_last_month", "klas \"4\"", 2023, 9.0),
                                   m("GM0935", "vaping_last_month", "13", 2023, 7.5)}));
    // A record's line is where it starts: the quoted line break moves the next one down.
    EXPECT_EQ(p.rows[2].line, 5);
}

TEST(SurveyCsv, a_semicolon_file_keeps_commas_inside_quotes_as_decimal_commas) {
    const auto p = parse_survey_csv(
        "gemeente;indicator;populatie;jaar;waarde\n"
        "GM0935;alcohol_last_month;\"13; 14\";2023;\"21,4\"\n",
        "survey.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(measurements(p),
              (std::vector<Measurement>{m("GM0935", "alcohol_last_month", "13; 14", 2023, 21.4)}));
}

TEST(SurveyCsv, a_byte_order_mark_crlf_and_blank_lines_are_no_problem) {
    const auto p = parse_survey_csv(
        "\xEF\xBB\xBFgemeente;indicator;populatie;jaar;waarde\r\n"
        "\r\n"
        "GM0935;alcohol_last_month;13;2023;21,4\r\n"
        ";;;;\r\n"
        "   \r\n"
        "GM0935;alcohol_last_month;14;2023;30,1\r\n"
        "\r\n",
        "survey.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(measurements(p),
              (std::vector<Measurement>{m("GM0935", "alcohol_last_month", "13", 2023, 21.4),
                                        m("GM0935", "alcohol_last_month", "14", 2023, 30.1)}));
    EXPECT_EQ(p.rows[1].line, 6);
}

TEST(SurveyCsv, headers_may_be_english_in_any_order_and_any_case) {
    const auto p = parse_survey_csv(
        "Year,Value,Unit,Indicator,Age,MUNICIPALITY\n"
        "2023,21.4,%,alcohol_last_month,13,GM0935\n",
        "survey.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(measurements(p),
              (std::vector<Measurement>{m("GM0935", "alcohol_last_month", "13", 2023, 21.4)}));
    const auto dutch = parse_survey_csv(
        " Waarde ; Leeftijd;Jaar;Gemeente;Indicator\n21,4;13;2023;GM0935;alcohol_last_month\n",
        "s.csv");
    ASSERT_TRUE(dutch.ok()) << messages(dutch).front();
    EXPECT_EQ(measurements(dutch), measurements(p));
}

TEST(SurveyCsv, a_bad_number_names_line_column_and_header) {
    EXPECT_EQ(
        errors_of_row("GM0935;alcohol_last_month;14;2023;12,3,4"),
        std::vector<std::string>{"survey.csv:3: column 5 (waarde): '12,3,4' is not a number"});
    EXPECT_EQ(
        errors_of_row("GM0935;alcohol_last_month;14;2023;ca. 12"),
        std::vector<std::string>{"survey.csv:3: column 5 (waarde): 'ca. 12' is not a number"});
    EXPECT_EQ(
        errors_of_row("GM0935;alcohol_last_month;14;2023;1.234,5"),
        std::vector<std::string>{"survey.csv:3: column 5 (waarde): '1.234,5' is not a number"});
    EXPECT_EQ(errors_of_row("GM0935;alcohol_last_month;14;2023;"),
              std::vector<std::string>{
                  "survey.csv:3: column 5 (waarde): empty; expected a number such as 21,4"});
}

TEST(SurveyCsv, a_decimal_comma_in_a_comma_file_is_an_error_with_the_fix) {
    const auto quoted = parse_survey_csv(
        "gemeente,indicator,populatie,jaar,waarde\nGM0935,alcohol_last_month,13,2023,\"21,4\"\n",
        "s.csv");
    EXPECT_EQ(messages(quoted),
              std::vector<std::string>{"s.csv:2: column 5 (waarde): '21,4' is not a number (a "
                                       "comma-separated file takes a decimal point: 21.4)"});
    const auto unquoted = parse_survey_csv(
        "gemeente,indicator,populatie,jaar,waarde\nGM0935,alcohol_last_month,13,2023,21,4\n",
        "s.csv");
    EXPECT_EQ(messages(unquoted),
              std::vector<std::string>{"s.csv:2: 6 fields where the header has 5 (a decimal comma? "
                                       "In a comma-separated file write 21.4)"});
}

TEST(SurveyCsv, a_bad_year_names_line_and_column) {
    EXPECT_EQ(errors_of_row("GM0935;alcohol_last_month;14;23;12"),
              std::vector<std::string>{
                  "survey.csv:3: column 4 (jaar): '23' is not a year (four digits, 2000 to 2100)"});
    EXPECT_EQ(
        errors_of_row("GM0935;alcohol_last_month;14;1999;12"),
        std::vector<std::string>{
            "survey.csv:3: column 4 (jaar): '1999' is not a year (four digits, 2000 to 2100)"});
    EXPECT_EQ(
        errors_of_row("GM0935;alcohol_last_month;14;2023/24;12"),
        std::vector<std::string>{
            "survey.csv:3: column 4 (jaar): '2023/24' is not a year (four digits, 2000 to 2100)"});
}

TEST(SurveyCsv, a_bad_cbs_code_or_indicator_names_line_and_column) {
    EXPECT_EQ(errors_of_row("Maastricht;alcohol_last_month;14;2023;12"),
              std::vector<std::string>{"survey.csv:3: column 1 (gemeente): 'Maastricht' is not a "
                                       "CBS code (GM and four digits, e.g. GM0935)"});
    EXPECT_EQ(errors_of_row("GM935;alcohol_last_month;14;2023;12"),
              std::vector<std::string>{"survey.csv:3: column 1 (gemeente): 'GM935' is not a CBS "
                                       "code (GM and four digits, e.g. GM0935)"});
    EXPECT_EQ(
        errors_of_row("GM0935;Alcohol last month;14;2023;12"),
        std::vector<std::string>{
            "survey.csv:3: column 2 (indicator): 'Alcohol last month' is not an indicator "
            "(lowercase letters, digits and _, starting with a letter, e.g. alcohol_last_month)"});
    EXPECT_EQ(errors_of_row("GM0935;alcohol_last_month;;2023;12"),
              std::vector<std::string>{"survey.csv:3: column 3 (populatie): empty; expected a "
                                       "population such as 13, 13-16 or klas 2"});
}

TEST(SurveyCsv, every_bad_field_of_every_line_is_reported_in_file_order) {
    const auto p = parse_survey_csv(
        "jaar;waarde;gemeente;indicator;populatie\n"
        "2023;21,4;GM0935;alcohol_last_month;13\n"
        "2023;x;GM0935;alcohol_last_month;14\n"
        "20;21,4;GM09;alcohol_last_month;15\n",
        "survey.csv");
    EXPECT_TRUE(p.rows.empty());
    EXPECT_EQ(messages(p),
              (std::vector<std::string>{
                  "survey.csv:3: column 2 (waarde): 'x' is not a number",
                  "survey.csv:4: column 1 (jaar): '20' is not a year (four digits, 2000 to 2100)",
                  "survey.csv:4: column 3 (gemeente): 'GM09' is not a CBS code (GM and four "
                  "digits, e.g. GM0935)"}));
}

TEST(SurveyCsv, a_missing_column_is_named_with_its_alternatives) {
    const auto p =
        parse_survey_csv("gemeente;indicator;jaar\nGM0935;alcohol_last_month;2023\n", "survey.csv");
    EXPECT_EQ(messages(p),
              (std::vector<std::string>{
                  "survey.csv:1: no column 'populatie' or 'population' or 'leeftijd' or 'age'",
                  "survey.csv:1: no column 'waarde' or 'value'"}));
}

TEST(SurveyCsv, an_unknown_or_doubled_column_is_an_error_naming_it) {
    const auto p = parse_survey_csv(
        "gemeente;indicator;populatie;jaar;waarde;opmerking;year\nGM0935;a;13;2023;1;x;2023\n",
        "survey.csv");
    EXPECT_EQ(
        messages(p),
        (std::vector<std::string>{
            "survey.csv:1: column 6 (opmerking): unknown column (expected gemeente, indicator, "
            "populatie, jaar, waarde and optionally eenheid; in English municipality, indicator, "
            "population, year, value, unit)",
            "survey.csv:1: column 7 (year): the same column as column 4 (jaar)"}));
}

TEST(SurveyCsv, too_few_or_too_many_fields_on_a_line_name_the_line) {
    EXPECT_EQ(errors_of_row("GM0935;alcohol_last_month;14;2023"),
              std::vector<std::string>{"survey.csv:3: 4 fields where the header has 5"});
    EXPECT_EQ(errors_of_row("GM0935;alcohol_last_month;14;2023;12;13"),
              std::vector<std::string>{"survey.csv:3: 6 fields where the header has 5"});
}

TEST(SurveyCsv, a_duplicate_row_names_both_lines) {
    const auto p = parse_survey_csv(
        "gemeente;indicator;populatie;jaar;waarde\n"
        "GM0935;alcohol_last_month;13;2023;21,4\n"
        "GM0935;alcohol_last_month;14;2023;30,1\n"
        "gm0935;alcohol_last_month; 13 ;2023;22\n",
        "survey.csv");
    EXPECT_EQ(messages(p), std::vector<std::string>{
                               "survey.csv:4: the same gemeente, indicator, populatie and jaar as "
                               "line 2 (GM0935, alcohol_last_month, 13, 2023)"});
    EXPECT_TRUE(p.rows.empty());
}

TEST(SurveyCsv, an_unterminated_quote_is_reported_where_it_opens) {
    const auto p = parse_survey_csv(
        "gemeente;indicator;populatie;jaar;waarde\n"
        "GM0935;alcohol_last_month;13;2023;21,4\n"
        "GM0935;alcohol_last_month;\"klas 2;2023;21,4\n"
        "GM0935;alcohol_last_month;14;2023;30,1\n",
        "survey.csv");
    EXPECT_EQ(
        messages(p),
        std::vector<std::string>{
            "survey.csv:3: column 3 (populatie): the quote that opens this field is never closed"});
    EXPECT_TRUE(p.rows.empty());
}

TEST(SurveyCsv, stray_quotes_are_reported_with_the_fix) {
    EXPECT_EQ(
        errors_of_row("GM0935;alcohol_last_month;klas \"2\";2023;12"),
        std::vector<std::string>{
            "survey.csv:3: column 3 (populatie): a quote in a field that does not start "
            "with one (put the whole field in quotes and double the quote: \"a \"\"b\"\"\")"});
    EXPECT_EQ(errors_of_row("GM0935;alcohol_last_month;\"klas \"2\" havo\";2023;12"),
              std::vector<std::string>{
                  "survey.csv:3: column 3 (populatie): text after the closing quote (inside "
                  "quotes, write a quote as \"\")"});
}

TEST(SurveyCsv, an_empty_file_or_a_header_alone_imports_nothing) {
    EXPECT_EQ(
        messages(parse_survey_csv("", "survey.csv")),
        std::vector<std::string>{"survey.csv: the file is empty; expected a header line such as "
                                 "gemeente;indicator;populatie;jaar;waarde"});
    EXPECT_EQ(
        messages(parse_survey_csv("\xEF\xBB\xBFgemeente;indicator;populatie;jaar;waarde\r\n\r\n",
                                  "survey.csv")),
        std::vector<std::string>{"survey.csv:1: no rows below the header; nothing to import"});
}

TEST(SurveyCsv, the_shipped_example_file_parses) {
    // config/examples/survey-maastricht-2023.csv is what the docs point to.
    const std::string text =
        test::read_file(test::source_path("config/examples/survey-maastricht-2023.csv"));
    const auto p = parse_survey_csv(text, "survey-maastricht-2023.csv");
    ASSERT_TRUE(p.ok()) << messages(p).front();
    EXPECT_EQ(p.rows.size(), 20u);
    for (const auto& r : p.rows) {
        EXPECT_EQ(r.measurement.municipality, "GM0935");
        EXPECT_EQ(r.measurement.year, 2023);
    }
}

TEST(SurveyCsv, every_problem_is_also_said_in_dutch_with_the_same_place) {
    const auto p = parse_survey_csv(
        "gemeente;indicator;populatie;jaar;waarde;eenheid\n"
        "GM0935;alcohol_last_month;13;2025;21,4 %;procent\n"
        "GM0935;binge_drinking;15;2025;veel;procent\n"
        "GM09;binge_drinking;15;20x5;1;procent\n"
        "GM0935;alcohol_last_month;13;2025;22;procent\n",
        "monitor.csv");
    EXPECT_EQ(messages(p, Language::nl),
              (std::vector<std::string>{
                  "monitor.csv:3: kolom 5 (waarde): 'veel' is geen getal",
                  "monitor.csv:4: kolom 1 (gemeente): 'GM09' is geen CBS-code (GM en vier "
                  "cijfers, bijvoorbeeld GM0935)",
                  "monitor.csv:4: kolom 4 (jaar): '20x5' is geen jaar (vier cijfers, 2000 tot en "
                  "met 2100)",
                  "monitor.csv:5: dezelfde gemeente, indicator, populatie en jaar als regel 2 "
                  "(GM0935, alcohol_last_month, 13, 2025)"}));
    EXPECT_EQ(messages(p, Language::en).front(),
              "monitor.csv:3: column 5 (waarde): 'veel' is not a number");
    const auto header = parse_survey_csv("gemeente;indicator;jaar;waarde\n", "monitor.csv");
    EXPECT_EQ(messages(header, Language::nl),
              std::vector<std::string>{
                  "monitor.csv:1: geen kolom 'populatie' of 'population' of 'leeftijd' of 'age'"});
    const auto quote = parse_survey_csv("gemeente;indicator\n\"GM0935;x\n", "monitor.csv");
    EXPECT_EQ(messages(quote, Language::nl).back(),
              "monitor.csv:2: kolom 1 (gemeente): het aanhalingsteken dat dit veld opent, wordt "
              "nergens gesloten");
}

}  // namespace
}  // namespace okod
