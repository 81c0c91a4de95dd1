// The yearly report's tables as CSV, as a Dutch spreadsheet opens them: UTF-8 with BOM,
// semicolons, CRLF, quotes where a cell needs them, and typed text that stays text.
#include <gtest/gtest.h>

#include "adapters/report/report_document.hpp"

namespace okod {
namespace {

Document sample() {
    Document d;
    d.language = "nl";
    d.title = "Jaarrapportage OKO 2026 – Maastricht";
    d.subtitle = "Stand van zaken op 10 september 2026";
    DocSection activities{"Activiteitenoverzicht", {}, false};
    activities.blocks.push_back(DocParagraph{"Alleen tekst: niet in de CSV."});
    DocTable t;
    t.headers = {"Werkgroep", "Activiteit", "Toelichting"};
    t.rows = {{"Monitor", "Jeugdmonitor afnemen", "Klas 2 en 4; in schooltijd"},
              {"Communicatie", "Webinar \"alcohol thuis\"", "=HYPERLINK(\"http://x.example\")"},
              {"Beleid", "Nalevingsonderzoek", "-3,5 % t.o.v. 2023"},
              {"Beleid", "Handhaving", "- nog niet gestart"},
              {"Beleid", "Saldo", "-3,5"},
              {"Beleid", "Truc", "-2+3+cmd|' /C calc'!A0"}};
    t.marks = {"groen", "oranje", "rood", "", "", ""};
    activities.blocks.push_back(t);
    d.sections.push_back(activities);
    DocSection goals{"Doelen en metingen", {}, false};
    DocChart c;
    c.caption = "Alcoholgebruik afgelopen maand, 13-16 jaar";
    c.baseline = {2021, 21.0};
    c.measured = {{2023, 19.4}};
    c.target = {2027, 15.0};
    goals.blocks.push_back(c);
    d.sections.push_back(goals);
    return d;
}

TEST(ReportCsv, tables_and_charts_in_blocks_under_their_section_with_the_traffic_light_first) {
    EXPECT_EQ(to_csv(sample()),
              "\xEF\xBB\xBF"
              "Jaarrapportage OKO 2026 – Maastricht\r\n"
              "Stand van zaken op 10 september 2026\r\n"
              "\r\n"
              "Activiteitenoverzicht\r\n"
              "Licht;Werkgroep;Activiteit;Toelichting\r\n"
              "groen;Monitor;Jeugdmonitor afnemen;\"Klas 2 en 4; in schooltijd\"\r\n"
              "oranje;Communicatie;\"Webinar \"\"alcohol "
              "thuis\"\"\";\"'=HYPERLINK(\"\"http://x.example\"\")\"\r\n"
              "rood;Beleid;Nalevingsonderzoek;'-3,5 % t.o.v. 2023\r\n"
              ";Beleid;Handhaving;'- nog niet gestart\r\n"
              ";Beleid;Saldo;-3,5\r\n"
              ";Beleid;Truc;'-2+3+cmd|' /C calc'!A0\r\n"
              "\r\n"
              "Doelen en metingen;Alcoholgebruik afgelopen maand, 13-16 jaar\r\n"
              "Jaar;Waarde;Soort\r\n"
              "2021;21,0;nulmeting\r\n"
              "2023;19,4;meting\r\n"
              "2027;15,0;streefwaarde\r\n");
}

TEST(ReportCsv, english_words_and_decimal_points_in_english) {
    Document d = sample();
    d.language = "en";
    const std::string csv = to_csv(d);
    EXPECT_NE(csv.find("Light;Werkgroep"), std::string::npos);
    EXPECT_NE(csv.find("Year;Value;Kind\r\n2021;21.0;baseline\r\n"), std::string::npos) << csv;
}

TEST(ReportCsv, a_cell_with_a_line_break_is_quoted_and_stays_one_cell) {
    Document d;
    d.language = "nl";
    d.title = "T";
    DocTable t;
    t.headers = {"Opmerking"};
    t.rows = {{"regel 1\nregel 2"}, {" spaties "}};
    d.sections.push_back({"S", {t}, false});
    EXPECT_NE(to_csv(d).find("Opmerking\r\n\"regel 1\nregel 2\"\r\n\" spaties \"\r\n"),
              std::string::npos);
}

}  // namespace
}  // namespace okod
