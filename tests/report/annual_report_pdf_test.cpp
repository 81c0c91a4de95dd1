// The yearly report as the griffie gets it: okoctl fetches it from the real okod, as
// HTML, as CSV for a spreadsheet, and as PDF printed by Debian's chromium (A4); poppler
// reads the PDF back: several pages, with the report's Dutch text on them, none blank.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "support/api_daemon.hpp"

namespace okod::test {
namespace {

using namespace std::chrono_literals;

RunResult run_tool(const std::string& program, const std::vector<std::string>& args,
                   const std::filesystem::path& log) {
    ChildProcess p(program, args, log);
    RunResult r;
    r.exit_code = p.wait_for(120s).value_or(-1);
    r.out = read_file(log);
    return r;
}

// The share of dark pixels in a binary PGM ("P5 w h 255\n" then one byte per pixel).
double ink_fraction(const std::string& pgm) {
    std::istringstream in(pgm);
    std::string magic;
    int w = 0, h = 0, max = 0;
    in >> magic >> w >> h >> max;
    in.get();
    if (magic != "P5" || w <= 0 || h <= 0) return -1;
    const std::string pixels = pgm.substr(static_cast<std::size_t>(in.tellg()));
    int dark = 0;
    for (unsigned char p : pixels) dark += p < 200 ? 1 : 0;  // text, lines, the light fills
    return static_cast<double>(dark) / (static_cast<double>(w) * h);
}

TEST(AnnualReportPdf, the_html_report_prints_to_a_multi_page_a4_pdf_with_its_text) {
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/chromium"))
        << "run scripts/install-deps.sh --tests";
    ASSERT_TRUE(std::filesystem::exists("/usr/bin/pdfinfo"))
        << "run scripts/install-deps.sh --tests (poppler-utils)";
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto council =
        okod.token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    // The survey results of the shipped example, for the goals' figures and trend charts.
    const auto imported =
        run_binary("okoctl", {"import", "survey",
                              source_path("config/examples/survey-maastricht-trends.csv").string(),
                              "--config", okod.config().string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto html = okod.dir() / "jaarrapportage.html";
    auto r = run_binary(
        "okoctl",
        {"report", "annual", "--municipality", "GM0935", "--year", "2025", "--output",
         html.string()},
        {"OKOD_URL=" + okod.url(), "OKOD_TOKEN=" + council, "OKOD_TOKEN_FILE", "OKOD_CONFIG"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(read_file(html).find("<h1>Jaarrapportage OKO 2025 – Maastricht</h1>"),
              std::string::npos);

    const auto pdf = okod.dir() / "jaarrapportage.pdf";
    r = run_binary(
        "okoctl",
        {"report", "annual", "--municipality", "GM0935", "--year", "2025", "--format", "pdf", "-o",
         pdf.string()},
        {"OKOD_URL=" + okod.url(), "OKOD_TOKEN=" + council, "OKOD_TOKEN_FILE", "OKOD_CONFIG"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("printed by /usr/bin/chromium"), std::string::npos) << r.out;
    ASSERT_TRUE(std::filesystem::exists(pdf));
    EXPECT_FALSE(std::filesystem::exists(pdf.string() + ".part"));

    const auto info = run_tool("/usr/bin/pdfinfo", {pdf.string()}, okod.dir() / "pdfinfo.log");
    ASSERT_EQ(info.exit_code, 0) << info.out;
    EXPECT_NE(info.out.find("(A4)"), std::string::npos)
        << info.out;  // "Page size: 594.96 x 841.92 pts (A4)"
    const auto pages_at = info.out.find("Pages:");
    ASSERT_NE(pages_at, std::string::npos) << info.out;
    EXPECT_GE(std::stoi(info.out.substr(pages_at + 6)), 2)
        << info.out;  // the draft plan starts a page

    const auto text = run_tool("/usr/bin/pdftotext", {"-layout", pdf.string(), "-"},
                               okod.dir() / "pdftotext.log");
    ASSERT_EQ(text.exit_code, 0) << text.out;
    for (const char* words :
         {"Jaarrapportage OKO 2025", "Positie in de cyclus", "Activiteitenoverzicht per werkgroep",
          "Doelen en metingen", "17,6 %", "Succesvoorwaarden", "Concept-jaarplan 2026",
          "Gemeenteraadsverkiezingen"})
        EXPECT_NE(text.out.find(words), std::string::npos) << words << "\n" << text.out;

    // Every page rendered by poppler has ink on it: no blank page (a page break too many).
    const int pages = std::stoi(info.out.substr(pages_at + 6));
    const auto rendered = run_tool(
        "/usr/bin/pdftoppm", {"-gray", "-r", "50", pdf.string(), (okod.dir() / "page").string()},
        okod.dir() / "pdftoppm.log");
    ASSERT_EQ(rendered.exit_code, 0) << rendered.out;
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(okod.dir())) {
        if (entry.path().extension() != ".pgm") continue;
        const double ink = ink_fraction(read_file(entry.path()));
        EXPECT_GT(ink, 0.001) << entry.path().filename()
                              << " looks blank";  // one table row is ~0.3 %
        EXPECT_LT(ink, 0.6) << entry.path().filename() << " looks black";
        ++checked;
    }
    EXPECT_EQ(checked, pages);
}

TEST(AnnualReportPdf, the_csv_holds_the_reports_tables_for_a_dutch_spreadsheet) {
    ApiDaemon okod;
    ASSERT_TRUE(okod.ready());
    const auto council =
        okod.token({"--role", "council", "--municipality", "GM0935", "--label", "griffie"});
    const std::vector<std::string> env{"OKOD_URL=" + okod.url(), "OKOD_TOKEN=" + council,
                                       "OKOD_TOKEN_FILE", "OKOD_CONFIG"};
    const auto r = run_binary(
        "okoctl",
        {"report", "annual", "--municipality", "GM0935", "--year", "2025", "--format", "csv"}, env);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("\xEF\xBB\xBFJaarrapportage OKO 2025 – Maastricht\r\n", 0), 0u)
        << r.out.substr(0, 200);
    // The process monitor's table, under its section's heading, with the traffic light.
    EXPECT_NE(r.out.find("\r\nProcesmonitor implementatietraject\r\nLicht;"), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find('\n', 0), r.out.find("\r\n", 0) + 1);  // CRLF line ends

    // A PDF is for a file, and a wrong format is refused before okod is asked.
    const auto no_file = run_binary(
        "okoctl", {"report", "annual", "--municipality", "GM0935", "--format", "pdf"}, env);
    EXPECT_EQ(no_file.exit_code, 2);
    EXPECT_NE(no_file.err.find("--format pdf needs --output FILE"), std::string::npos)
        << no_file.err;
    const auto docx = run_binary(
        "okoctl", {"report", "annual", "--municipality", "GM0935", "--format", "docx"}, env);
    EXPECT_EQ(docx.exit_code, 2);
}

}  // namespace
}  // namespace okod::test
